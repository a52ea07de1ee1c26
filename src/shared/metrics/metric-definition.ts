import type { RevenueModelKey } from '../framework/keys';
import type { MetricKey } from '../framework/metric-keys';

/** How a metric's value is expressed; decides validation (counts ≥ 0, percents 0-100) and formatting. */
export type MetricUnit = 'count' | 'percent' | 'usd' | 'score' | 'days' | 'minutes';

/**
 * How monthly values roll up to a quarter: flows add up (claims paid), stocks take the last month
 * (enrolled patients), rates average (uptime %).
 */
export type MetricAggregation = 'sum' | 'last' | 'average';

/** One raw monthly input the app stores in metric_observations. */
export interface MetricDefinition {
  key: MetricKey;
  label: string;
  unit: MetricUnit;
  /** The revenue models this metric belongs to; 'any' metrics (outcomes) may appear on every model. */
  models: readonly RevenueModelKey[] | 'any';
  aggregation: MetricAggregation;
  /** One or two sentences: what is counted, over what period, from which system. */
  definition: string;
  /** Where the number usually comes from (our platform, the buyer's claims, the EHR, HR systems...). */
  source: string;
  /** Lower and upper bounds beyond the unit's own (e.g. NPS −100..100). */
  min?: number;
  max?: number;
  /** May be negative although the unit usually is not (savings that turned out to be a cost increase). */
  signed?: true;
  /**
   * 'account': the value describes the buyer's data for the whole contract (claims feed, eligibility
   * file, risk scores), whichever stream it was recorded on, so every slide reads it across the
   * account's streams (metrics/account-evidence.ts). Absent: it belongs to the stream it is recorded on.
   */
  scope?: 'account';
}
