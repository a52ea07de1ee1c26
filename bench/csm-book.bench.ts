import type { BenchContext } from './bench-context';
import { round, type BenchRow } from './bench-row';
import { measureRecompute } from './recompute-measurement';

/** Portfolio list budget for one CSM's book, in ms. */
const BOOK_LIMIT_MS = 300;

/** A CSM's book: 100 accounts × 36 months × 25 metrics, the same work as the portfolio recompute. */
export async function benchCsmBook(context: BenchContext): Promise<BenchRow> {
  const m = await measureRecompute(context.book.workspacePath, 10);
  return {
    what: "a CSM's book",
    workload: `${m.accounts} accounts × 36 months × 25 metrics (${m.rows.toLocaleString('en-US')} rows), same work`,
    figure: Math.round(m.oursMs),
    unit: 'ms',
    floor: Math.round(m.floorMs),
    ratio: round(m.oursMs / m.floorMs, 2),
    target: `< ${BOOK_LIMIT_MS} ms`,
    pass: m.oursMs < BOOK_LIMIT_MS,
    extra: { materialisedSelectMs: Math.round(m.materialisedMs), runs: 10 },
  };
}
