import pg from 'pg';
import { KPI_HISTORY_MONTHS } from '../src/shared/metrics/kpi-engine';
import { median } from './bench-row';

/**
 * The health floor (as bench/health-window-floor.ts) on a team workspace: raw SQL reading, for every
 * live account, its report month (the latest month with data, not after today's) and the
 * observations of the window the health summary needs — the report month and the 12 before it —
 * as raw rows. On a server one query reading every account's window is the cheapest way to do
 * that (one round trip instead of two per account), so the floor is that query. Nothing is computed.
 */
export async function measurePgHealthWindowFloor(url: string, today: string, runs: number): Promise<{ ms: number; runs: number[]; rows: number }> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const query = {
      name: 'health-window-floor',
      // LATERAL, so each account is two index range scans (report month, then its window); a plain
      // join lets the planner scan the whole table and re-run the report-month subquery per row.
      text: `SELECT o.account_id, o.stream_id, o.metric_key, o.month, o.value
               FROM accounts a
               CROSS JOIN LATERAL (SELECT max(m.month) AS month FROM metric_observations m WHERE m.account_id = a.id AND m.month <= $1) r
               CROSS JOIN LATERAL (
                 SELECT w.account_id, w.stream_id, w.metric_key, w.month, w.value FROM metric_observations w
                  WHERE w.account_id = a.id
                    AND w.month >= to_char(to_date(r.month || '-01', 'YYYY-MM-DD') - make_interval(months => $2), 'YYYY-MM')
                    AND w.month <= r.month) o
              WHERE a.deleted_at IS NULL`,
      values: [today.slice(0, 7), KPI_HISTORY_MONTHS],
      rowMode: 'array' as const,
    };
    let rows = (await client.query(query)).rowCount ?? 0; // plan and cache warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      rows = (await client.query(query)).rowCount ?? 0;
      times.push(performance.now() - start);
    }
    return { ms: median(times), runs: times, rows };
  } finally {
    await client.end();
  }
}
