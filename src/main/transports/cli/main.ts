import { ApiFailure } from '../../../shared/api/errors';
import { CliUsageError, withEscapedOutput, type CliCommand, type CliIo } from './cli-io';
import { actAs } from './cli-backend';

/**
 * Every CLI command, in the order `qbr help` lists them, each loaded only when it runs: the CLI
 * ships as one bundle split per command (scripts/build-node.mjs), so `qbr accounts` never loads
 * what `qbr deck` or `qbr import` need.
 */
export const CLI_COMMAND_LOADERS: Readonly<Record<string, () => Promise<CliCommand>>> = {
  demo: async () => (await import('./commands/demo-command')).demoCommand,
  accounts: async () => (await import('./commands/accounts-command')).accountsCommand,
  export: async () => (await import('./commands/export-command')).exportCommand,
  'restore-workspace': async () => (await import('./commands/restore-workspace-command')).restoreWorkspaceCommand,
  backup: async () => (await import('./commands/backup-command')).backupCommand,
  framework: async () => (await import('./commands/framework-command')).frameworkCommand,
  identify: async () => (await import('./commands/identify-command')).identifyCommand,
  signals: async () => (await import('./commands/signals-command')).signalsCommand,
  import: async () => (await import('./commands/import-command')).importCommand,
  deck: async () => (await import('./commands/deck-command')).deckCommand,
  commitments: async () => (await import('./commands/commitments-command')).commitmentsCommand,
  takeout: async () => (await import('./commands/takeout-command')).takeoutCommand,
  bringback: async () => (await import('./commands/bringback-command')).bringbackCommand,
  users: async () => (await import('./commands/users-command')).usersCommand,
  audit: async () => (await import('./commands/audit-command')).auditCommand,
};

/** Runs `qbr <command> [options]` and returns the exit code: 0 ok, 1 failed, 2 usage error. */
export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  // Everything printed may carry user data (names, CSV cells, paths): no raw control characters.
  const io = withEscapedOutput(rawIo);
  const { actor, rest } = takeUserOption(argv);
  const [name, ...args] = rest;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(await usage());
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(CLI_COMMAND_LOADERS, name) ? CLI_COMMAND_LOADERS[name] : undefined;
  if (!load) {
    io.stderr(`qbr: unknown command "${name}".\n\n${await usage()}`);
    return 2;
  }
  const command = await load();
  try {
    if (actor === '') throw new CliUsageError('Say who you are: --user NAME.');
    actAs(actor ?? io.env.QBR_USER?.trim() ?? null);
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
  } finally {
    actAs(null);
  }
}

/**
 * `--user NAME` (or `--user=NAME`) anywhere on the line: who every command acts as in a workspace
 * with users (write-guard.ts). Taken out before the command parses its own options.
 */
function takeUserOption(argv: string[]): { actor: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let actor: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--user') {
      actor = (argv[++i] ?? '').trim();
    } else if (arg.startsWith('--user=')) {
      actor = arg.slice('--user='.length).trim();
    } else {
      rest.push(arg);
    }
  }
  return { actor, rest };
}

async function usage(): Promise<string> {
  const CLI_COMMANDS = await Promise.all(Object.values(CLI_COMMAND_LOADERS).map((load) => load()));
  const width = Math.max(...CLI_COMMANDS.map((c) => c.usage.length));
  const lines = CLI_COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  return `Usage: qbr <command> [options]\n\nCommands:\n${lines.join('\n')}\n  ${'qbr help'.padEnd(width)}  Show this help.\n\nThe workspace file comes from --db FILE or the QBR_DB environment variable.\nIn a workspace with users, --user NAME (or QBR_USER) says who you are.\n`;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
