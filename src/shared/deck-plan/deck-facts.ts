import { createStreamReaders, type KpiResult, type StreamKpis } from '../metrics/kpi-engine';
import type { StreamReader } from '../metrics/stream-reader';
import { indexObservations } from '../metrics/metric-observation';
import { isAccountScopeMetric, metricEvidence, type MetricEvidence } from '../metrics/account-evidence';
import { historyMonths, periodLabel, quarterMonthsThrough } from './deck-period';
import type { DeckPlanInput, DeckPlanStream } from './deck-plan-types';
import type { MetricKey } from '../framework/metric-keys';
import type { KpiKey } from '../metrics/kpis/kpi-definition';

/*
 * One indexed view of a deck's inputs, so slide builders ask questions ("device days this month?",
 * "ER visits avoided this quarter?") instead of walking arrays. Missing is always null.
 */

/**
 * A flow metric (or KPI) summed over the deck's period. `value` is the period's figure only when
 * every month has a value; with a month missing it is null and `missingMonths` names the gap, so a
 * two-month sum is never read as the quarter's figure.
 */
export interface PeriodTotal {
  /** The sum over every month of the period, or null when a month is missing. */
  value: number | null;
  /** The sum of the months that have a value (for notes; never presented as the period's figure). */
  partialValue: number;
  monthsWithData: string[];
  /** YYYY-MM months of the period without a value, oldest first. */
  missingMonths: string[];
}

/** Sums per-month values of the period; null when no month has one. */
export function periodTotal(values: readonly { month: string; value: number | null }[]): PeriodTotal | null {
  const present = values.filter((point): point is { month: string; value: number } => point.value !== null);
  if (present.length === 0) return null;
  const partialValue = present.reduce((sum, point) => sum + point.value, 0);
  const missingMonths = values.filter((point) => point.value === null).map((point) => point.month);
  return { value: missingMonths.length === 0 ? partialValue : null, partialValue, monthsWithData: present.map((point) => point.month), missingMonths };
}

/** A KPI together with the stream it belongs to. */
export interface StreamKpi {
  stream: DeckPlanStream;
  kpi: KpiResult;
}

export interface DeckFacts {
  input: DeckPlanInput;
  reportMonth: string;
  /** The quarter's months up to the report month. */
  quarterMonths: string[];
  /** "Q3 2026" or "Q4 2026 to date (Oct–Nov)": the label of every figure over the quarter's months. */
  period: string;
  /** Metric keys with at least one observation: what the data can prove. */
  availableMetricKeys: ReadonlySet<MetricKey>;
  streamKpis(streamId: string): StreamKpis | undefined;
  /** The KPI engine's reader for a stream (observations, terms, dated rates), for estimates the signals share. */
  reader(streamId: string): StreamReader | undefined;
  /**
   * A stream's KPI. For a KPI of an account-scope metric (claims completeness, eligibility accuracy)
   * it is the KPI of the stream holding the account's value for the report month (see evidence),
   * whichever stream is asked about; undefined when two streams' values conflict.
   */
  kpi(streamId: string, key: KpiKey): KpiResult | undefined;
  /** Every stream whose KPI has a value in its twelve months, in stream order (the series of a conflict). */
  kpisRecorded(key: KpiKey): StreamKpi[];
  /** The first stream carrying this KPI (a stream with a value wins over one without); an account-scope KPI as `kpi` finds it. */
  findKpi(key: KpiKey): StreamKpi | undefined;
  /**
   * The account's evidence for a metric and month as a slide about `streamId` may quote it: the one
   * rule of metrics/account-evidence.ts (the stream's own value, or for an account-scope metric the
   * value recorded on any of the account's streams, a conflict when they differ).
   */
  evidence(streamId: string, metricKey: MetricKey, month: string): MetricEvidence;
  /** The evidence of the latest month within three months of the report month that has any, else missing for the report month. */
  latestEvidence(streamId: string, metricKey: MetricKey): MetricEvidence;
  /** The recorded value of `evidence`, or null (missing or conflicting). */
  observed(streamId: string, metricKey: MetricKey, month: string): number | null;
  /** The latest recorded value at or before the report month, within three months (see latestEvidence). */
  latest(streamId: string, metricKey: MetricKey): { month: string; value: number } | null;
  /** A flow metric summed over the quarter's months (see PeriodTotal), or null when no month has a value. */
  quarterTotal(streamId: string, metricKey: MetricKey): PeriodTotal | null;
  /** Values per month for the `count` months ending with the report month. */
  history(streamId: string, metricKey: MetricKey, count: number): { months: string[]; values: (number | null)[] };
}

