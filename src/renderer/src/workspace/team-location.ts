import { isTeamWorkspaceLocation, teamServerFromUrl } from '../../../shared/api/schemas/team-workspace-schemas';
import { fileNameOf } from './file-path';

/**
 * A team workspace's short name for lists and messages: "book on db.example.com".
 * @example teamWorkspaceName('postgres://ana@db.example.com:5432/book') // → 'book on db.example.com'
 */
export function teamWorkspaceName(location: string): string {
  const server = teamServerFromUrl(location);
  return server ? `${server.database} on ${server.host}` : location;
}

/** A workspace's short name, file or team: the file name, or "book on db.example.com". */
export function workspaceNameOf(location: string): string {
  return isTeamWorkspaceLocation(location) ? teamWorkspaceName(location) : fileNameOf(location);
}
