import type { KpiChange } from '../metrics/kpi-change';
import type { KpiResult } from '../metrics/kpi-engine';
import { RPM_SIGNAL_THRESHOLDS } from '../metrics/signals/rpm-signals';
import { SAAS_SIGNAL_THRESHOLDS } from '../metrics/signals/saas-signals';
import { lowerFirst } from './value-format';
import { formatQuantity, groupDigits, NOT_AVAILABLE } from '../format/quantity';

/*
 * Action titles from KPI values: "Average device days per patient fell 46% over the year to 10.5
 * days, below the 16-day clinical threshold". Every number comes from a KpiResult; a missing value
 * produces a sentence that says it is missing, never a zero.
 */

/** Short names for titles; the catalog labels carry formulas in brackets that read badly in a sentence. */
const TITLE_NAMES: Record<string, string> = {
  rpm_avg_device_days_per_patient: 'Average device days per patient',
  rpm_billing_eligibility_rate: 'Billing eligibility',
  rpm_device_day_adherence_rate: 'Device-day coverage',
  rpm_engagement_gap: 'The billing-vs-engagement gap',
  rpm_enrollment_rate: 'Enrollment of eligible patients',
  rpm_claims_paid_rate: 'The claims paid rate',
  rpm_denial_rate: 'The claim denial rate',
  rpm_short_tier_share: 'The 99445 share of device claims',
  rpm_management_capture_rate: 'Management-code capture',
  rpm_add_on_units_per_device_billed_patient: '99458 add-on units per patient',
  rpm_buyer_reimbursement_usd: 'Monthly RPM reimbursement collected',
  rpm_revenue_per_enrolled_patient_usd: 'Our fee per enrolled patient',
  pmpm_engagement_rate: 'Engagement of the eligible population',
  pmpm_enrollment_rate: 'Enrollment of the eligible population',
  pmpm_retention_30d_rate: '30-day retention',
  pmpm_active_share_of_enrolled: 'The active share of enrolled members',
  pmpm_nps: 'Member NPS',
  pmpm_monthly_revenue_usd: 'Monthly program fees',
  saas_weekly_active_rate: 'Weekly active use of licensed seats',
  saas_integration_uptime_pct: 'Integration uptime',
  vbc_performance_payment_realization: 'Performance-payment realization',
  vbc_clinical_goal_achievement_rate: 'Clinical goal achievement',
  vbc_enrollment_rate: 'Enrollment of eligible members',
  vbc_engagement_rate: 'The engaged share of enrolled members',
  vbc_claims_completeness_pct: 'Claims-data completeness',
  vbc_eligibility_accuracy_pct: 'Eligibility-file accuracy',
  hybrid_switchover_progress: 'Progress to the PEPM switchover',
};

/** The KPI's name as a sentence subject. */
export function kpiTitleName(kpi: Pick<KpiResult, 'key' | 'label'>): string {
  return TITLE_NAMES[kpi.key] ?? kpi.label;
}

/** A reference line a KPI is judged against, from the signal thresholds the engine already uses. */
export interface KpiThreshold {
  value: number;
  /** "the 16-day clinical threshold". */
  phrase: string;
}

const THRESHOLDS: Record<string, KpiThreshold> = {
  rpm_avg_device_days_per_patient: { value: RPM_SIGNAL_THRESHOLDS.deviceDaysShallow, phrase: 'the 16-day clinical threshold' },
  rpm_management_capture_rate: { value: RPM_SIGNAL_THRESHOLDS.managementCaptureTarget, phrase: 'the 80% capture target' },
  saas_weekly_active_rate: { value: SAAS_SIGNAL_THRESHOLDS.weeklyActiveRateFloor, phrase: 'the 50% weekly-use floor' },
};

/**
 * The threshold a KPI is judged against, if any: the line the buyer's payment environment sets
 * (engagement of a Medicaid population is judged only against a calibrated benchmark;
 * framework/value-story.ts), else the signal threshold the engine uses.
 */
export function kpiThreshold(kpi: Pick<KpiResult, 'key' | 'judgedAgainst'>): KpiThreshold | undefined {
  if (kpi.judgedAgainst) return kpi.judgedAgainst.value === null ? undefined : { value: kpi.judgedAgainst.value, phrase: kpi.judgedAgainst.titlePhrase };
  return THRESHOLDS[kpi.key];
}

/** Which comparison a sentence uses. */
export type ComparisonWindow = 'quarter' | 'year';

function changeOf(kpi: KpiResult, window: ComparisonWindow): KpiChange {
  return window === 'quarter' ? kpi.quarterOverQuarter : kpi.yearOverYear;
}

const WINDOW_WORDS: Record<ComparisonWindow, string> = { quarter: 'over three months', year: 'over the year' };

/**
 * Shares move in percentage points, and so does a score (Member NPS, −100 to 100): a percent of a
 * percent, or of a score that can cross zero, means nothing to the reader.
 */
function movesInPoints(kpi: Pick<KpiResult, 'unit'>): boolean {
  return kpi.unit === 'fraction' || kpi.unit === 'percent' || kpi.unit === 'score';
}

