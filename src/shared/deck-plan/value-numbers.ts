import { formatQuantity } from '../format/quantity';
import { periodTotal, type DeckFacts, type PeriodTotal } from './deck-facts';
import { monthLabel } from './deck-period';
import { evidenceGapPhrase } from './evidence-words';
import { VBC_SIGNAL_THRESHOLDS } from '../metrics/signals/vbc-signals';
import { vbcEvaluationReadiness } from '../metrics/vbc-evaluation';
import type { DeckPlanStream } from './deck-plan-types';
import type { MetricKey } from '../framework/metric-keys';
import type { KpiKey } from '../metrics/kpis/kpi-definition';

/*
 * The handful of derived numbers the value slides quote, each computed only from recorded values
 * and contract terms (never estimated); null whenever an input is missing.
 */

/** A derived number with the metric keys it rests on, for footnotes. */
export interface DerivedNumber {
  value: number | null;
  metricKeys: MetricKey[];
}

/** A total over the deck's period with the metric keys it rests on; incomplete when a month is missing. */
export interface DerivedTotal {
  total: PeriodTotal | null;
  metricKeys: MetricKey[];
}

/** A monthly KPI summed over the deck's period (a month without a value makes the total incomplete). */
function kpiPeriodTotal(facts: DeckFacts, stream: DeckPlanStream, key: KpiKey): PeriodTotal | null {
  const kpi = facts.kpi(stream.id, key);
  if (!kpi) return null;
  const byMonth = new Map(kpi.history.map((point) => [point.month, point.value]));
  return periodTotal(facts.quarterMonths.map((month) => ({ month, value: byMonth.get(month) ?? null })));
}

/** RPM reimbursement the buyer collected over the deck's period (paid claims × dated rates). */
export function rpmQuarterReimbursement(facts: DeckFacts, stream: DeckPlanStream): DerivedTotal {
  return { total: kpiPeriodTotal(facts, stream, 'rpm_buyer_reimbursement_usd'), metricKeys: ['rpm_claims_paid_99454', 'rpm_claims_paid_99457'] };
}

/** What the practice keeps of its RPM reimbursement after our fee: the answer to "after your share?". */
export interface PracticeNet {
  /** The reimbursement net of our fee over the deck's period (incomplete when a month is). */
  total: PeriodTotal | null;
  /** Net per enrolled patient in the report month, or null. */
  perEnrolled: number | null;
  /** "after our 30% share" / "after our $42 per-patient fee". */
  basis: string;
}

/**
 * RPM reimbursement net of our fee, per the stream's terms: a revenue share keeps (100 − share)%,
 * a per-patient fee is taken per enrolled patient each month. Null when the terms fix neither.
 */
export function rpmPracticeNet(facts: DeckFacts, stream: DeckPlanStream): PracticeNet | null {
  const share = stream.terms.variant === 'revenue_share' ? numericTerm(stream, 'revenueSharePct') : null;
  const fee = stream.terms.variant === 'per_patient_fee' ? numericTerm(stream, 'perPatientMonthlyFeeUsd') : null;
  if (share === null && fee === null) return null;
  const kpi = facts.kpi(stream.id, 'rpm_buyer_reimbursement_usd');
  const reimbursement = new Map((kpi?.history ?? []).map((point) => [point.month, point.value]));
  const netOf = (month: string): number | null => {
    const gross = reimbursement.get(month) ?? null;
    if (gross === null) return null;
    if (share !== null) return gross * (1 - share / 100);
    const enrolled = facts.observed(stream.id, 'rpm_enrolled_patients', month);
    return enrolled === null ? null : gross - fee! * enrolled;
  };
  const enrolledNow = facts.observed(stream.id, 'rpm_enrolled_patients', facts.reportMonth);
  const netNow = netOf(facts.reportMonth);
  return {
    total: kpi ? periodTotal(facts.quarterMonths.map((month) => ({ month, value: netOf(month) }))) : null,
    perEnrolled: netNow === null || !enrolledNow ? null : netNow / enrolledNow,
    basis: share !== null ? `after our ${formatQuantity(share, 'percent')} share` : `after our ${formatQuantity(fee, 'usd')} per-patient fee`,
  };
}

