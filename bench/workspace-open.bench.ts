import SqliteDatabase from 'better-sqlite3';
import { createBackendHost } from '../src/main/api/backend-host';
import type { BenchContext } from './bench-context';
import { atMost, benchRow, median, spread, timeMs, type BenchRow } from './bench-row';
import { BENCH_NOW } from './synthetic-portfolio';

const RUNS = 5;
const OPEN_LIMIT_MS = 50;

/**
 * Opening the 229 MB workspace through the product path (the backend host's start, as the desktop
 * app and the browser harness open their workspace), until it answers; median of 5 after a clean
 * close. The floor opens the file with better-sqlite3 and sets the same pragmas.
 */
export async function benchWorkspaceOpen(context: BenchContext): Promise<BenchRow> {
  const recent = { list: async () => [], remember: async () => [], forget: async () => [] };
  const ours: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const host = createBackendHost({ transport: 'direct', now: () => BENCH_NOW, recent, log: () => {} });
    let problem: string | null = null;
    ours.push(await timeMs(async () => (problem = (await host.start(context.portfolio.workspacePath)).problem?.message ?? null)));
    await host.close();
    if (problem) throw new Error(`the bench workspace did not open: ${problem}`);
    floor.push(
      await timeMs(() => {
        const sqlite = new SqliteDatabase(context.portfolio.workspacePath);
        sqlite.pragma('journal_mode = WAL');
        sqlite.pragma('foreign_keys = ON');
        sqlite.pragma('busy_timeout = 5000');
        sqlite.pragma('synchronous = NORMAL');
        sqlite.pragma('user_version', { simple: true });
        sqlite.close();
      }),
    );
  }
  return benchRow({
    id: 'workspace-open',
    what: 'workspace open',
    workload: `the 2,000-account workspace (${Math.round(context.portfolio.bytes / 1e6)} MB) opened by the backend host after a clean close, median of ${RUNS}`,
    figure: median(ours),
    unit: 'ms',
    floorIs: 'better-sqlite3 opening the file and setting the same pragmas',
    floor: median(floor),
    target: `≤ ${OPEN_LIMIT_MS} ms`,
    checks: [atMost('open', median(ours), OPEN_LIMIT_MS, 'ms')],
    extra: { oursSpreadMs: spread(ours, 1), firstOpenMs: Math.round(ours[0]!) },
  });
}
