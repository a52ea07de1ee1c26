import { spawnSync } from 'node:child_process';

/** Wall-clock ms of one `node …` run from spawn to exit; throws if it fails. */
export function nodeRunMs(args: readonly string[], options: { cwd?: string } = {}): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: options.cwd ?? process.cwd(), env: { ...process.env, NODE_OPTIONS: '' } });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}: ${(result.stderr || result.stdout).trim().slice(0, 400)}`);
  return ms;
}
