import type { Insertable, Selectable } from 'kysely';

/**
 * One monthly value of one metric. Primary key (accountId, streamId, metricKey, month);
 * `streamId` is '' for account-level values so the key stays NOT NULL and upserts stay exact.
 */
export interface MetricObservationsTable {
  accountId: string;
  streamId: string;
  metricKey: string;
  /** Calendar month as YYYY-MM. */
  month: string;
  value: number;
  /** Where the value came from: 'demo', 'manual', or the imported file's name. */
  source: string;
  updatedAt: string;
}

export const METRIC_OBSERVATIONS_TABLE = 'metricObservations';
export type MetricObservationRow = Selectable<MetricObservationsTable>;
export type NewMetricObservationRow = Insertable<MetricObservationsTable>;
