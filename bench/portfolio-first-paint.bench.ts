import path from 'node:path';
import type { BenchContext } from './bench-context';
import { benchRow, median, spread, type BenchRow } from './bench-row';
import { firstPaintFigures, measureFirstPaint, PROCESSES } from './first-paint-in-chromium';
import { measureHealthWindowFloor } from './health-window-floor';

/**
 * The portfolio on the 2,000-account workspace in the real UI: the browser harness started in a
 * fresh process, Debian Chromium navigating to it as soon as it serves; ms from navigation to the
 * first account row painted, and to every rendered row's health painted. Three fresh processes
 * with nothing kept (the first open after an app update or a full re-import: every account gathered;
 * reported), one reload in each (warm, reported); then three fresh processes on the first open of
 * a day after a session earlier in the month (the figure and the first-row check). The health
 * floor is raw SQL reading each account's needed window. Then a scripted scroll to the bottom.
 */
export async function benchPortfolioFirstPaint(context: BenchContext): Promise<BenchRow> {
  const runs = await measureFirstPaint({ db: context.portfolio.workspacePath, appData: path.join(context.dir, 'harness-app-data'), warmReload: true, scroll: true });
  const scroll = runs.scroll ?? { frames: 0, dropped: 0, worstFrameMs: 0 };
  const floor = measureHealthWindowFloor(context.portfolio.workspacePath, new Date().toISOString().slice(0, 10), 3);
  const figures = firstPaintFigures(runs, floor.ms);
  return benchRow({
    id: 'portfolio-first-paint',
    what: 'portfolio first paint',
    workload: `2,000 accounts × 36 months × 25 metrics (streams, stakeholders) in the real UI (browser harness in a fresh process, Chromium): navigation → first row painted, → every rendered row's health painted; median of ${PROCESSES} fresh processes, each the first open of a day after a session earlier in the month`,
    unit: 'ms',
    floorIs: `raw SQL reading each account's report month and 13-month window (${floor.rows.toLocaleString('en-US')} rows), median of 3`,
    floor: floor.ms,
    ...figures,
    extra: {
      ...figures.extra,
      firstRowWarmMs: Math.round(median(runs.warm.map((load) => load.firstRowMs))),
      healthWarmMs: Math.round(median(runs.warm.map((load) => load.healthMs))),
      floorSpreadMs: spread(floor.runs),
      scrollFrames: scroll.frames,
      scrollFramesDropped: scroll.dropped,
      scrollWorstFrameMs: Math.round(scroll.worstFrameMs),
    },
  });
}
