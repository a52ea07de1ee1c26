import { engagementBenchmark, type EngagementBenchmark } from '../framework/value-story';
import { streamStory, type StreamStory } from './stream-story';
import { addMonths, monthsEndingAt } from '../calendar';
import type { RpmRateSetting } from '../framework/rpm-codes';
import type { InsightStream } from './insight-input';
import { compareKpi, threeMonthTrend, type KpiChange, type KpiTrend } from './kpi-change';
import type { KpiValue } from './kpi-value';
import type { KpiDefinition, KpiKey, KpiUnit } from './kpis/kpi-definition';
import { KPI_CATALOG } from './kpis/kpi-catalog';
import type { MetricFamily, ObservationIndex } from './metric-observation';
import { MODEL_FAMILIES, createStreamReader, type StreamReader } from './stream-reader';
import type { MetricKey } from '../framework/metric-keys';

/** Months of history each KPI carries for charts (the report month and the 11 before it). */
export const KPI_HISTORY_MONTHS = 12;

/** One KPI of one stream for the report month, with its comparisons and history. */
export interface KpiResult {
  key: KpiKey;
  label: string;
  unit: KpiUnit;
  higherIsBetter: boolean;
  streamId: string;
  month: string;
  current: KpiValue;
  /** Compared with the same month one quarter earlier (month − 3). */
  quarterOverQuarter: KpiChange;
  /** Compared with the same month a year earlier (month − 12). */
  yearOverYear: KpiChange;
  trend3m: KpiTrend;
  /** Value per month, oldest first, ending with the report month; null where unknown. */
  history: { month: string; value: number | null }[];
  /** The line this KPI is judged against in the buyer's payment environment, where the story sets one (engagement of the eligible population). */
  judgedAgainst?: EngagementBenchmark;
}

/** A stream's KPIs for the report month. */
export interface StreamKpis {
  streamId: string;
  streamName: string;
  revenueModel: InsightStream['revenueModel'];
  kpis: KpiResult[];
  /** What leads for this stream's buyer: the payment environment's lead metrics (same list as the deck's value story). */
  story: StreamStory;
}

/**
 * The KPI definitions that apply to a stream. A pure-model stream gets its model's KPIs (missing
 * inputs shown as missing); a hybrid stream gets each family it actually has data for in the window.
 */
export function kpiDefinitionsForStream(reader: StreamReader, months: readonly string[]): KpiDefinition[] {
  const families = MODEL_FAMILIES[reader.stream.revenueModel];
  const isHybrid = reader.stream.revenueModel === 'hybrid';
  const carried = (family: MetricFamily) =>
    !isHybrid || months.some((month) => reader.hasAny(FAMILY_PROBE_KEYS[family], month)) || (family === 'hybrid' && reader.term('switchoverThresholdUsers').input !== null);
  return KPI_CATALOG.filter((definition) => families.includes(definition.family) && carried(definition.family));
}

/** Metrics whose presence shows that a hybrid stream carries a family. */
const FAMILY_PROBE_KEYS: Record<MetricFamily, readonly MetricKey[]> = {
  rpm: ['rpm_enrolled_patients', 'rpm_device_days_total', 'rpm_claims_submitted_99454', 'rpm_claims_submitted_99445'],
  pmpm: ['pmpm_eligible_members', 'pmpm_enrolled_members', 'pmpm_active_members'],
  saas: ['saas_licensed_seats', 'saas_weekly_active_users'],
  vbc: ['vbc_eligible_members', 'vbc_enrolled_members', 'vbc_engaged_members'],
  hybrid: ['hybrid_activated_users'],
  outcome: [],
};

/** Every applicable KPI of one stream for `month`, with QoQ, YoY, 3-month trend and 12-month history. */
export function computeStreamKpis(reader: StreamReader, month: string): StreamKpis {
  const window = monthsEndingAt(month, KPI_HISTORY_MONTHS + 1);
  const quarterMonth = addMonths(month, -3);
  const yearMonth = addMonths(month, -12);
  const kpis = kpiDefinitionsForStream(reader, window).map((definition): KpiResult => {
    // Every month read (history, month − 3, month − 12) lies in the window: compute each once.
    const values = window.map((at) => definition.compute(reader, at));
    const valueAt = (at: string) => values[window.indexOf(at)]!;
    const current = valueAt(month);
    const history = window.slice(-KPI_HISTORY_MONTHS).map((at, i) => ({ month: at, value: values[i + window.length - KPI_HISTORY_MONTHS]!.value }));
    return {
      key: definition.key,
      label: definition.label,
      unit: definition.unit,
      higherIsBetter: definition.higherIsBetter,
      streamId: reader.stream.id,
      month,
      current,
      quarterOverQuarter: compareKpi(current, valueAt(quarterMonth), quarterMonth),
      yearOverYear: compareKpi(current, valueAt(yearMonth), yearMonth),
      trend3m: threeMonthTrend(history.slice(-3), definition.higherIsBetter),
      history,
      ...(definition.key === 'pmpm_engagement_rate' ? { judgedAgainst: engagementBenchmark(reader.stream.paymentEnvironment, reader.stream.terms) } : {}),
    };
  });
  return { streamId: reader.stream.id, streamName: reader.stream.name, revenueModel: reader.stream.revenueModel, kpis, story: streamStory(reader, month) };
}

/** Readers for every stream of an account, sharing one observation index. */
export function createStreamReaders(index: ObservationIndex, streams: readonly InsightStream[], rates: readonly RpmRateSetting[]): StreamReader[] {
  return streams.map((stream) => createStreamReader(index, stream, streams, rates));
}
