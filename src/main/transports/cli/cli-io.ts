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

/**
 * Control characters a terminal would act on: C0 controls but tab and line feed (ESC starts colour,
 * cursor and title sequences; CR overwrites a line), DEL, C1 controls (U+009B is a one-character
 * CSI) and the bidi overrides and isolates that reorder what is shown.
 */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text with every terminal control character written as a visible \uXXXX escape. Account names,
 * CSV cells and file names reach the CLI's output from user data; this keeps them inert, and a
 * \uXXXX escape inside a JSON string is still the same JSON.
 * @example escapeTerminalControls('\u001b[31mEvil') // '\\u001b[31mEvil'
 */
export function escapeTerminalControls(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The same io, with terminal control characters escaped on the way out. */
export function withEscapedOutput(io: CliIo): CliIo {
  return { ...io, stdout: (text) => io.stdout(escapeTerminalControls(text)), stderr: (text) => io.stderr(escapeTerminalControls(text)) };
}
