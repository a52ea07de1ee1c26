import { monthsEndingAt } from '../calendar';
import type { MetricKey } from '../framework/metric-keys';
import type { PaymentEnvironmentKey, ValueOrientationKey } from '../framework/keys';
import { valueStory } from '../framework/value-story';
import type { MetricUnit } from './metric-definition';
import { findMetricDefinition } from './metric-catalog';
import type { ObservationInput } from './kpi-value';
import type { StreamReader } from './stream-reader';

/*
 * What leads for a stream's buyer, as the app's Metrics tab shows it: the metrics the payment
 * environment's story leads with (framework/value-story.ts, the same list the deck's value story
 * reads), each with its latest recorded value and twelve months of history. Outcome metrics
 * (readmissions, ER visits avoided, cost avoided, Star measures) have no KPI of their own, so
 * without this they would be imported and then shown nowhere.
 */

/** Months of history shown per lead metric, ending with the report month. */
export const LEAD_METRIC_MONTHS = 12;

export interface LeadMetricResult {
  key: MetricKey;
  label: string;
  unit: MetricUnit;
  /** The latest recorded value within the window, or null when none was recorded. */
  latest: ObservationInput | null;
  /** Value per month, oldest first, ending with the report month; null where unrecorded. */
  history: { month: string; value: number | null }[];
}

export interface StreamStory {
  paymentEnvironment: PaymentEnvironmentKey | null;
  orientation: ValueOrientationKey;
  /** The lead metrics in the story's order. */
  leadMetrics: LeadMetricResult[];
  /** True when the buyer's value is the CPT reimbursement itself (fee-for-service RPM), so billing charts lead. */
  billingIsValue: boolean;
}

/** The story's lead metrics for one stream at the report month. */
export function streamStory(reader: StreamReader, month: string): StreamStory {
  const { revenueModel: model, paymentEnvironment: environment } = reader.stream;
  const story = valueStory({ model, environment });
  const months = monthsEndingAt(month, LEAD_METRIC_MONTHS);
  const leadMetrics = story.leadMetricKeys.flatMap((key): LeadMetricResult[] => {
    const definition = findMetricDefinition(key);
    if (!definition) return [];
    const inputs = months.map((at) => reader.metric(key, at).input ?? null);
    const latest = [...inputs].reverse().find((input) => input !== null) ?? null;
    return [{ key, label: definition.label, unit: definition.unit, latest, history: months.map((at, i) => ({ month: at, value: inputs[i]?.value ?? null })) }];
  });
  return { paymentEnvironment: environment, orientation: story.orientation, leadMetrics, billingIsValue: story.concepts.cptBillingRevenue };
}
