import { computeHealthScore, gatherHealthFacts, healthScoreOn, type HealthFacts, type HealthScore } from './health/health-score';
import type { AccountInsightInput, InsightStream } from './insight-input';
import { computeStreamKpis, createStreamReaders, kpiDefinitionsForStream, KPI_HISTORY_MONTHS, type StreamKpis } from './kpi-engine';
import { addMonths, monthsEndingAt } from '../calendar';
import { indexObservations } from './metric-observation';
import { evaluateSignals, gatherSignalFacts, signalSeveritiesOn, type SignalFacts } from './signals/evaluate-signals';
import { worstSeverity, type Signal, type SignalSeverity } from './signals/signal';

/** Everything the account view, portfolio list and decks show about one account for one month. */
export interface AccountInsights {
  /** The report month, YYYY-MM. */
  month: string;
  streams: StreamKpis[];
  health: HealthScore;
  signals: Signal[];
  worstSeverity: SignalSeverity | null;
}

/**
 * The report month: the one asked for, else the latest month with data that is not after today's
 * month, else the month before today.
 */
export function reportMonth(input: Pick<AccountInsightInput, 'observations' | 'today' | 'asOfMonth'>): string {
  return reportMonthIn({ ...input, thisMonth: input.today.slice(0, 7) });
}

function reportMonthIn(input: Pick<AccountInsightInput, 'observations' | 'asOfMonth'> & { thisMonth: string }): string {
  if (input.asOfMonth) return input.asOfMonth;
  const thisMonth = input.thisMonth;
  const latest = input.observations.reduce<string | null>((max, o) => (o.month <= thisMonth && (max === null || o.month > max) ? o.month : max), null);
  return latest ?? addMonths(thisMonth, -1);
}

/** KPIs, health and signals for one account — pure: same input, same output. */
export function computeAccountInsights(input: AccountInsightInput): AccountInsights {
  const month = reportMonth(input);
  const index = indexObservations(input.observations);
  const readers = createStreamReaders(index, input.streams, input.rpmRates);
  const streams = readers.map((reader) => computeStreamKpis(reader, month));
  const signals = evaluateSignals({
    month,
    today: input.today,
    renewalDate: input.renewalDate,
    contractStartDate: input.contractStartDate,
    stakeholders: input.stakeholders,
    streams: readers.map((reader, i) => ({ stream: reader.stream, reader, kpiKeys: new Set(streams[i]!.kpis.map((kpi) => kpi.key)) })),
  });
  const health = computeHealthScore({
    readers,
    stakeholders: input.stakeholders,
    contractStartDate: input.contractStartDate,
    today: input.today,
    month,
    ...(input.healthWeights ? { weights: input.healthWeights } : {}),
  });
  return { month, streams, health, signals, worstSeverity: worstSeverity(signals) };
}

/**
 * Months computeAccountSummary reads, ending with the report month: the KPIs it tests for and the
 * signals' look-backs all fall within the report month and the 12 before it. Callers may pass only
 * the observations of this window (and none after the report month); tests hold the result equal.
 */
export const SUMMARY_WINDOW_MONTHS = KPI_HISTORY_MONTHS + 1;

/** What the portfolio list shows about one account: the same numbers computeAccountInsights gives. */
export interface AccountSummary {
  /** The report month, YYYY-MM. */
  month: string;
  /** Health score (0-100) for the report month, or null when no component could be measured. */
  healthScore: number | null;
  worstSeverity: SignalSeverity | null;
  signalCount: number;
}

/**
 * An account's summary without the day, as plain JSON: what the health score and the signals come
 * to for the report month, with the day-dependent parts (renewal countdowns, days since a sponsor
 * was engaged) left as facts to decide on a day. It depends on the data, the settings and the
 * month only, so the portfolio keeps it in the workspace and reads the data again only when the
 * data, the settings or the month change (services/insights/portfolio-health.ts).
 */
