import type { ImportSource } from '../../../shared/api/schemas/import-schemas';

/*
 * What "Choose CSV file…" does with the native open dialog's answer. The desktop app's dialog gives
 * a path, which the backend streams however big the file is; where there is no dialog (the browser
 * harness) the file input is used instead and the file travels as text.
 */

/** The open dialog's answer: the chosen path (null when cancelled or unavailable), and whether dialogs exist here. */
export interface FileChoice {
  path: string | null;
  dialogsAvailable: boolean;
}

export type FileChoiceAction =
  /** Preview the chosen file from its path. */
  | { action: 'preview'; source: Extract<ImportSource, { kind: 'path' }>; fileName: string }
  /** Fall back to the browser's file input (read as text). */
  | { action: 'pick-file' }
  /** The person cancelled the dialog: stay where we are. */
  | { action: 'nothing' };

export function importSourceFor(choice: FileChoice): FileChoiceAction {
  if (choice.path !== null && choice.path.trim() !== '') return { action: 'preview', source: { kind: 'path', path: choice.path }, fileName: fileNameFromPath(choice.path) };
  return choice.dialogsAvailable ? { action: 'nothing' } : { action: 'pick-file' };
}

/** The last part of a Windows or POSIX path ("C:\\exports\\q1.csv" → "q1.csv"). */
export function fileNameFromPath(filePath: string): string {
  const parts = filePath.split(/[\\/]/).filter((part) => part !== '');
  return parts[parts.length - 1] ?? filePath;
}
