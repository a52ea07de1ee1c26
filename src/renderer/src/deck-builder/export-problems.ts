/** Headings for the ways an export can fail; the backend's message says what to do. */
export const EXPORT_PROBLEM_TITLES: Record<string, string> = {
  file_locked: 'The file is open in another program',
  file_not_writable: 'That location cannot be written',
  disk_full: 'The disk is full',
  not_found: 'That folder does not exist yet',
  invalid_input: 'Check the file name',
};

export function exportProblemTitle(code: string): string {
  return EXPORT_PROBLEM_TITLES[code] ?? "The deck couldn't be saved";
}