/**
 * "fell 46%" / "rose 6.2 points" / "held steady": the movement between the comparison month and the
 * report month, or null when either value is missing. Shares move in points, not percent of percent.
 */
export function movementPhrase(kpi: KpiResult, window: ComparisonWindow): string | null {
  const change = changeOf(kpi, window);
  if (change.delta === null) return null;
  const points = kpi.unit === 'fraction' ? change.delta * 100 : change.delta;
  if (movesInPoints(kpi)) {
    if (Math.abs(points) < 0.05) return 'held steady';
    return `${points > 0 ? 'rose' : 'fell'} ${groupDigits(Math.abs(points), 1).replace(/\.0$/, '')} points`;
  }
  if (change.relativeChange === null) {
    const amount = formatQuantity(Math.abs(change.delta), kpi.unit);
    return change.delta === 0 ? 'held steady' : `${change.delta > 0 ? 'rose' : 'fell'} by ${amount}`;
  }
  const pct = Math.round(Math.abs(change.relativeChange) * 100);
  if (pct === 0) return 'held steady';
  return `${change.relativeChange > 0 ? 'rose' : 'fell'} ${pct}%`;
}

/** ", below the 16-day clinical threshold" when the KPI has one. */
export function thresholdClause(kpi: KpiResult): string {
  const threshold = kpiThreshold(kpi);
  const value = kpi.current.value;
  if (!threshold || value === null) return '';
  const side = value >= threshold.value ? 'above' : 'below';
  return `, ${side} ${threshold.phrase}`;
}

/** Picks the comparison to headline: the quarter when it moved, else the year. */
export function headlineWindow(kpi: KpiResult, preferred: ComparisonWindow = 'quarter'): ComparisonWindow {
  const other: ComparisonWindow = preferred === 'quarter' ? 'year' : 'quarter';
  const moved = (w: ComparisonWindow) => {
    const phrase = movementPhrase(kpi, w);
    return phrase !== null && phrase !== 'held steady';
  };
  if (moved(preferred)) return preferred;
  return moved(other) ? other : preferred;
}

/**
 * The takeaway sentence for one KPI: "Average device days per patient fell 46% over the year to
 * 10.5 days, below the 16-day clinical threshold". Missing values say so.
 */
export function kpiSentence(kpi: KpiResult, preferred: ComparisonWindow = 'quarter'): string {
  const name = kpiTitleName(kpi);
  const value = formatQuantity(kpi.current.value, kpi.unit);
  if (value === null) return `${name} is not available for this month: ${missingInputsPhrase(kpi)}`;
  const window = headlineWindow(kpi, preferred);
  const movement = movementPhrase(kpi, window);
  const threshold = thresholdClause(kpi);
  if (movement === null) return `${name} stands at ${value}${threshold}; no comparison month has data`;
  if (movement === 'held steady') return `${name} held steady at ${value} ${WINDOW_WORDS[window]}${threshold}`;
  return `${name} ${movement} ${WINDOW_WORDS[window]} to ${value}${threshold}`;
}

/** "is 10.5 days" style fragment for use inside longer sentences. */
export function kpiValueText(kpi: KpiResult | undefined): string {
  return formatQuantity(kpi?.current.value, kpi?.unit ?? 'count') ?? NOT_AVAILABLE.toLowerCase();
}

/** The missing inputs in words ("no rpm_enrolled_patients recorded"). */
export function missingInputsPhrase(kpi: KpiResult): string {
  if (kpi.current.missingInputs.length > 0) return `no ${kpi.current.missingInputs.slice(0, 3).join(', ')} recorded`;
  return lowerFirst(kpi.current.note ?? 'the inputs are incomplete');
}

/** The change versus a comparison month for tables: "−6.2 pts", "+18%", or null when unknown. */
export function changeCell(kpi: KpiResult, window: ComparisonWindow): string | null {
  const change = changeOf(kpi, window);
  if (change.delta === null) return null;
  // The sign follows the rounded figure, so a tiny fall never prints as "−0.0".
  const sign = (n: number, decimals = 1) => {
    const rounded = Math.round(n * 10 ** decimals);
    return rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
  };
  if (movesInPoints(kpi)) {
    const points = kpi.unit === 'fraction' ? change.delta * 100 : change.delta;
    return `${sign(points)}${groupDigits(Math.abs(points), 1)} pts`;
  }
  if (change.relativeChange === null) return `${sign(change.delta)}${formatQuantity(Math.abs(change.delta), kpi.unit)}`;
  return `${sign(change.relativeChange, 2)}${Math.round(Math.abs(change.relativeChange) * 100)}%`;
}

/** Whether the quarter-over-quarter movement is good news, bad news or neither. */
export function movementDirection(kpi: KpiResult, window: ComparisonWindow = 'quarter'): 'better' | 'worse' | 'flat' | 'unknown' {
  const change = changeOf(kpi, window);
  if (change.delta === null) return 'unknown';
  const scale = kpi.unit === 'fraction' ? 0.005 : kpi.unit === 'percent' ? 0.5 : Math.abs(change.previous.value ?? 0) * 0.01;
  if (Math.abs(change.delta) <= scale) return 'flat';
  return change.delta > 0 === kpi.higherIsBetter ? 'better' : 'worse';
}
