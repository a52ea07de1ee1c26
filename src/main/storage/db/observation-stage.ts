import SqliteDatabase from 'better-sqlite3';
import type { MetricObservationRow } from './tables/metric-observations-table';

/*
 * The metric values of an export being restored, held in a private temporary SQLite database
 * (on disk, deleted when closed) rather than in memory: an export of millions of values is
 * restored with memory for a few rows. Its primary key is the workspace's, so a value the file
 * lists twice is found as it is added, and rows come back in primary-key order.
 */

export interface ObservationStage {
  /** Adds one row; false (and nothing added) when a row with the same key is staged already. */
  add(row: MetricObservationRow): boolean;
  /** How many rows are staged. */
  count(): number;
  /** The staged rows in primary-key order, one at a time. */
  rows(): IterableIterator<MetricObservationRow>;
  /** The staged row with this key, if any. */
  get(key: Pick<MetricObservationRow, 'accountId' | 'streamId' | 'metricKey' | 'month'>): MetricObservationRow | undefined;
  close(): void;
}

const COLUMNS = 'account_id AS accountId, stream_id AS streamId, metric_key AS metricKey, month, value, source, updated_at AS updatedAt';

/**
 * Opens an empty stage. Close it when done; its file goes with it.
 * @example const stage = openObservationStage(workspace.nativeBinding); try { stage.add(row) } finally { stage.close() }
 */
export function openObservationStage(nativeBinding?: string): ObservationStage {
  // '' is SQLite's private temporary database: a file only once its pages outgrow the cache, removed on close.
  const sqlite = new SqliteDatabase('', nativeBinding ? { nativeBinding } : {});
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.exec(`CREATE TABLE staged (
    account_id TEXT NOT NULL, stream_id TEXT NOT NULL, metric_key TEXT NOT NULL, month TEXT NOT NULL,
    value REAL NOT NULL, source TEXT NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (account_id, stream_id, metric_key, month)) WITHOUT ROWID`);
  const insert = sqlite.prepare(
    'INSERT OR IGNORE INTO staged (account_id, stream_id, metric_key, month, value, source, updated_at) VALUES (@accountId, @streamId, @metricKey, @month, @value, @source, @updatedAt)',
  );
  const find = sqlite.prepare(`SELECT ${COLUMNS} FROM staged WHERE account_id = ? AND stream_id = ? AND metric_key = ? AND month = ?`);
  const total = sqlite.prepare('SELECT count(*) FROM staged').pluck();
  // Rows arrive one by one; one open transaction makes adding them cheap (nothing here needs to survive a crash).
  sqlite.exec('BEGIN');
  return {
    add: (row) => insert.run(row).changes === 1,
    count: () => total.get() as number,
    rows: () => sqlite.prepare(`SELECT ${COLUMNS} FROM staged ORDER BY account_id, stream_id, metric_key, month`).iterate() as IterableIterator<MetricObservationRow>,
    get: (key) => find.get(key.accountId, key.streamId, key.metricKey, key.month) as MetricObservationRow | undefined,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}
