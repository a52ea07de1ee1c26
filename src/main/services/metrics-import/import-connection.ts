import SqliteDatabase from 'better-sqlite3';
import type { Workspace } from '../../storage/workspace/open-workspace';
import { requireWorkspaceFile } from '../../storage/workspace/file-only';

/**
 * A second connection to the workspace file for one import. The import's single long transaction
 * runs here, so the app's own connection keeps reading the last committed state (WAL) while a
 * big file streams in, and nothing the import wrote is visible until it commits.
 */
export function openImportConnection(workspace: Workspace): SqliteDatabase.Database {
  const file = requireWorkspaceFile(workspace, 'CSV imports');
  const connection = new SqliteDatabase(file.path, {
    fileMustExist: true,
    ...(workspace.nativeBinding ? { nativeBinding: workspace.nativeBinding } : {}),
  });
  try {
    connection.pragma('foreign_keys = ON');
    // Never wait inside SQLite: that would freeze this process, the app's own writes included.
    // The write lock is waited for asynchronously (beginWriteTransaction).
    connection.pragma('busy_timeout = 0');
    // Same durability as the app's connection: in WAL mode NORMAL survives an application crash.
    connection.pragma('synchronous = NORMAL');
    return connection;
  } catch (error) {
    connection.close();
    throw error;
  }
}
