import { addMonths } from '../calendar';
import { computeHealthScore, type HealthScore } from './health/health-score';
import type { AccountInsightInput } from './insight-input';
import { computeStreamKpis, createStreamReaders, type StreamKpis } from './kpi-engine';
import { indexObservations } from './metric-observation';
import { evaluateSignals } from './signals/evaluate-signals';
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
  if (input.asOfMonth) return input.asOfMonth;
  const thisMonth = input.today.slice(0, 7);
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
    streams: readers.map((reader, i) => ({ stream: reader.stream, reader, kpis: streams[i]! })),
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