/** RPM reimbursement collected in the report month per enrolled patient. */
export function rpmReimbursementPerEnrolled(facts: DeckFacts, stream: DeckPlanStream): DerivedNumber {
  const reimbursement = facts.kpi(stream.id, 'rpm_buyer_reimbursement_usd')?.current.value ?? null;
  const enrolled = facts.observed(stream.id, 'rpm_enrolled_patients', facts.reportMonth);
  return { value: reimbursement === null || !enrolled ? null : reimbursement / enrolled, metricKeys: ['rpm_claims_paid_99454', 'rpm_enrolled_patients'] };
}

/** 30-day readmission rates (percent) for monitored vs unmonitored patients at the latest month with both. */
export function readmissionComparison(facts: DeckFacts, stream: DeckPlanStream): { month: string; monitoredPct: number; unmonitoredPct: number; enrolled: number | null } | null {
  const monitored = facts.latest(stream.id, 'rpm_readmissions_monitored_pct');
  if (!monitored) return null;
  const unmonitored = facts.observed(stream.id, 'rpm_readmissions_unmonitored_pct', monitored.month);
  if (unmonitored === null) return null;
  return { month: monitored.month, monitoredPct: monitored.value, unmonitoredPct: unmonitored, enrolled: facts.observed(stream.id, 'rpm_enrolled_patients', monitored.month) };
}

/** PMPM/PEPM fees over the deck's period (the buyer's spend on the program). */
export function pmpmQuarterFees(facts: DeckFacts, stream: DeckPlanStream): DerivedTotal {
  return { total: kpiPeriodTotal(facts, stream, 'pmpm_monthly_revenue_usd'), metricKeys: ['pmpm_eligible_members', 'pmpm_enrolled_members'] };
}

/** Fees in the report month per active (engaged) member. */
export function pmpmFeePerActiveMember(facts: DeckFacts, stream: DeckPlanStream): DerivedNumber {
  const fees = facts.kpi(stream.id, 'pmpm_monthly_revenue_usd')?.current.value ?? null;
  const active = facts.observed(stream.id, 'pmpm_active_members', facts.reportMonth);
  return { value: fees === null || !active ? null : fees / active, metricKeys: ['pmpm_active_members'] };
}

