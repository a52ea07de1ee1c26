import { openBackend } from '../src/main/api/backend';
import type { BenchContext } from './bench-context';
import { benchRow, collectGarbage, median, spread, timeMs, type BenchRow } from './bench-row';
import { measureHealthWindowFloor } from './health-window-floor';
import { BENCH_NOW } from './synthetic-portfolio';
import { forgetStoredHealthSummaries } from './stored-summaries';

const RUNS = 5;

/**
 * A CSM's book: 100 accounts × 36 months × 25 metrics, `insights.portfolio` (health score, worst
 * signal and signal count for every account) on a freshly opened backend with no summary kept for
 * the day (the first open of a day: every account computed) vs the health floor (raw SQL reading
 * each account's needed window). That cold call is the figure; beside it a reopen the same day
 * (freshly opened backend, the summaries the cold call kept), the second call in a backend (warm)
 * and the very first call of the process.
 */
export async function benchCsmBook(context: BenchContext): Promise<BenchRow> {
  const today = BENCH_NOW.toISOString().slice(0, 10);
  const cold: number[] = [];
  const warm: number[] = [];
  let accounts = 0;
  const reopen: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await forgetStoredHealthSummaries(context.book.workspacePath);
    collectGarbage();
    const backend = await openBackend({ workspacePath: context.book.workspacePath, transport: 'direct', now: () => BENCH_NOW, log: () => {} });
    try {
      cold.push(await timeMs(async () => (accounts = (await backend.handlers['insights.portfolio']({})).length)));
      warm.push(await timeMs(() => backend.handlers['insights.portfolio']({})));
    } finally {
      await backend.close();
    }
  }
  for (let i = 0; i < RUNS; i++) {
    collectGarbage();
    const backend = await openBackend({ workspacePath: context.book.workspacePath, transport: 'direct', now: () => BENCH_NOW, log: () => {} });
    try {
      reopen.push(await timeMs(() => backend.handlers['insights.portfolio']({})));
    } finally {
      await backend.close();
    }
  }
  const floor = measureHealthWindowFloor(context.book.workspacePath, today, RUNS);
  return benchRow({
    id: 'csm-book',
    what: "a CSM's book",
    workload: `${accounts} accounts × 36 months × 25 metrics: insights.portfolio on a freshly opened backend, nothing kept for the day (first open of a day), median of ${RUNS} backends`,
    figure: median(cold),
    unit: 'ms',
    floorIs: `raw SQL reading each account's report month and 13-month window (${floor.rows.toLocaleString('en-US')} rows), median of ${RUNS}`,
    floor: floor.ms,
    target: '≤ 1.5× floor',
    ratioLimit: 1.5,
    extra: { coldSpreadMs: spread(cold), reopenSameDayMs: Math.round(median(reopen) * 10) / 10, reopenRatio: Math.round((median(reopen) / floor.ms) * 100) / 100, firstInProcessMs: Math.round(cold[0]!), warmMs: Math.round(median(warm) * 10) / 10, floorSpreadMs: spread(floor.runs, 1) },
  });
}
