import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackendHost } from '../../api/backend-host';
import { defaultWorkspacePath, webHarnessAppDataFolder } from '../../api/host/default-workspace-path';
import { createRecentWorkspacesStore, RECENT_WORKSPACES_FILE_NAME } from '../../api/host/recent-workspaces';
import { startupWorkspacePath } from '../../api/host/startup-workspace';
import { startHarnessServer } from './harness-server';
import { isPostgresUrl, redactedUrl, resolveWorkspaceLocation } from '../../api/host/workspace-location';

/**
 * `npm run web [-- --db FILE] [--port N] [--app-data DIR] [--allow-dir DIR]… [--user NAME] [--no-build]`: the real
 * UI and handlers over loopback HTTP. Workspaces can be switched as in the desktop app, by typing a
 * path (there are no native file dialogs in a browser). Typed paths reach only the start-up
 * workspace's folder and each --allow-dir (path-policy.ts). The recent list lives in --app-data
 * (default: a `browser-harness` folder of its own inside the desktop app's data folder).
 * --user NAME (else QBR_USER, else the OS user) is who the session starts as in a workspace with
 * users; the app's "You are" picker changes it.
 */
export async function serveWebHarness(argv: string[], staticDir: string): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, port: { type: 'string' }, 'app-data': { type: 'string' }, 'allow-dir': { type: 'string', multiple: true }, user: { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}".`);
  const appData = path.resolve(values['app-data'] ?? webHarnessAppDataFolder(process.env, process.platform));
  const recent = createRecentWorkspacesStore(path.join(appData, RECENT_WORKSPACES_FILE_NAME));
  const explicit = values.db ?? process.env.QBR_DB;
  const workspacePath = resolveWorkspaceLocation(startupWorkspacePath(explicit, explicit ? [] : await recent.list(), defaultWorkspacePath(process.env, process.platform)));
  const allowedFolders = (values['allow-dir'] ?? []).map((folder) => path.resolve(folder));
  const actor = values.user?.trim();
  const host = createBackendHost({ transport: 'web-harness', recent, allowedFolders, ...(actor ? { actor } : {}) });
  const state = await host.start(workspacePath);
  const server = await startHarnessServer({ dispatch: host.dispatch, staticDir, port });
  const problem = state.problem ? `  problem:   ${state.problem.message}\n` : '';
  const files = [...(isPostgresUrl(workspacePath) ? [] : [path.dirname(workspacePath)]), ...allowedFolders].join(', ') || 'none';
  process.stdout.write(`QBR Workbench (browser harness)\n  workspace: ${redactedUrl(workspacePath)}\n${problem}  files:     ${files} (add folders with --allow-dir)\n  open:      ${server.url}\nPress Ctrl+C to stop.\n`);
  const stop = async () => {
    await server.close();
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
