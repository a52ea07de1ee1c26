import path from 'node:path';
import { isTeamWorkspaceLocation } from '../../../shared/api/schemas/team-workspace-schemas';

/*
 * A workspace is either a file (SQLite, one CSM's laptop) or a team database on a PostgreSQL
 * server, named by a postgres:// URL. Everywhere a workspace is given (`--db`, QBR_DB, the
 * desktop workspace screen) either form is accepted; this module tells them apart.
 */

/** True for postgres:// and postgresql:// URLs (any case); the renderer's rule too (isTeamWorkspaceLocation). */
export const isPostgresUrl = isTeamWorkspaceLocation;

/**
 * The URL as it may be shown or logged: the password replaced by `***` (it is never kept in
 * settings or printed). Returns the input unchanged when it is not a URL.
 * @example redactedUrl('postgres://ana:s3cret@db.example.com/qbr') // → 'postgres://ana:***@db.example.com/qbr'
 */
export function redactedUrl(location: string): string {
  // A Windows path (C:\\…) parses as a URL too; only team workspace URLs carry passwords.
  if (!isPostgresUrl(location)) return location;
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