/** Builds the facts view; pure. */
export function collectDeckFacts(input: DeckPlanInput): DeckFacts {
  const index = indexObservations(input.observations);
  const reportMonth = input.insights.month;
  const quarterMonths = quarterMonthsThrough(input.quarter, reportMonth);
  const availableMetricKeys = new Set(input.observations.map((o) => o.metricKey));
  const kpisByStream = new Map(input.insights.streams.map((stream) => [stream.streamId, stream]));
  const readers = new Map(createStreamReaders(index, input.streams, input.rpmRates).map((reader) => [reader.stream.id, reader]));

  const streamIds = input.streams.map((stream) => stream.id);
  const evidence = (streamId: string, metricKey: MetricKey, month: string): MetricEvidence => metricEvidence(index, streamIds, streamId, metricKey, month);
  const observed = (streamId: string, metricKey: MetricKey, month: string): number | null => {
    const found = evidence(streamId, metricKey, month);
    return found.status === 'recorded' ? found.value : null;
  };
  const latestEvidence = (streamId: string, metricKey: MetricKey): MetricEvidence => {
    for (const month of historyMonths(reportMonth, 3).reverse()) {
      const found = evidence(streamId, metricKey, month);
      if (found.status !== 'missing') return found;
    }
    return { status: 'missing', month: reportMonth };
  };
  const ownKpi = (streamId: string, key: KpiKey) => kpisByStream.get(streamId)?.kpis.find((k) => k.key === key);
  const kpisRecorded = (key: KpiKey): StreamKpi[] =>
    input.streams.flatMap((stream) => {
      const kpi = ownKpi(stream.id, key);
      return kpi && kpi.history.some((point) => point.value !== null) ? [{ stream, kpi }] : [];
    });
  /** An account-scope KPI: the one whose stream holds the report month's value, else (nothing recorded that month) the asked stream's or the first with history. */
  const accountKpi = (streamId: string, key: KpiKey): KpiResult | undefined => {
    const found = evidence(streamId, key as MetricKey, reportMonth);
    if (found.status === 'conflict') return undefined;
    const recorded = kpisRecorded(key);
    if (found.status === 'recorded') return recorded.find((candidate) => candidate.kpi.current.value === found.value && (found.streamId === '' || candidate.stream.id === found.streamId))?.kpi;
    return ownKpi(streamId, key) ?? recorded[0]?.kpi;
  };

  return {
    input,
    reportMonth,
    quarterMonths,
    period: periodLabel(input.quarter, reportMonth),
    availableMetricKeys,
    streamKpis: (streamId) => kpisByStream.get(streamId),
    reader: (streamId) => readers.get(streamId),
    kpi: (streamId, key) => (isAccountScopeMetric(key) ? accountKpi(streamId, key) : ownKpi(streamId, key)),
    kpisRecorded,
    findKpi(key) {
      if (isAccountScopeMetric(key)) {
        const kpi = accountKpi(input.streams[0]?.id ?? '', key);
        const stream = kpi && input.streams.find((candidate) => candidate.id === kpi.streamId);
        return kpi && stream ? { stream, kpi } : undefined;
      }
      const found = input.streams.flatMap((stream) => {
        const kpi = ownKpi(stream.id, key);
        return kpi ? [{ stream, kpi }] : [];
      });
      return found.find((candidate) => candidate.kpi.current.value !== null) ?? found[0];
    },
    evidence,
    latestEvidence,
    observed,
    latest(streamId, metricKey) {
      const found = latestEvidence(streamId, metricKey);
      return found.status === 'recorded' ? { month: found.month, value: found.value } : null;
    },
    quarterTotal(streamId, metricKey) {
      return periodTotal(quarterMonths.map((month) => ({ month, value: observed(streamId, metricKey, month) })));
    },
    history(streamId, metricKey, count) {
      const months = historyMonths(reportMonth, count);
      return { months, values: months.map((month) => observed(streamId, metricKey, month)) };
    },
  };
}
