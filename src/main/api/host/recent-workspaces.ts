import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../storage/files/atomic-write';
import { redactedUrl, resolveWorkspaceLocation } from '../../storage/workspace/workspace-location';

/** File name of the recent-workspaces list in the app data folder (outside any workspace, so it survives switching). */
export const RECENT_WORKSPACES_FILE_NAME = 'recent-workspaces.json';
const MAX_RECENT = 12;

const recentFileSchema = z.object({
  version: z.literal(1),
  workspaces: z.array(z.object({ path: z.string().min(1), openedAt: z.string() })).max(100),
});

export interface RecentWorkspace {
  path: string;
  /** When it was last opened (ISO). */
  openedAt: string;
}

/** The recent-workspaces list, kept in one small JSON file. */
export interface RecentWorkspacesStore {
  /** Most recent first. A missing or unreadable file is an empty list, never an error. */
  list(): Promise<RecentWorkspace[]>;
  /** Moves `workspacePath` to the top (adding it if new) and trims the list. */
  remember(workspacePath: string, at: Date): Promise<RecentWorkspace[]>;
  /** Drops one entry, e.g. a file the user deleted. */
  forget(workspacePath: string): Promise<RecentWorkspace[]>;
}

/**
 * Stores the recent list in `filePath` (written atomically). Paths are compared as given after
 * path.resolve (a team workspace's URL as given, never with its password); case is kept because Linux file names are case-sensitive.
 * @example const recent = createRecentWorkspacesStore(path.join(userData, RECENT_WORKSPACES_FILE_NAME));
 */
export function createRecentWorkspacesStore(filePath: string): RecentWorkspacesStore {
  async function read(): Promise<RecentWorkspace[]> {
    try {
      const parsed = recentFileSchema.safeParse(JSON.parse(await fs.promises.readFile(filePath, 'utf8')));
      return parsed.success ? parsed.data.workspaces : [];
    } catch {
      return [];
    }
  }
  async function write(workspaces: RecentWorkspace[]): Promise<RecentWorkspace[]> {
    await fs.promises.mkdir(path.dirname(filePath), { recursive: true });
    await writeFileAtomic(filePath, `${JSON.stringify({ version: 1, workspaces }, null, 2)}\n`);
    return workspaces;
  }
  return {
    list: read,
    async remember(workspacePath, at) {
      const absolute = redactedUrl(resolveWorkspaceLocation(workspacePath));
      const others = (await read()).filter((entry) => entry.path !== absolute);
      return write([{ path: absolute, openedAt: at.toISOString() }, ...others].slice(0, MAX_RECENT));
    },
    async forget(workspacePath) {
      const absolute = redactedUrl(resolveWorkspaceLocation(workspacePath));
      return write((await read()).filter((entry) => entry.path !== absolute));
    },
  };
}
