import { sql } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import { isMetricKey } from '../../../../shared/framework/metric-keys';
import type { MetricObservation } from '../../../../shared/metrics/metric-observation';
import type { WorkspaceDb } from '../database';
import type { MetricObservationRow } from '../tables/metric-observations-table';

/*
 * Reads and manual writes of metric observations for the insight views. Bulk CSV import has its
 * own path; manual entry edits one stream-month at a time.
 */

/** An account's observations, optionally limited to a month range (inclusive, YYYY-MM). */
export async function listObservations(
  db: WorkspaceDb,
  accountId: string,
  range: { fromMonth?: string; toMonth?: string } = {},
): Promise<MetricObservationRow[]> {
  let query = db.selectFrom('metricObservations').selectAll().where('accountId', '=', accountId);
  if (range.fromMonth) query = query.where('month', '>=', range.fromMonth);
  if (range.toMonth) query = query.where('month', '<=', range.toMonth);
  return query.orderBy('month').orderBy('streamId').orderBy('metricKey').execute();
}

/** Prepared statements of the per-account window reads, once per connection. */
const windowStatements = new WeakMap<SqliteDatabase.Database, { latest: SqliteDatabase.Statement; next: SqliteDatabase.Statement; window: SqliteDatabase.Statement }>();

function windowReads(sqlite: SqliteDatabase.Database) {
  let statements = windowStatements.get(sqlite);
  if (!statements) {
    statements = {
      latest: sqlite.prepare('SELECT max(month) FROM metric_observations WHERE account_id = ? AND month <= ?').pluck(),
      next: sqlite.prepare('SELECT min(month) FROM metric_observations WHERE account_id = ? AND month > ?').pluck(),
      window: sqlite.prepare('SELECT stream_id, metric_key, month, value FROM metric_observations WHERE account_id = ? AND month >= ? AND month <= ?').raw(),
    };
    windowStatements.set(sqlite, statements);
  }
  return statements;
}

/**
 * The latest month (YYYY-MM) in which an account has any observation, not after `atOrBefore`;
 * null when there is none. One seek in metric_observations_account_month.
 */
export function latestObservedMonth(sqlite: SqliteDatabase.Database, accountId: string, atOrBefore: string): string | null {
  return (windowReads(sqlite).latest.get(accountId, atOrBefore) as string | null) ?? null;
}

/** The first month (YYYY-MM) after `after` in which an account has any observation (recorded ahead); null when there is none. One seek. */
export function firstObservedMonthAfter(sqlite: SqliteDatabase.Database, accountId: string, after: string): string | null {
  return (windowReads(sqlite).next.get(accountId, after) as string | null) ?? null;
}

/**
 * One account's observations from `fromMonth` to `toMonth` (inclusive, YYYY-MM), read from the
 * covering index metric_observations_account_month on a raw prepared statement: the portfolio and
 * peer benchmarks read a 13-month window of thousands of accounts, and rows as arrays turned into
 * the engine's shape here cost a fraction of Kysely's mapping.
 * @example observationsInWindow(workspace.sqlite, accountId, '2025-10', '2026-10')
 */
export function observationsInWindow(sqlite: SqliteDatabase.Database, accountId: string, fromMonth: string, toMonth: string): MetricObservation[] {
  const rows = windowReads(sqlite).window.all(accountId, fromMonth, toMonth) as [string, string, string, number][];
  const observations: MetricObservation[] = [];
  for (const [streamId, metricKey, month, value] of rows) {
    // As observationsFromRows: a key this version does not know (a newer version wrote it) is skipped.
    if (isMetricKey(metricKey)) observations.push({ streamId, metricKey, month, value });
  }
  return observations;
}

export interface MonthValuesWrite {
  accountId: string;
  streamId: string;
  month: string;
  /** Metric key → value to store, or null to remove the stored value. */
  values: Record<string, number | null>;
  source: string;
  updatedAt: string;
}

