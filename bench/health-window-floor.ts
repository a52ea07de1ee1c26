import SqliteDatabase from 'better-sqlite3';
import { addMonths } from '../src/shared/calendar';
import { KPI_HISTORY_MONTHS } from '../src/shared/metrics/kpi-engine';
import { median, timeMs } from './bench-row';

/**
 * The health floor (issue 14): raw SQL reading, for every live account, its report month (the
 * latest month with data, not after today's) and then the observations of the window the health
 * summary needs — the report month and the 12 before it — as raw rows, each account in turn.
 * Nothing is computed; this is the least work any health figure has to do.
 */
export function measureHealthWindowFloor(workspacePath: string, today: string, runs: number): { ms: number; runs: number[]; rows: number; accounts: number } {
  const sqlite = new SqliteDatabase(workspacePath, { readonly: true, fileMustExist: true });
  try {
    const ids = sqlite.prepare('SELECT id FROM accounts WHERE deleted_at IS NULL').pluck().all() as string[];
    const latest = sqlite.prepare('SELECT max(month) FROM metric_observations WHERE account_id = ? AND month <= ?').pluck();
    const window = sqlite.prepare('SELECT stream_id, metric_key, month, value FROM metric_observations WHERE account_id = ? AND month >= ? AND month <= ?').raw();
    const thisMonth = today.slice(0, 7);
    let rows = 0;
    const read = () => {
      rows = 0;
      for (const id of ids) {
        const month = latest.get(id, thisMonth) as string | null;
        if (month) rows += window.all(id, addMonths(month, -KPI_HISTORY_MONTHS), month).length;
      }
    };
    read(); // page cache and statement warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      read();
      times.push(performance.now() - start);
    }
    return { ms: median(times), runs: times, rows, accounts: ids.length };
  } finally {
    sqlite.close();
  }
}

export { timeMs };
