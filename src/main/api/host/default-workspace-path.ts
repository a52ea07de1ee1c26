import os from 'node:os';
import path from 'node:path';

/** The product name Electron uses for its userData folder; the web harness uses the same folder. */
export const PRODUCT_NAME = 'QBR Workbench';
export const WORKSPACE_FILE_NAME = 'workspace.sqlite';

/**
 * Where the default workspace lives when no --db or QBR_DB is given: the same folder Electron
 * calls userData (Windows %APPDATA%, macOS Application Support, Linux $XDG_CONFIG_HOME or ~/.config).
 */
export function defaultWorkspacePath(env: Record<string, string | undefined>, platform: NodeJS.Platform): string {
  return path.join(userDataFolder(env, platform), WORKSPACE_FILE_NAME);
}

/**
 * Where the browser harness keeps its recent-workspaces list unless --app-data says otherwise: a
 * folder of its own inside the desktop app's, so test and development runs never show up in (or
 * reopen from) the desktop app's list.
 */
export function webHarnessAppDataFolder(env: Record<string, string | undefined>, platform: NodeJS.Platform): string {
  return path.join(userDataFolder(env, platform), 'browser-harness');
}

/** The per-user app data folder (Electron's userData): settings outside any workspace, such as the recent list, live here. */
export function userDataFolder(env: Record<string, string | undefined>, platform: NodeJS.Platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), PRODUCT_NAME);
}