/** Upserts and removals for one stream-month, in one transaction. Returns how many rows changed. */
export async function writeMonthValues(db: WorkspaceDb, write: MonthValuesWrite): Promise<{ written: number; removed: number }> {
  return db.transaction().execute(async (trx) => {
    let written = 0;
    let removed = 0;
    for (const [metricKey, value] of Object.entries(write.values)) {
      const key = { accountId: write.accountId, streamId: write.streamId, metricKey, month: write.month };
      if (value === null) {
        const result = await trx
          .deleteFrom('metricObservations')
          .where('accountId', '=', key.accountId)
          .where('streamId', '=', key.streamId)
          .where('metricKey', '=', key.metricKey)
          .where('month', '=', key.month)
          .executeTakeFirst();
        removed += Number(result.numDeletedRows);
        continue;
      }
      await trx
        .insertInto('metricObservations')
        .values({ ...key, value, source: write.source, updatedAt: write.updatedAt })
        .onConflict((oc) => oc.columns(['accountId', 'streamId', 'metricKey', 'month']).doUpdateSet({ value, source: write.source, updatedAt: write.updatedAt }))
        .execute();
      written += 1;
    }
    return { written, removed };
  });
}

/*
 * The same two reads for a team workspace (PostgreSQL), where each query is a round trip to the
 * server: one query per account would cost the portfolio thousands of them, so these read a whole
 * batch of accounts at once.
 */

/**
 * For each account with observations up to `atOrBefore`, its observations in the `windowMonths`
 * months ending with its latest observed month (the window of latestObservedMonth +
 * observationsInWindow). Accounts without any are absent. PostgreSQL only.
 */
export async function latestWindowsOnServer(db: WorkspaceDb, accountIds: readonly string[], atOrBefore: string, windowMonths: number): Promise<Map<string, MetricObservation[]>> {
  const byAccount = new Map<string, MetricObservation[]>();
  if (accountIds.length === 0) return byAccount;
  const result = await sql<{ accountId: string; streamId: string; metricKey: string; month: string; value: number }>`
    SELECT m.account_id, m.stream_id, m.metric_key, m.month, m.value
      FROM metric_observations m
      JOIN (SELECT account_id, max(month) AS latest FROM metric_observations
             WHERE account_id = ANY(${[...accountIds]}) AND month <= ${atOrBefore} GROUP BY account_id) l
        ON l.account_id = m.account_id
     WHERE m.month <= l.latest
       AND m.month >= to_char(to_date(l.latest, 'YYYY-MM') - ${windowMonths - 1} * interval '1 month', 'YYYY-MM')
     ORDER BY m.account_id, m.month`.execute(db);
  for (const row of result.rows) {
    if (!isMetricKey(row.metricKey)) continue;
    let list = byAccount.get(row.accountId);
    if (!list) byAccount.set(row.accountId, (list = []));
    list.push({ streamId: row.streamId, metricKey: row.metricKey, month: row.month, value: row.value });
  }
  return byAccount;
}

/** firstObservedMonthAfter for many accounts on a team workspace, in one query; accounts with none are absent. */
export async function firstMonthsAfterOnServer(db: WorkspaceDb, accountIds: readonly string[], after: string): Promise<Map<string, string>> {
  if (accountIds.length === 0) return new Map();
  const result = await sql<{ accountId: string; next: string }>`
    SELECT account_id, min(month) AS next FROM metric_observations
     WHERE account_id = ANY(${[...accountIds]}) AND month > ${after} GROUP BY account_id`.execute(db);
  return new Map(result.rows.map((row) => [row.accountId, row.next]));
}

/** observationsInWindow through Kysely, for a team workspace. */
export async function observationsInWindowOnServer(db: WorkspaceDb, accountId: string, fromMonth: string, toMonth: string): Promise<MetricObservation[]> {
  const rows = await db
    .selectFrom('metricObservations')
    .select(['streamId', 'metricKey', 'month', 'value'])
    .where('accountId', '=', accountId)
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .execute();
  return rows.flatMap((row) => (isMetricKey(row.metricKey) ? [{ streamId: row.streamId, metricKey: row.metricKey, month: row.month, value: row.value }] : []));
}
