import { openBackend, type Backend } from '../backend';
import { CliUsageError, type CliIo } from './cli-io';

/** The workspace file from --db, else QBR_DB; the CLI never guesses a location. */
export function resolveWorkspacePath(dbOption: string | undefined, io: CliIo): string {
  const filePath = dbOption ?? io.env.QBR_DB;
  if (!filePath) throw new CliUsageError('Say which workspace file to use: --db FILE (or set QBR_DB).');
  return filePath;
}

/** Opens the workspace, runs `work`, and always closes it again. */
export async function withBackend<T>(workspacePath: string, work: (backend: Backend) => Promise<T>): Promise<T> {
  const backend = await openBackend({ workspacePath, transport: 'direct', log: () => {} });
  try {
    return await work(backend);
  } finally {
    await backend.close();
  }
}