export interface AccountSummaryFacts {
  /** The report month, YYYY-MM. */
  month: string;
  health: HealthFacts;
  signals: SignalFacts;
}

/** The summary facts of an account in `thisMonth` (YYYY-MM): no clock, no day. */
export function gatherAccountSummaryFacts(input: Omit<AccountInsightInput, 'today'> & { thisMonth: string }): AccountSummaryFacts {
  const month = reportMonthIn(input);
  const readers = createStreamReaders(indexObservations(input.observations), input.streams, input.rpmRates);
  // The same window computeStreamKpis uses to decide which hybrid families a stream carries.
  const window = monthsEndingAt(month, KPI_HISTORY_MONTHS + 1);
  const signals = gatherSignalFacts({
    month,
    renewalDate: input.renewalDate,
    contractStartDate: input.contractStartDate,
    stakeholders: input.stakeholders,
    streams: readers.map((reader) => ({ stream: reader.stream, reader, kpiKeys: new Set(kpiDefinitionsForStream(reader, window).map((definition) => definition.key)) })),
  });
  const health = gatherHealthFacts({
    readers,
    stakeholders: input.stakeholders,
    contractStartDate: input.contractStartDate,
    month,
    ...(input.healthWeights ? { weights: input.healthWeights } : {}),
  });
  return { month, health, signals };
}

/** The account's summary on `today` (YYYY-MM-DD, in the facts' month) from its facts. */
export function accountSummaryOn(facts: AccountSummaryFacts, today: string): AccountSummary {
  const severities = signalSeveritiesOn(facts.signals, today);
  return {
    month: facts.month,
    healthScore: healthScoreOn(facts.health, facts.month, today),
    worstSeverity: worstSeverity(severities.map((severity) => ({ severity }))),
    signalCount: severities.length,
  };
}

/**
 * The portfolio's view of one account — equal to the matching fields of computeAccountInsights,
 * without the KPI table, histories and 6-month health trend that only the account view and decks
 * read (they are most of the cost, and the portfolio computes this for every account).
 */
export function computeAccountSummary(input: AccountInsightInput): AccountSummary {
  return accountSummaryOn(gatherAccountSummaryFacts({ ...input, thisMonth: input.today.slice(0, 7) }), input.today);
}

/**
 * The first month currentKpiValues reads for these streams at `month`: a report-month KPI reads that
 * month and the one before; a hybrid stream also tests which families carry data over the KPI
 * window (the month and the 12 before it). Callers may pass only observations from here to `month`;
 * tests hold the result equal to the full history's.
 */
export function currentKpiWindowStart(streams: readonly Pick<InsightStream, 'revenueModel'>[], month: string): string {
  return addMonths(month, streams.some((stream) => stream.revenueModel === 'hybrid') ? -KPI_HISTORY_MONTHS : -1);
}

/**
 * The report-month value of each KPI in `keys` that applies to the streams (the first stream with
 * a known value wins) — what computeAccountInsights' KPI table would show as `current`, without
 * histories, signals or health. Used for anonymised peer benchmarks, computed per peer per deck.
 * @example currentKpiValues({ observations, streams, rpmRates }, '2026-09', new Set(['rpm_enrollment_rate']))
 */
export function currentKpiValues(
  input: Pick<AccountInsightInput, 'observations' | 'streams' | 'rpmRates'>,
  month: string,
  keys: ReadonlySet<string>,
): Record<string, number | null> {
  const readers = createStreamReaders(indexObservations(input.observations), input.streams, input.rpmRates);
  const window = monthsEndingAt(month, KPI_HISTORY_MONTHS + 1);
  const values: Record<string, number | null> = {};
  for (const reader of readers) {
    for (const definition of kpiDefinitionsForStream(reader, window)) {
      if (keys.has(definition.key) && values[definition.key] == null) values[definition.key] = definition.compute(reader, month).value;
    }
  }
  return values;
}
