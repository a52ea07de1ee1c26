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

/** Every early-warning rule's key. */
export const SIGNAL_KEYS = [
  'rpm_billing_engagement_decoupling',
  'rpm_management_code_leakage',
  'rpm_cost_avoidance_unmeasured',
  'pmpm_guaranteed_revenue_trap',
  'saas_adoption_erosion',
  'sponsor_not_engaged',
  'sponsor_not_identified',
  'vbc_enrollment_too_small',
  'vbc_outcome_below_benchmark',
  'vbc_data_quality_drop',
  'vbc_target_above_benchmark',
  'hybrid_switchover_phase',
] as const;
export type SignalKey = (typeof SIGNAL_KEYS)[number];

/** What the CSM does about a signal: the play in one sentence, then its steps (one sentence each). */
export interface SignalPlay {
  summary: string;
  steps: string[];
}

/**
 * An early warning (or context note) as data, so nothing downstream parses prose. Signals are the
 * CSM's: the app and the deck's speaker notes and prep brief show them, a customer slide never does.
 */
export interface Signal {
  key: SignalKey;
  severity: SignalSeverity;
  /** The stream the signal is about, or null for account-level signals. */
  streamId: string | null;
  /** The warning in a few words ("Billing looks healthy, engagement does not"). */
  headline: string;
  /** The number that backs the headline, when one does. */
  headlineEvidence: SignalEvidence | null;
  evidence: SignalEvidence[];
  /** Why it matters, in plain sentences. */
  explanation: string;
  play: SignalPlay;
}

/** A signal as a rule writes it: `headlineIndex` points at the evidence that backs the headline (null: none does). */
export type SignalDraft = Omit<Signal, 'headlineEvidence'> & { headlineIndex: number | null };

/** The finished signal, with its headline evidence resolved. */
export function finishSignal({ headlineIndex, ...signal }: SignalDraft): Signal {
  return { ...signal, headlineEvidence: headlineIndex === null ? null : (signal.evidence[headlineIndex] ?? null) };
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
