import { ApiFailure } from '../../../shared/api/errors';
import type { SqliteWorkspace, Workspace } from './open-workspace';

/**
 * The workspace as a file, for what only a file has (SQLite's backup API, a second connection of
 * an import job, read snapshots); a team workspace is refused with `not_available` naming `what`.
 * @example const file = requireWorkspaceFile(workspace, 'Backups'); // throws on a team workspace
 */
export function requireWorkspaceFile(workspace: Workspace, what: string): SqliteWorkspace {
  if (workspace.dialect === 'sqlite') return workspace;
  throw new ApiFailure(
    'not_available',
    `${what} work on a workspace file, not yet on a team workspace (${workspace.path}); the team server keeps its own backups (pg_dump).`,
    { path: workspace.path, dialect: workspace.dialect },
  );
}
