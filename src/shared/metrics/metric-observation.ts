import type { MetricKey } from '../framework/metric-keys';

/** One stored monthly value; `streamId` is '' for account-level values. */
export interface MetricObservation {
  streamId: string;
  metricKey: MetricKey;
  /** Calendar month, YYYY-MM. */
  month: string;
  value: number;
}

/** The metric family a key belongs to, from its prefix (rpm_, pmpm_, saas_, vbc_, hybrid_, outcome_). */
export type MetricFamily = 'rpm' | 'pmpm' | 'saas' | 'vbc' | 'hybrid' | 'outcome';

const FAMILIES: readonly MetricFamily[] = ['rpm', 'pmpm', 'saas', 'vbc', 'hybrid', 'outcome'];

/** The family of a metric key, or null for a key with no known prefix. */
export function metricFamily(metricKey: MetricKey): MetricFamily | null {
  const prefix = metricKey.split('_')[0] as MetricFamily;
  return FAMILIES.includes(prefix) ? prefix : null;
}

/** Constant-time lookup of observations by stream, metric and month. */
export interface ObservationIndex {
  get(streamId: string, metricKey: MetricKey, month: string): MetricObservation | undefined;
  /** Months with at least one observation, ascending. */
  months(): string[];
}

/** Indexes observations; a later duplicate of the same stream+metric+month wins. */
export function indexObservations(observations: readonly MetricObservation[]): ObservationIndex {
  // Nested maps rather than one map on a joined "stream|metric|month" key: building that key for
  // every row was the largest cost of indexing a portfolio (millions of short-lived strings).
  const byStream = new Map<string, Map<string, Map<string, MetricObservation>>>();
  const months = new Set<string>();
  for (const observation of observations) {
    let byMetric = byStream.get(observation.streamId);
    if (!byMetric) byStream.set(observation.streamId, (byMetric = new Map()));
    let byMonth = byMetric.get(observation.metricKey);
    if (!byMonth) byMetric.set(observation.metricKey, (byMonth = new Map()));
    byMonth.set(observation.month, observation);
    months.add(observation.month);
  }
  const sortedMonths = [...months].sort();
  return {
    get: (streamId, metricKey, month) => byStream.get(streamId)?.get(metricKey)?.get(month),
    months: () => sortedMonths,
  };
}
