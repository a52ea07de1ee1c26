import { absoluteFilePathSchema } from '../../../shared/api/schemas/workspace-schemas';

/**
 * Why a typed path would be refused before it reaches the backend, or null when it is acceptable.
 * The rule is the contract's own (`absoluteFilePathSchema`), so the form and the backend never disagree.
 * @example pathProblem('notes.sqlite') // → 'Give the full path of the file, e.g. /Users/you/…'
 */
export function pathProblem(typed: string): string | null {
  const value = typed.trim();
  if (value === '') return 'Type the full path of the file.';
  const parsed = absoluteFilePathSchema.safeParse(value);
  if (parsed.success) return null;
  const message = parsed.error.issues[0]?.message ?? 'Give the full path of the file';
  return `${message}, e.g. /Users/you/Documents/client.sqlite or C:\\Users\\you\\client.sqlite.`;
}
