import type { RevenueModelKey } from '../framework/keys';
import type { MetricKey } from '../framework/metric-keys';
import type { RpmRateSetting } from '../framework/rpm-codes';
import type { InsightStream } from './insight-input';
import type { KpiOperand, ObservationInput, RateInput, TermInput } from './kpi-value';
import { metricFamily, type MetricFamily, type ObservationIndex } from './metric-observation';

/** The metric families each revenue model reads; a hybrid stream may carry any of them. */
export const MODEL_FAMILIES: Record<RevenueModelKey, readonly MetricFamily[]> = {
  cpt_rpm: ['rpm'],
  pmpm_pepm: ['pmpm'],
  saas_license: ['saas'],
  value_based: ['vbc'],
  hybrid: ['rpm', 'pmpm', 'saas', 'vbc', 'hybrid'],
};

/**
 * The streams whose model reads a metric family. An account-level value (stream '') of that
 * family is read only when there is exactly one (see createStreamReader), so imports store such a
 * value on that stream and refuse it when there is none or several.
 */
export function streamsReadingFamily<T extends { revenueModel: RevenueModelKey }>(family: MetricFamily, streams: readonly T[]): T[] {
  return streams.filter((stream) => MODEL_FAMILIES[stream.revenueModel].includes(family));
}

/** Reads one stream's observations, terms and rates as KPI operands. */
export interface StreamReader {
  stream: InsightStream;
  metric(metricKey: MetricKey, month: string): KpiOperand<ObservationInput>;
  term(term: string): KpiOperand<TermInput>;
  rate(code: string): KpiOperand<RateInput>;
  /** True when any of the given metrics has a value in the month (used to skip empty hybrid families). */
  hasAny(metricKeys: readonly MetricKey[], month: string): boolean;
}

/**
 * A reader for one stream. Account-level observations (stream '') are used as a fallback for a
 * metric only when this is the sole stream of the account that reads that metric's family,
 * so an account-level value can never be counted twice.
 */
export function createStreamReader(
  index: ObservationIndex,
  stream: InsightStream,
  allStreams: readonly InsightStream[],
  rates: readonly RpmRateSetting[],
): StreamReader {
  // Memoised per family: every KPI of every month asks, and the answer depends only on the streams.
  const soleReaderByFamily = new Map<MetricFamily, boolean>();
  const soleReader = (family: MetricFamily | null): boolean => {
    if (family === null) return false;
    let sole = soleReaderByFamily.get(family);
    if (sole === undefined) {
      sole = streamsReadingFamily(family, allStreams).length === 1;
      soleReaderByFamily.set(family, sole);
    }
    return sole;
  };

  function find(metricKey: MetricKey, month: string): ObservationInput | null {
    const own = index.get(stream.id, metricKey, month);
    const found = own ?? (soleReader(metricFamily(metricKey)) ? index.get('', metricKey, month) : undefined);
    return found ? { kind: 'observation', streamId: found.streamId, metricKey, month, value: found.value } : null;
  }

  return {
    stream,
    metric: (metricKey, month) => ({ name: metricKey, input: find(metricKey, month) }),
    term(term) {
      const value = stream.terms[term];
      return {
        name: `terms.${term}`,
        input: typeof value === 'number' && Number.isFinite(value) ? { kind: 'term', streamId: stream.id, term, value } : null,
      };
    },
    rate(code) {
      const rate = rates.find((candidate) => candidate.code === code);
      return {
        name: `rate.${code}`,
        input: rate ? { kind: 'rate', code, rateCents: rate.rateCents, asOf: rate.asOf, source: rate.source } : null,
      };
    },
    hasAny: (metricKeys, month) => metricKeys.some((key) => find(key, month) !== null),
  };
}