/** A term of the stream as a number, or null. */
export function numericTerm(stream: DeckPlanStream, name: string): number | null {
  const value = stream.terms[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** SaaS license cost per weekly active user per month, and what it would be at full seat use. */
export function saasCostPerActiveUser(facts: DeckFacts, stream: DeckPlanStream): { perActive: number | null; perSeat: number | null; activeUsers: number | null; seats: number | null } {
  const annualFee = numericTerm(stream, 'annualFeeUsd');
  const activeUsers = facts.observed(stream.id, 'saas_weekly_active_users', facts.reportMonth);
  const seats = facts.observed(stream.id, 'saas_licensed_seats', facts.reportMonth) ?? numericTerm(stream, 'licensedSeats');
  return {
    perActive: annualFee === null || !activeUsers ? null : annualFee / 12 / activeUsers,
    perSeat: annualFee === null || !seats ? null : annualFee / 12 / seats,
    activeUsers,
    seats,
  };
}

/**
 * A matched-cohort savings figure and why it is not yet proof. Savings are proven only when the
 * period's total is complete, claims are complete (at least the data-quality line of the signals)
 * and the engaged sample reaches the size the power calculation needs; otherwise the deck calls the
 * figure an estimate and prints the caveats beside it.
 */
export interface SavingsEvidence {
  total: PeriodTotal | null;
  /** Short reasons on the slide: "600 engaged members of the 1,766 the evaluation needs", "claims 81% complete". */
  caveats: string[];
  proven: boolean;
  /** Claims completeness in the report month (percent), when recorded. */
  claimsCompletenessPct: number | null;
  /** Engaged members in the report month and the sample the power calculation needs, when known. */
  engaged: number | null;
  requiredSample: number | null;
}

/** The savings recorded for a stream over the deck's period, with the caveats that keep it an estimate. */
export function savingsEvidence(facts: DeckFacts, stream: DeckPlanStream): SavingsEvidence {
  const total = facts.quarterTotal(stream.id, 'outcome_matched_cohort_savings_usd');
  const completeness = facts.kpi(stream.id, 'vbc_claims_completeness_pct')?.current.value ?? null;
  const reader = facts.reader(stream.id);
  const readiness = reader && stream.revenueModel === 'value_based' ? vbcEvaluationReadiness(reader, facts.reportMonth, facts.input.account.contractStartDate) : null;
  const engaged = readiness?.engagedNow.value ?? null;
  const required = readiness?.requiredN ?? null;
  const caveats: string[] = [];
  if (total && total.value === null) caveats.push(`no savings recorded for ${total.missingMonths.map(monthLabel).join(', ')}`);
  if (engaged !== null && required !== null && engaged < required) caveats.push(`${formatQuantity(engaged, 'count')} engaged members of the ${formatQuantity(required, 'count')} the evaluation needs`);
  if (required === null) caveats.push('no sample-size check: the contract states no evaluation design');
  const completenessEvidence = facts.evidence(stream.id, 'vbc_claims_completeness_pct', facts.reportMonth);
  if (completenessEvidence.status === 'conflict') caveats.push(`claims completeness ${evidenceGapPhrase(facts, completenessEvidence, 'percent')}`);
  else if (completeness === null) caveats.push('claims completeness not recorded');
  else if (completeness < VBC_SIGNAL_THRESHOLDS.dataQualityCriticalPct) caveats.push(`claims ${formatQuantity(completeness, 'percent')} complete`);
  return { total, caveats, proven: total?.value != null && caveats.length === 0, claimsCompletenessPct: completeness, engaged, requiredSample: required };
}

/** A proportion with its sample size and Wilson 95% interval (fractions 0-1). */
export interface ProportionEstimate {
  successes: number;
  n: number;
  share: number;
  low: number;
  high: number;
}

/** Wilson score interval: honest for small samples and shares near 0 or 1, unlike the normal approximation. */
export function wilsonInterval(successes: number, n: number, z = 1.96): ProportionEstimate | null {
  if (n <= 0 || successes < 0 || successes > n) return null;
  const p = successes / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return { successes, n, share: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** VBC: engaged members at clinical target in the report month, with the interval. */
export function vbcGoalEstimate(facts: DeckFacts, stream: DeckPlanStream): ProportionEstimate | null {
  const atTarget = facts.observed(stream.id, 'vbc_members_at_clinical_target', facts.reportMonth);
  const engaged = facts.observed(stream.id, 'vbc_engaged_members', facts.reportMonth);
  return atTarget === null || engaged === null ? null : wilsonInterval(atTarget, engaged);
}

/** The first outcome target of a value-based stream's terms (percent 0-100). */
export function vbcTarget(stream: DeckPlanStream): { metric: string; targetPct: number | null; benchmarkPct: number | null } | null {
  const targets = Array.isArray(stream.terms.targets) ? (stream.terms.targets as { metric?: string; targetPct?: number; benchmarkPct?: number }[]) : [];
  const first = targets[0];
  return first ? { metric: first.metric ?? 'Clinical target', targetPct: first.targetPct ?? null, benchmarkPct: first.benchmarkPct ?? null } : null;
}

/**
 * An outcome metric summed over the deck's period (flows; null unless every month has a value, see
 * facts.quarterTotal for the gap) or the latest value (stocks).
 */
export function outcomeValue(facts: DeckFacts, stream: DeckPlanStream, key: MetricKey, aggregation: 'sum' | 'last'): number | null {
  if (aggregation === 'sum') return facts.quarterTotal(stream.id, key)?.value ?? null;
  return facts.latest(stream.id, key)?.value ?? null;
}
