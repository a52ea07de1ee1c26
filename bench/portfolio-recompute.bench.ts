import type { BenchContext } from './bench-context';
import { round, type BenchRow } from './bench-row';
import { measureRecompute } from './recompute-measurement';

/** Portfolio recompute: 2,000 accounts × 36 months × 25 metrics, insights.portfolio vs one raw SELECT. */
export async function benchPortfolioRecompute(context: BenchContext): Promise<BenchRow> {
  const m = await measureRecompute(context.portfolio.workspacePath, 3);
  return {
    what: 'portfolio recompute',
    workload: `${m.accounts.toLocaleString('en-US')} accounts × 36 months × 25 metrics (${m.rows.toLocaleString('en-US')} rows): KPIs, signals and health for every account (insights.portfolio)`,
    figure: Math.round(m.oursMs),
    unit: 'ms',
    floor: Math.round(m.floorMs),
    ratio: round(m.oursMs / m.floorMs, 2),
    target: '≤ 1.5× floor',
    pass: m.oursMs <= 1.5 * m.floorMs,
    extra: { materialisedSelectMs: Math.round(m.materialisedMs), runs: 3 },
  };
}
