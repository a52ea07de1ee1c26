/* Path helpers for display and prefilling; pathProblem (which needs the contract's schema) is in path-problem.ts. */

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
