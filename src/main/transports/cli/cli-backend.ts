import { openBackend, type Backend } from '../../api/backend';
import { CliUsageError, type CliIo } from './cli-io';

/** The workspace file from --db, else QBR_DB; the CLI never guesses a location. */
export function resolveWorkspacePath(dbOption: string | undefined, io: CliIo): string {
  const filePath = dbOption ?? io.env.QBR_DB;
  if (!filePath) throw new CliUsageError('Say which workspace file to use: --db FILE (or set QBR_DB).');
  return filePath;
}

/**
 * Opens the workspace, runs `work`, and always closes it again. Unexpected failures reach the
 * user as a one-line message; with QBR_DEBUG=1 their details go to stderr as well.
 */
export async function withBackend<T>(workspacePath: string, work: (backend: Backend) => Promise<T>): Promise<T> {
  const log = process.env.QBR_DEBUG ? (message: string) => process.stderr.write(`${message}\n`) : () => {};
  const backend = await openBackend({ workspacePath, transport: 'direct', log });
  try {
    return await work(backend);
  } finally {
    await backend.close();
  }
}

