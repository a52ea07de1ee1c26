import type { KpiResult, StreamKpis } from '../metrics/kpi-engine';
import { indexObservations } from '../metrics/metric-observation';
import { historyMonths, quarterMonthsThrough } from './deck-period';
import type { DeckPlanInput, DeckPlanStream } from './deck-plan-types';
import type { MetricKey } from '../framework/metric-keys';
import type { KpiKey } from '../metrics/kpis/kpi-definition';

/*
 * One indexed view of a deck's inputs, so slide builders ask questions ("device days this month?",
 * "ER visits avoided this quarter?") instead of walking arrays. Missing is always null.
 */

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
  /** Metric keys with at least one observation: what the data can prove. */
  availableMetricKeys: ReadonlySet<MetricKey>;
  streamKpis(streamId: string): StreamKpis | undefined;
  kpi(streamId: string, key: KpiKey): KpiResult | undefined;
  /** The first stream carrying this KPI (a stream with a value wins over one without). */
  findKpi(key: KpiKey): StreamKpi | undefined;
  /** A stored value for the stream, falling back to an account-level value. */
  observed(streamId: string, metricKey: MetricKey, month: string): number | null;
  /** The latest stored value at or before the report month, within three months. */
  latest(streamId: string, metricKey: MetricKey): { month: string; value: number } | null;
  /** The sum of a flow metric over the quarter's months, or null when no month has a value. */
  quarterTotal(streamId: string, metricKey: MetricKey): { value: number; months: number } | null;
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

  const observed = (streamId: string, metricKey: MetricKey, month: string): number | null =>
    index.get(streamId, metricKey, month)?.value ?? index.get('', metricKey, month)?.value ?? null;

  return {
    input,
    reportMonth,
    quarterMonths,
    availableMetricKeys,
    streamKpis: (streamId) => kpisByStream.get(streamId),
    kpi: (streamId, key) => kpisByStream.get(streamId)?.kpis.find((k) => k.key === key),
    findKpi(key) {
      const found = input.streams.flatMap((stream) => {
        const kpi = kpisByStream.get(stream.id)?.kpis.find((k) => k.key === key);
        return kpi ? [{ stream, kpi }] : [];
      });
      return found.find((candidate) => candidate.kpi.current.value !== null) ?? found[0];
    },
    observed,
    latest(streamId, metricKey) {
      for (const month of historyMonths(reportMonth, 3).reverse()) {
        const value = observed(streamId, metricKey, month);
        if (value !== null) return { month, value };
      }
      return null;
    },
    quarterTotal(streamId, metricKey) {
      const values = quarterMonths.map((month) => observed(streamId, metricKey, month)).filter((v): v is number => v !== null);
      return values.length === 0 ? null : { value: values.reduce((a, b) => a + b, 0), months: values.length };
    },
    history(streamId, metricKey, count) {
      const months = historyMonths(reportMonth, count);
      return { months, values: months.map((month) => observed(streamId, metricKey, month)) };
    },
  };
}
