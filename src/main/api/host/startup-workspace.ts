import fs from 'node:fs';
import type { RecentWorkspace } from './recent-workspaces';

/**
 * Which workspace to open at start-up: an explicit choice (--db, QBR_DB) wins; otherwise the most
 * recently opened file that still exists; otherwise the default workspace in the app data folder.
 * @example startupWorkspacePath(undefined, await recent.list(), defaultPath)
 */
export function startupWorkspacePath(
  explicit: string | undefined,
  recent: readonly RecentWorkspace[],
  defaultPath: string,
  exists: (filePath: string) => boolean = fs.existsSync,
): string {
  if (explicit) return explicit;
  return recent.find((entry) => exists(entry.path))?.path ?? defaultPath;
}
