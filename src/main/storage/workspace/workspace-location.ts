import path from 'node:path';

/*
 * A workspace is either a file (SQLite, one CSM's laptop) or a team database on a PostgreSQL
 * server, named by a postgres:// URL. Everywhere a workspace is given (`--db`, QBR_DB, the
 * desktop workspace screen) either form is accepted; this module tells them apart.
 */

/** True for postgres:// and postgresql:// URLs (any case). */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location.trim());
}

/**
 * The URL as it may be shown or logged: the password replaced by `***` (it is never kept in
 * settings or printed). Returns the input unchanged when it is not a URL.
 * @example redactedUrl('postgres://ana:s3cret@db.example.com/qbr') // → 'postgres://ana:***@db.example.com/qbr'
 */
export function redactedUrl(location: string): string {
  try {
    const url = new URL(location.trim());
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return location;
  }
}

/**
 * A workspace location made absolute: a file path resolved against the current directory, a
 * postgres:// URL as given (trimmed).
 * @example resolveWorkspaceLocation('client.sqlite') // → '/home/ana/client.sqlite'
 */
export function resolveWorkspaceLocation(location: string): string {
  return isPostgresUrl(location) ? location.trim() : path.resolve(location);
}
