import { openBackend } from '../src/main/api/backend';
import type { BenchContext } from './bench-context';
import { benchRow, collectGarbage, median, spread, timeMs, type BenchRow } from './bench-row';
import { measureHealthWindowFloor } from './health-window-floor';
import { BENCH_NOW } from './synthetic-portfolio';

const RUNS = 5;

/**
 * A CSM's book: 100 accounts × 36 months × 25 metrics, `insights.portfolio` (health score, worst
 * signal and signal count for every account) on a freshly opened backend — nothing cached — vs the
 * health floor (raw SQL reading each account's needed window). Cold is the figure; the second call
 * (warm) and the very first call of the process are reported beside it.
 */
export async function benchCsmBook(context: BenchContext): Promise<BenchRow> {
  const today = BENCH_NOW.toISOString().slice(0, 10);
  const cold: number[] = [];
  const warm: number[] = [];
  let accounts = 0;
  for (let i = 0; i < RUNS; i++) {
    collectGarbage();
    const backend = await openBackend({ workspacePath: context.book.workspacePath, transport: 'direct', now: () => BENCH_NOW, log: () => {} });
    try {
      cold.push(await timeMs(async () => (accounts = (await backend.handlers['insights.portfolio']({})).length)));
      warm.push(await timeMs(() => backend.handlers['insights.portfolio']({})));
    } finally {
      await backend.close();
    }
  }
  const floor = measureHealthWindowFloor(context.book.workspacePath, today, RUNS);
  return benchRow({
    id: 'csm-book',
    what: "a CSM's book",
    workload: `${accounts} accounts × 36 months × 25 metrics: insights.portfolio on a freshly opened backend (cold), median of ${RUNS} backends`,
    figure: median(cold),
    unit: 'ms',
    floorIs: `raw SQL reading each account's report month and 13-month window (${floor.rows.toLocaleString('en-US')} rows), median of ${RUNS}`,
    floor: floor.ms,
    target: '≤ 1.5× floor',
    ratioLimit: 1.5,
    extra: { coldSpreadMs: spread(cold), firstInProcessMs: Math.round(cold[0]!), warmMs: Math.round(median(warm) * 10) / 10, floorSpreadMs: spread(floor.runs, 1) },
  });
}
