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

/** The last segment of a path, for short mentions ("Opened acme.sqlite"). */
export function fileNameOf(filePath: string): string {
  return filePath.split(/[\\/]/).filter(Boolean).pop() ?? filePath;
}

/** The folder part of a path, keeping its separator style; '' when there is none. */
export function folderOf(filePath: string): string {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  return cut <= 0 ? filePath.slice(0, cut + 1) : filePath.slice(0, cut);
}

/** The separator a path uses ('\\' for Windows paths), to build a sibling path in the same style. */
export function separatorOf(filePath: string): '/' | '\\' {
  return filePath.includes('\\') && !filePath.includes('/') ? '\\' : '/';
}

/**
 * A path beside `filePath` with another name, for prefilling a path field.
 * @example siblingPath('/w/acme.sqlite', 'acme-export.json') // → '/w/acme-export.json'
 */
export function siblingPath(filePath: string, name: string): string {
  const folder = folderOf(filePath);
  const separator = separatorOf(filePath);
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

/** A file name without its extension: 'acme.sqlite' → 'acme'. */
export function stemOf(filePath: string): string {
  const name = fileNameOf(filePath);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
