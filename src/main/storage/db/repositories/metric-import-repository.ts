import type SqliteDatabase from 'better-sqlite3';

/*
 * The importer's queries. They run on the importer's own better-sqlite3 connection as prepared
 * statements rather than through Kysely: a million-row import makes a million lookups, and
 * building each query would cost more than running it.
 */

/** A live account with its revenue streams, as the importer matches them by name. */
export interface ImportTargetRow {
  accountId: string;
  accountName: string;
  streamId: string | null;
  streamName: string | null;
  streamModel: string | null;
}

/**
 * Every live account (soft-deleted ones are not import targets) with each of its streams; one row
 * per account without streams. Plain SQL both engines run (the aliases quoted so PostgreSQL keeps
 * their case): the file's importer runs it here, the team workspace's in metric-import-postgres.ts.
 */
export const IMPORT_TARGETS_SQL = `SELECT a.id AS "accountId", a.name AS "accountName", s.id AS "streamId", s.name AS "streamName", s.revenue_model AS "streamModel"
  FROM accounts a LEFT JOIN revenue_streams s ON s.account_id = a.id
 WHERE a.deleted_at IS NULL
 ORDER BY a.name, s.name`;

/** IMPORT_TARGETS_SQL on the importer's better-sqlite3 connection. */
export function loadImportTargets(sqlite: SqliteDatabase.Database): ImportTargetRow[] {
  return sqlite.prepare(IMPORT_TARGETS_SQL).all() as ImportTargetRow[];
}

/** What an upsert did to one observation. */
export type ObservationChange = 'added' | 'updated' | 'unchanged';

/** How many values an import added, updated or left unchanged (or would, in a preview). */
export type ObservationTally = Record<ObservationChange, number>;

/**
 * What writing `value` over the stored value would do (`existing` undefined: nothing stored): the
 * one comparison every SQLite import path makes, a value read by a lookup or by a range scan alike.
 */
export function observationChange(existing: unknown, value: number): ObservationChange {
  if (existing === undefined) return 'added';
  return existing === value ? 'unchanged' : 'updated';
}

/** A tally of nothing yet. */
export function emptyTally(): ObservationTally {
  return { added: 0, updated: 0, unchanged: 0 };
}

/** One value addressed by the table's primary key. */
export interface ObservationKey {
  accountId: string;
  streamId: string;
  metricKey: string;
  month: string;
}

export interface ObservationStatements {
  /** What writing this value would do, without writing. */
  classify(key: ObservationKey, value: number): ObservationChange;
  /** Whether the account has any observation at all (one index seek). */
  accountHasObservations(accountId: string): boolean;
  /** Upserts on account + stream + metric + month; an equal value is left alone (source and timestamp too). */
  upsert(key: ObservationKey, value: number, source: string, updatedAt: string): ObservationChange;
}

/** Prepares the lookup and write statements once per import. */
export function prepareObservationStatements(sqlite: SqliteDatabase.Database): ObservationStatements {
  const select = sqlite
    .prepare('SELECT value FROM metric_observations WHERE account_id = ? AND stream_id = ? AND metric_key = ? AND month = ?')
    .pluck();
  const insert = sqlite.prepare(
    `INSERT INTO metric_observations (account_id, stream_id, metric_key, month, value, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id, stream_id, metric_key, month) DO NOTHING`,
  );
  const update = sqlite.prepare(
    'UPDATE metric_observations SET value = ?, source = ?, updated_at = ? WHERE account_id = ? AND stream_id = ? AND metric_key = ? AND month = ?',
  );
  const anyOfAccount = sqlite.prepare('SELECT 1 FROM metric_observations WHERE account_id = ? LIMIT 1').pluck();
  const classify = (key: ObservationKey, value: number): ObservationChange => observationChange(select.get(key.accountId, key.streamId, key.metricKey, key.month), value);
  // Files tend to be all new (first import) or all known (re-import): try whichever statement the
  // previous value needed first, so either kind costs one statement per value, not two.
  let expectNew = true;
  return {
    classify,
    accountHasObservations: (accountId) => anyOfAccount.get(accountId) !== undefined,
    upsert(key, value, source, updatedAt) {
      if (expectNew) {
        if (insert.run(key.accountId, key.streamId, key.metricKey, key.month, value, source, updatedAt).changes === 1) return 'added';
        expectNew = false;
      }
      const change = classify(key, value);
      if (change === 'added') {
        insert.run(key.accountId, key.streamId, key.metricKey, key.month, value, source, updatedAt);
        expectNew = true;
      } else if (change === 'updated') {
        update.run(value, source, updatedAt, key.accountId, key.streamId, key.metricKey, key.month);
      }
      return change;
    },
  };
}
