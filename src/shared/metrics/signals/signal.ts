import type { KpiInput } from '../kpi-value';

/** How urgently a signal needs the CSM: critical = act this week, warning = plan a play, info = context. */
export type SignalSeverity = 'critical' | 'warning' | 'info';

export const SIGNAL_SEVERITIES: readonly SignalSeverity[] = ['critical', 'warning', 'info'];

/** The unit an evidence number is expressed in; fractions are 0-1, percents 0-100. */
export type EvidenceUnit = 'fraction' | 'percent' | 'days' | 'usd' | 'count' | 'months' | 'score' | 'date' | 'text';

/** One number behind a signal, with where it came from. */
export interface SignalEvidence {
  label: string;
  value: number | string | null;
  unit: EvidenceUnit;
  /** The stored inputs this number was computed from, when it came from observations, terms or rates. */
  inputs?: KpiInput[];
}

/** An early warning (or context note) with the evidence, a plain explanation and a suggested play. */
export interface Signal {
  key: string;
  severity: SignalSeverity;
  /** The stream the signal is about, or null for account-level signals. */
  streamId: string | null;
  title: string;
  explanation: string;
  play: string;
  evidence: SignalEvidence[];
}

/** Rank for sorting: critical first. */
export function severityRank(severity: SignalSeverity): number {
  return SIGNAL_SEVERITIES.indexOf(severity);
}

/** The most severe of the signals, or null when there are none. */
export function worstSeverity(signals: readonly Pick<Signal, 'severity'>[]): SignalSeverity | null {
  return signals.reduce<SignalSeverity | null>(
    (worst, signal) => (worst === null || severityRank(signal.severity) < severityRank(worst) ? signal.severity : worst),
    null,
  );
}
