import { newestGoodBackupOf, openBackend, type Backend } from '../../api/backend';
import { ApiFailure } from '../../../shared/api/errors';
import { CliUsageError, type CliIo } from './cli-io';

/** The workspace file from --db, else QBR_DB; the CLI never guesses a location. */
export function resolveWorkspacePath(dbOption: string | undefined, io: CliIo): string {
  const filePath = dbOption ?? io.env.QBR_DB;
  if (!filePath) throw new CliUsageError('Say which workspace file to use: --db FILE (or set QBR_DB).');
  return filePath;
}

export interface WithBackendOptions {
  /**
   * True only for commands that exist to fill a new workspace (`demo`, `restore-workspace`):
   * every other command opens existing files only, so a mistyped --db never creates one.
   */
  createIfMissing?: boolean;
  /**
   * True for commands that write workspace data or copy the file: its integrity is then checked
   * before anything else, as after an unclean shutdown. Reading commands skip that check on a
   * cleanly closed file (it takes about half a second on a big one).
   */
  writes?: boolean;
}

/**
 * Who this command acts as (`--user NAME`, else QBR_USER from the command's environment); null
 * leaves the backend's default (QBR_USER, else the OS user). Set by runCli for one command.
 */
let commandActor: string | null = null;

/** Sets (or with null clears) who the commands that run next act as; see commandActor. */
export function actAs(actor: string | null): void {
  commandActor = actor;
}

/**
 * Opens the workspace, runs `work`, and always closes it again. Unexpected failures reach the
 * user as a one-line message; with QBR_DEBUG=1 their details go to stderr as well.
 */
export async function withBackend<T>(workspacePath: string, work: (backend: Backend) => Promise<T>, options: WithBackendOptions = {}): Promise<T> {
  const log = process.env.QBR_DEBUG ? (message: string) => process.stderr.write(`${message}\n`) : () => {};
  const backend = await openBackend({ workspacePath, transport: 'direct', log, ...(commandActor ? { actor: commandActor } : {}), ifMissing: options.createIfMissing ? 'create' : 'refuse', integrityCheck: options.writes ? 'quick' : 'if-unclean' }).catch((error: unknown) => {
    throw withCliHint(error);
  });
  try {
    return await work(backend);
  } finally {
    await backend.close();
  }
}

/** What to do next, for the failures of opening a workspace that have a next step on the command line. */
function withCliHint(error: unknown): unknown {
  if (!(error instanceof ApiFailure)) return error;
  if (error.code === 'not_found') {
    return new ApiFailure(error.code, `${error.message} Check --db; \`qbr demo\` or \`qbr restore-workspace\` make a new workspace.`, error.details);
  }
  if (error.code === 'workspace_corrupt' || error.code === 'migration_failed') {
    const backup = newestGoodBackupOf(error);
    const hint = backup
      ? ` The newest good backup is ${backup.path} (${backup.reason}, ${backup.createdAt}); restore it in the app (Workspace → Backups), or copy it over the damaged file.`
      : ' No good backup of it was found beside it.';
    return new ApiFailure(error.code, `${error.message}${hint}`, error.details);
  }
  return error;
}
