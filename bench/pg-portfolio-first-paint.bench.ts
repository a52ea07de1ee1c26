import path from 'node:path';
import type { BenchContext } from './bench-context';
import { createBenchDatabase, startBenchPostgres } from './bench-postgres';
import { benchRow, spread, type BenchRow } from './bench-row';
import { measurePgHealthWindowFloor } from './pg-health-window-floor';
import { loadPortfolioIntoPostgres } from './pg-portfolio-load';
import { firstPaintFigures, measureFirstPaint, PROCESSES } from './first-paint-in-chromium';

/**
 * The portfolio-first-paint row on a team workspace: the same 2,000-account workspace loaded into
 * PostgreSQL on the bench's own server, the browser harness started on its postgres:// URL in a
 * fresh process, Chromium navigating as soon as it serves; ms to the first account row painted and
 * to every rendered row's health painted: three processes with nothing kept on the server (the
 * first open after an app update or a full re-import: every account gathered; reported), then three on
 * the first open of a day after a session earlier in the month (the figure: the kept facts decided
 * on the day; also what a colleague opening the book finds). No warm reload as the file row has: the two rows on PostgreSQL already add about six
 * minutes to the bench on this machine. The floor reads every account's report month and 13-month
 * window with raw SQL on the same server.
 */
export async function benchPgPortfolioFirstPaint(context: BenchContext): Promise<BenchRow> {
  const pgServer = await startBenchPostgres();
  try {
    const url = await createBenchDatabase(pgServer, 'qbr_portfolio');
    const load = await loadPortfolioIntoPostgres(pgServer, context.portfolio.workspacePath, url, context.dir);
    console.log(`pg-portfolio-first-paint: ${load.rows.toLocaleString('en-US')} rows loaded into PostgreSQL in ${(load.ms / 1000).toFixed(1)} s`);
    const runs = await measureFirstPaint({ db: url, appData: path.join(context.dir, 'pg-harness-app-data'), warmReload: false, scroll: false });
    const floor = await measurePgHealthWindowFloor(url, new Date().toISOString().slice(0, 10), 3);
    const figures = firstPaintFigures(runs, floor.ms);
    return benchRow({
      id: 'pg-portfolio-first-paint',
      what: 'portfolio first paint on PostgreSQL',
      workload: `the portfolio-first-paint workspace (2,000 accounts × 36 months × 25 metrics, streams, stakeholders) in a team workspace (PostgreSQL, initdb's settings, same machine) in the real UI (npm run web -- --db postgres://… in a fresh process, Chromium): navigation → first row painted, → every rendered row's health painted; median of ${PROCESSES} fresh processes, each the first open of a day after a session earlier in the month`,
      unit: 'ms',
      floorIs: `one raw SQL query on the same server reading each account's report month and 13-month window (${floor.rows.toLocaleString('en-US')} rows), median of 3`,
      floor: floor.ms,
      ...figures,
      extra: { ...figures.extra, floorSpreadMs: spread(floor.runs), loadIntoPostgresMs: Math.round(load.ms) },
    });
  } finally {
    pgServer.server.stop();
  }
}
