/** Where a CLI command writes and what environment it sees; injected so tests capture output. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

/** A failure the user can fix: printed with the command's usage, exit code 2. */
export class CliUsageError extends Error {}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}
