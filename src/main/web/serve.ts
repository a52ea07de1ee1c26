import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend } from '../backend';
import { defaultWorkspacePath } from '../workspace/default-workspace-path';
import { startHarnessServer } from './harness-server';

/** `npm run web [-- --db FILE] [--port N]`: the real UI and handlers over loopback HTTP. */
export async function serveWebHarness(argv: string[], staticDir: string): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' }, port: { type: 'string' } }, strict: true });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}".`);
  const workspacePath = path.resolve(values.db ?? process.env.QBR_DB ?? defaultWorkspacePath(process.env, process.platform));
  const backend = await openBackend({ workspacePath, transport: 'web-harness' });
  const server = await startHarnessServer({ dispatch: backend.dispatch, staticDir, port });
  process.stdout.write(`QBR Workbench (browser harness)\n  workspace: ${workspacePath}\n  open:      ${server.url}\nPress Ctrl+C to stop.\n`);
  const stop = async () => {
    await server.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
