import type { MetricFamily } from '../metric-observation';
import type { StreamReader } from '../stream-reader';
import { computeKpi, type KpiOperand, type KpiValue } from '../kpi-value';

/** Every derived KPI the engine computes, in catalog order. */
export const KPI_KEYS = [
  'rpm_avg_device_days_per_patient',
  'rpm_billing_eligibility_rate',
  'rpm_device_day_adherence_rate',
  'rpm_engagement_gap',
  'rpm_enrollment_rate',
  'rpm_claims_paid_rate',
  'rpm_denial_rate',
  'rpm_short_tier_share',
  'rpm_management_capture_rate',
  'rpm_add_on_units_per_device_billed_patient',
  'rpm_buyer_reimbursement_usd',
  'rpm_revenue_per_enrolled_patient_usd',
  'pmpm_engagement_rate',
  'pmpm_enrollment_rate',
  'pmpm_retention_30d_rate',
  'pmpm_active_share_of_enrolled',
  'pmpm_nps',
  'pmpm_monthly_revenue_usd',
  'saas_weekly_active_rate',
  'saas_integration_uptime_pct',
  'vbc_performance_payment_realization',
  'vbc_clinical_goal_achievement_rate',
  'vbc_enrollment_rate',
  'vbc_engagement_rate',
  'vbc_claims_completeness_pct',
  'vbc_eligibility_accuracy_pct',
  'hybrid_switchover_progress',
] as const;

/** Key of a derived KPI, e.g. `rpm_avg_device_days_per_patient`. */
export type KpiKey = (typeof KPI_KEYS)[number];

const KPI_KEY_SET: ReadonlySet<string> = new Set(KPI_KEYS);

/** Whether a string (a stored goal, a request) names a KPI. */
export function isKpiKey(value: string): value is KpiKey {
  return KPI_KEY_SET.has(value);
}

/** The unit a KPI is expressed in. Fractions are 0-1 (0.42 = 42%); percents are 0-100 as stored. */
export type KpiUnit = 'fraction' | 'percent' | 'days' | 'usd' | 'count' | 'score';

/** What a KPI is, beside how it is computed. */
export interface KpiMeta {
  key: KpiKey;
  label: string;
  family: MetricFamily;
  unit: KpiUnit;
  /** Whether a rising value is good news; drives trend wording and chart colouring. */
  higherIsBetter: boolean;
  /**
   * True for our fee to the customer (what they pay us): a contract figure, not one of their KPIs.
   * Decks neither score nor judge it (see `isFeeKpi`).
   */
  fee?: true;
  /** The formula in words with the inputs' names: shown in the README, tooltips and the deck appendix. */
  formula: string;
}

/** A derived KPI: how to compute it for one stream and month from stored inputs. */
export interface KpiDefinition extends KpiMeta {
  compute(reader: StreamReader, month: string): KpiValue;
}

/** A KPI that is one calculation over named operands. */
export interface KpiSpec extends KpiMeta {
  /** The inputs in the order `calculate` receives their values; a missing one makes the value missing. */
  operands(reader: StreamReader, month: string): KpiOperand[];
  /** The value from the operands' values, or null when undefined (a zero denominator). */
  calculate(values: number[]): number | null;
}

/**
 * Defines a KPI whose formula is stated once: the catalog shows `formula`, and every value the
 * engine computes carries the same text with the inputs it read.
 * @example defineKpi({ key: 'vbc_enrollment_rate', ..., formula: 'vbc_enrolled_members ÷ vbc_eligible_members',
 *   operands: (r, m) => [r.metric('vbc_enrolled_members', m), r.metric('vbc_eligible_members', m)],
 *   calculate: ([enrolled, eligible]) => safeDivide(enrolled!, eligible!) })
 */
export function defineKpi(spec: KpiSpec): KpiDefinition {
  const { operands, calculate, ...meta } = spec;
  return { ...meta, compute: (reader, month) => computeKpi(meta.formula, operands(reader, month), calculate) };
}
