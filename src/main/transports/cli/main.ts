import { ApiFailure } from '../../../shared/api/errors';
import { accountsCommand } from './commands/accounts-command';
import { backupCommand } from './commands/backup-command';
import { deckCommand } from './commands/deck-command';
import { demoCommand } from './commands/demo-command';
import { exportCommand } from './commands/export-command';
import { frameworkCommand } from './commands/framework-command';
import { identifyCommand } from './commands/identify-command';
import { importCommand } from './commands/import-command';
import { restoreWorkspaceCommand } from './commands/restore-workspace-command';
import { signalsCommand } from './commands/signals-command';
import { CliUsageError, withEscapedOutput, type CliCommand, type CliIo } from './cli-io';

/** Every CLI command, in the order `qbr help` lists them. */
export const CLI_COMMANDS: readonly CliCommand[] = [
  demoCommand,
  accountsCommand,
  exportCommand,
  restoreWorkspaceCommand,
  backupCommand,
  frameworkCommand,
  identifyCommand,
  signalsCommand,
  importCommand,
  deckCommand,
];

/** Runs `qbr <command> [options]` and returns the exit code: 0 ok, 1 failed, 2 usage error. */
export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  // Everything printed may carry user data (names, CSV cells, paths): no raw control characters.
  const io = withEscapedOutput(rawIo);
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const command = CLI_COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`qbr: unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliUsageError || isParseArgsError(error)) {
      io.stderr(`qbr ${command.name}: ${(error as Error).message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    if (error instanceof ApiFailure) {
      const hint = error.code === 'internal' && !io.env.QBR_DEBUG ? ' (run again with QBR_DEBUG=1 for details)' : '';
      io.stderr(`qbr ${command.name}: ${error.message}${hint}\n`);
      return 1;
    }
    io.stderr(`qbr ${command.name}: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function usage(): string {
  const width = Math.max(...CLI_COMMANDS.map((c) => c.usage.length));
  const lines = CLI_COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  return `Usage: qbr <command> [options]\n\nCommands:\n${lines.join('\n')}\n  ${'qbr help'.padEnd(width)}  Show this help.\n\nThe workspace file comes from --db FILE or the QBR_DB environment variable.\n`;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
