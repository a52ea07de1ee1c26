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

/** Observations of every live account, for portfolio-wide insights. */
export async function listLiveAccountObservations(db: WorkspaceDb): Promise<MetricObservationRow[]> {
  return db
    .selectFrom('metricObservations as m')
    .innerJoin('accounts as a', 'a.id', 'm.accountId')
    .selectAll('m')
    .where('a.deletedAt', 'is', null)
    .execute();
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
