import { RPM_CODES, type RpmCode } from './keys';

/*
 * The metric keys the framework's evidence rules refer to. The metrics catalog owns their
 * definitions and formulas; this module only names them so both sides agree on spelling.
 */

/** Which RPM claim count a per-code metric key holds. */
export type RpmClaimStage = 'submitted' | 'paid' | 'denied';

/** Key of a per-CPT-code claim count, e.g. `rpm_claims_paid_99454`. */
export type RpmClaimMetricKey = `rpm_claims_${RpmClaimStage}_${RpmCode}`;

/** Key of a per-CPT-code claim count, e.g. `rpm_claims_paid_99454`. */
export function rpmClaimMetricKey(stage: RpmClaimStage, code: RpmCode): RpmClaimMetricKey {
  return `rpm_claims_${stage}_${code}`;
}

const RPM_CLAIM_STAGES: readonly RpmClaimStage[] = ['submitted', 'paid', 'denied'];

/** Every per-code claim key for one stage, in code order. */
export function rpmClaimMetricKeys(stage: RpmClaimStage): RpmClaimMetricKey[] {
  return RPM_CODES.map((code) => rpmClaimMetricKey(stage, code));
}

export const RPM_METRIC_KEYS = [
  'rpm_eligible_patients',
  'rpm_enrolled_patients',
  'rpm_patients_2_15_days',
  'rpm_patients_16_30_days',
  'rpm_device_days_total',
  ...RPM_CLAIM_STAGES.flatMap((stage) => rpmClaimMetricKeys(stage)),
  'rpm_provider_logins',
  'rpm_retention_30d_pct',
  'rpm_retention_60d_pct',
  'rpm_retention_90d_pct',
  'rpm_readmissions_monitored_pct',
  'rpm_readmissions_unmonitored_pct',
] as const;

export const PMPM_METRIC_KEYS = [
  'pmpm_eligible_members',
  'pmpm_enrolled_members',
  'pmpm_active_members',
  'pmpm_retained_30d_members',
  'pmpm_program_completions',
  'pmpm_nps',
] as const;

export const SAAS_METRIC_KEYS = [
  'saas_licensed_seats',
  'saas_weekly_active_users',
  'saas_modules_in_use',
  'saas_integration_uptime_pct',
] as const;

export const VBC_METRIC_KEYS = [
  'vbc_eligible_members',
  'vbc_enrolled_members',
  'vbc_engaged_members',
  'vbc_members_at_clinical_target',
  'vbc_at_risk_revenue_usd',
  'vbc_earned_revenue_usd',
  'vbc_claims_completeness_pct',
  'vbc_eligibility_accuracy_pct',
  'vbc_avg_risk_score',
] as const;

export const HYBRID_METRIC_KEYS = ['hybrid_activated_users'] as const;

/**
 * Outcome and proof metrics the framework needs beyond the per-model operational keys. Most come
 * from the buyer or an evaluator (claims, EHR, HR systems), which is why they are often the gap.
 * The metrics catalog should define each of these.
 */
export const OUTCOME_METRIC_KEYS = [
  'outcome_matched_cohort_savings_usd',
  'outcome_er_visits_avoided',
  'outcome_readmission_cost_avoided_usd',
  'outcome_star_rating_measures',
  'outcome_hedis_measure_lift_pct',
  'outcome_biometric_improvement_pct',
  'outcome_cost_trend_vs_benchmark_pct',
  'outcome_care_gaps_closed',
  'outcome_enabled_billing_revenue_usd',
  'outcome_time_saved_minutes_per_encounter',
  'outcome_security_incidents',
  'outcome_medication_adherence_pct',
  'outcome_prescribers_engaged',
  'outcome_patients_on_platform',
  'outcome_rwe_patients',
] as const;

/** Every metric key the app stores; the metrics catalog defines each one. */
export const METRIC_KEYS = [...RPM_METRIC_KEYS, ...PMPM_METRIC_KEYS, ...SAAS_METRIC_KEYS, ...VBC_METRIC_KEYS, ...HYBRID_METRIC_KEYS, ...OUTCOME_METRIC_KEYS] as const;

/** Key of a stored monthly metric, e.g. `rpm_device_days_total`. */
export type MetricKey = (typeof METRIC_KEYS)[number];

const METRIC_KEY_SET: ReadonlySet<string> = new Set(METRIC_KEYS);

/** Whether a string (from a file, a form or an old export) is a metric key this app knows. */
export function isMetricKey(value: string): value is MetricKey {
  return METRIC_KEY_SET.has(value);
}
