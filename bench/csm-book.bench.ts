import { openBackend } from '../src/main/api/backend';
import type { BenchContext } from './bench-context';
import { benchRow, collectGarbage, median, spread, timeMs, type BenchRow } from './bench-row';
import { measureHealthWindowFloor } from './health-window-floor';
import { BENCH_NOW } from './synthetic-portfolio';
import { forgetStoredHealthSummaries, keepFactsFromAnEarlierSession } from './stored-summaries';

const RUNS = 5;

/**
 * A CSM's book: 100 accounts × 36 months × 25 metrics, `insights.portfolio` (health score, worst
 * signal and signal count for every account) on a freshly opened backend vs the health floor (raw
 * SQL reading each account's needed window). The figure: the first open of a day after a session
 * earlier in the month (the facts it kept decided on the new day), each run a later day of the
 * month. Beside it: nothing kept (the first open after an app update or a full re-import: every account
 * gathered), the second call in a backend (warm) and the very first call of the process.
 */
export async function benchCsmBook(context: BenchContext): Promise<BenchRow> {
  const today = BENCH_NOW.toISOString().slice(0, 10);
  const open = (now: Date) => openBackend({ workspacePath: context.book.workspacePath, transport: 'direct', now: () => now, log: () => {} });
  const nothingKept: number[] = [];
  const warm: number[] = [];
  let accounts = 0;
  for (let i = 0; i < RUNS; i++) {
    await forgetStoredHealthSummaries(context.book.workspacePath);
    collectGarbage();
    const backend = await open(BENCH_NOW);
    try {
      nothingKept.push(await timeMs(async () => (accounts = (await backend.handlers['insights.portfolio']({})).length)));
      warm.push(await timeMs(() => backend.handlers['insights.portfolio']({})));
    } finally {
      await backend.close();
    }
  }
  await keepFactsFromAnEarlierSession(context.book.workspacePath, BENCH_NOW);
  const firstOfDay: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    collectGarbage();
    const backend = await open(new Date(BENCH_NOW.getTime() + i * 86_400_000));
    try {
      firstOfDay.push(await timeMs(() => backend.handlers['insights.portfolio']({})));
    } finally {
      await backend.close();
    }
  }
  const floor = measureHealthWindowFloor(context.book.workspacePath, today, RUNS);
  return benchRow({
    id: 'csm-book',
    what: "a CSM's book",
    workload: `${accounts} accounts × 36 months × 25 metrics: insights.portfolio on a freshly opened backend, the first open of a day after a session earlier in the month, median of ${RUNS} backends (${RUNS} days)`,
    figure: median(firstOfDay),
    unit: 'ms',
    floorIs: `raw SQL reading each account's report month and 13-month window (${floor.rows.toLocaleString('en-US')} rows), median of ${RUNS}`,
    floor: floor.ms,
    target: '≤ 1.5× floor',
    ratioLimit: 1.5,
    extra: {
      firstOfDaySpreadMs: spread(firstOfDay, 1),
      nothingKeptMs: Math.round(median(nothingKept) * 10) / 10,
      nothingKeptRatio: Math.round((median(nothingKept) / floor.ms) * 100) / 100,
      firstInProcessMs: Math.round(nothingKept[0]!),
      warmMs: Math.round(median(warm) * 10) / 10,
      floorSpreadMs: spread(floor.runs, 1),
    },
  });
}
