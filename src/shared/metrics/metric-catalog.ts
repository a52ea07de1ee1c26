import { RPM_CODES, type RpmCode } from '../framework/keys';
import { rpmClaimMetricKey, type RpmClaimStage } from '../framework/metric-keys';
import type { MetricDefinition } from './metric-definition';

/*
 * The raw monthly inputs the app stores, one definition per key in framework/metric-keys.ts.
 * Counts are point-in-time at month end unless the definition says "during the month".
 * Percents are 0-100 (not fractions) because that is how buyers' reports state them.
 */

const PLATFORM = 'Our platform (monitoring / engagement data)';
const BILLING = "The buyer's billing or revenue-cycle system (or our billing service)";
const BUYER_CLAIMS = "The buyer's claims data or an independent evaluator";

const CLAIM_STAGE_WORDS: Record<RpmClaimStage, { label: string; text: string }> = {
  submitted: { label: 'submitted', text: 'submitted to payers' },
  paid: { label: 'paid', text: 'paid by payers (adjudicated as paid)' },
  denied: { label: 'denied', text: 'denied by payers' },
};

function rpmClaimDefinition(stage: RpmClaimStage, code: RpmCode): MetricDefinition {
  const words = CLAIM_STAGE_WORDS[stage];
  return {
    key: rpmClaimMetricKey(stage, code),
    label: `Claims ${words.label} – CPT ${code}`,
    unit: 'count',
    models: ['cpt_rpm', 'hybrid'],
    aggregation: 'sum',
    definition: `Number of CPT ${code} claim lines ${words.text} for service dates in the month, counted per billed unit.`,
    source: BILLING,
  };
}

const RPM_DEFINITIONS: MetricDefinition[] = [
  {
    key: 'rpm_eligible_patients',
    label: 'Eligible patients',
    unit: 'count',
    models: ['cpt_rpm', 'hybrid'],
    aggregation: 'last',
    definition: 'Patients the provider has identified as clinically appropriate for remote monitoring (e.g. chronic condition on the panel) at month end.',
    source: "The provider's EHR or panel list",
  },
  {
    key: 'rpm_enrolled_patients',
    label: 'Enrolled patients',
    unit: 'count',
    models: ['cpt_rpm', 'hybrid'],
    aggregation: 'last',
    definition: 'Patients consented and set up with a monitoring device, active in the program at month end.',
    source: PLATFORM,
  },
  {
    key: 'rpm_patients_2_15_days',
    label: 'Patients with 2-15 device days',
    unit: 'count',
    models: ['cpt_rpm', 'hybrid'],
    aggregation: 'last',
    definition: 'Enrolled patients whose device transmitted data on 2 to 15 days in their 30-day period ending in the month (the 99445 short tier).',
    source: PLATFORM,
  },
  {
    key: 'rpm_patients_16_30_days',
    label: 'Patients with 16-30 device days',
    unit: 'count',
    models: ['cpt_rpm', 'hybrid'],
    aggregation: 'last',
    definition: 'Enrolled patients whose device transmitted data on 16 to 30 days in their 30-day period ending in the month (the 99454 tier).',
    source: PLATFORM,
  },
  {
    key: 'rpm_device_days_total',
    label: 'Total device days',
    unit: 'days',
    models: ['cpt_rpm', 'hybrid'],
    aggregation: 'sum',
    definition: 'Sum over all enrolled patients of the days on which their device transmitted at least one reading during the month.',
    source: PLATFORM,
  },
  ...(['submitted', 'paid', 'denied'] as const).flatMap((stage) => RPM_CODES.map((code) => rpmClaimDefinition(stage, code))),
  {
    key: 'rpm_provider_logins',
    label: 'Provider logins',
    unit: 'count',
    models: ['cpt_rpm', 'hybrid'],
    aggregation: 'sum',
    definition: 'Clinician and care-team sign-ins to the monitoring dashboard during the month; a proxy for clinical workflow adoption.',
    source: PLATFORM,
  },
  {
    key: 'rpm_retention_30d_pct',
    label: '30-day patient retention',
    unit: 'percent',
    models: ['cpt_rpm', 'hybrid'],
    aggregation: 'average',
    definition: 'Share of patients enrolled 30 days earlier who are still transmitting data, in percent.',
    source: PLATFORM,
  },
  {
    key: 'rpm_retention_60d_pct',
    label: '60-day patient retention',
    unit: 'percent',
    models: ['cpt_rpm', 'hybrid'],
    aggregation: 'average',
    definition: 'Share of patients enrolled 60 days earlier who are still transmitting data, in percent.',
    source: PLATFORM,
  },
  {
    key: 'rpm_retention_90d_pct',
    label: '90-day patient retention',
    unit: 'percent',
    models: ['cpt_rpm', 'hybrid'],
    aggregation: 'average',
    definition: 'Share of patients enrolled 90 days earlier who are still transmitting data, in percent.',
    source: PLATFORM,
  },
  {
    key: 'rpm_readmissions_monitored_pct',
    label: 'Readmission rate – monitored',
    unit: 'percent',
    models: ['cpt_rpm', 'hybrid'],
    aggregation: 'average',
    definition: '30-day all-cause readmission rate among discharged patients who were on remote monitoring, in percent.',
    source: "The provider's EHR or quality reporting",
  },
  {
    key: 'rpm_readmissions_unmonitored_pct',
    label: 'Readmission rate – unmonitored',
    unit: 'percent',
    models: ['cpt_rpm', 'hybrid'],
    aggregation: 'average',
    definition: '30-day all-cause readmission rate among comparable discharged patients not on monitoring, in percent; the comparison baseline.',
    source: "The provider's EHR or quality reporting",
  },
];

const PMPM_DEFINITIONS: MetricDefinition[] = [
  {
    key: 'pmpm_eligible_members',
    label: 'Eligible members / employees',
    unit: 'count',
    models: ['pmpm_pepm', 'hybrid'],
    aggregation: 'last',
    definition: 'Members or employees on the eligibility file the contract bills against at month end (the PMPM/PEPM denominator).',
    source: "The buyer's eligibility file",
  },
  {
    key: 'pmpm_enrolled_members',
    label: 'Enrolled members',
    unit: 'count',
    models: ['pmpm_pepm', 'hybrid'],
    aggregation: 'last',
    definition: 'Eligible members who have signed up for the program, cumulative and still eligible at month end.',
    source: PLATFORM,
  },
  {
    key: 'pmpm_active_members',
    label: 'Active members',
    unit: 'count',
    models: ['pmpm_pepm', 'hybrid'],
    aggregation: 'last',
    definition: 'Enrolled members with at least one meaningful program interaction (session, reading, coaching contact) during the month.',
    source: PLATFORM,
  },
  {
    key: 'pmpm_retained_30d_members',
    label: '30-day retained members',
    unit: 'count',
    models: ['pmpm_pepm', 'hybrid'],
    aggregation: 'last',
    definition: 'Members active in the month who were also active in the previous month (30 days earlier); divided by the previous month’s active members it gives 30-day retention.',
    source: PLATFORM,
  },
  {
    key: 'pmpm_program_completions',
    label: 'Program completions',
    unit: 'count',
    models: ['pmpm_pepm', 'hybrid'],
    aggregation: 'sum',
    definition: 'Members who finished the defined program curriculum or episode during the month.',
    source: PLATFORM,
  },
  {
    key: 'pmpm_nps',
    label: 'Member NPS',
    unit: 'score',
    models: ['pmpm_pepm', 'hybrid'],
    aggregation: 'average',
    definition: 'Net Promoter Score from member surveys closed in the month: % promoters minus % detractors, from −100 to 100.',
    source: PLATFORM,
    min: -100,
    max: 100,
  },
];

const SAAS_DEFINITIONS: MetricDefinition[] = [
  {
    key: 'saas_licensed_seats',
    label: 'Licensed seats',
    unit: 'count',
    models: ['saas_license', 'hybrid'],
    aggregation: 'last',
    definition: 'User seats the customer is contracted and paying for at month end.',
    source: 'The contract / order form',
  },
  {
    key: 'saas_weekly_active_users',
    label: 'Weekly active users',
    unit: 'count',
    models: ['saas_license', 'hybrid'],
    aggregation: 'average',
    definition: 'Distinct licensed users who performed a core action in a week, averaged over the weeks of the month.',
    source: PLATFORM,
  },
  {
    key: 'saas_modules_in_use',
    label: 'Modules in use',
    unit: 'count',
    models: ['saas_license', 'hybrid'],
    aggregation: 'last',
    definition: 'Licensed product modules with active use (at least one weekly active user) at month end.',
    source: PLATFORM,
  },
  {
    key: 'saas_integration_uptime_pct',
    label: 'Integration uptime',
    unit: 'percent',
    models: ['saas_license', 'hybrid'],
    aggregation: 'average',
    definition: 'Share of the month the EHR / data integrations were available and passing messages, in percent.',
    source: 'Our integration monitoring',
  },
];

const VBC_DEFINITIONS: MetricDefinition[] = [
  {
    key: 'vbc_eligible_members',
    label: 'Eligible members',
    unit: 'count',
    models: ['value_based', 'hybrid'],
    aggregation: 'last',
    definition: 'Members attributed to the value-based contract population at month end.',
    source: "The buyer's attribution / eligibility file",
  },
  {
    key: 'vbc_enrolled_members',
    label: 'Enrolled members',
    unit: 'count',
    models: ['value_based', 'hybrid'],
    aggregation: 'last',
    definition: 'Attributed members who have enrolled in the program at month end.',
    source: PLATFORM,
  },
  {
    key: 'vbc_engaged_members',
    label: 'Engaged members',
    unit: 'count',
    models: ['value_based', 'hybrid'],
    aggregation: 'last',
    definition: 'Enrolled members meeting the contract’s engagement definition in the month; the sample an outcome evaluation can count.',
    source: PLATFORM,
  },
  {
    key: 'vbc_members_at_clinical_target',
    label: 'Members at clinical target',
    unit: 'count',
    models: ['value_based', 'hybrid'],
    aggregation: 'last',
    definition: 'Engaged members whose latest measure meets the contracted clinical goal (e.g. HbA1c < 8%, BP < 140/90) at month end.',
    source: `${PLATFORM} or ${BUYER_CLAIMS}`,
  },
  {
    key: 'vbc_at_risk_revenue_usd',
    label: 'At-risk revenue',
    unit: 'usd',
    models: ['value_based', 'hybrid'],
    aggregation: 'last',
    definition: 'Fees at risk (withheld or contingent on performance) for the current measurement period, as known at month end, in US dollars.',
    source: 'The contract and our finance team',
  },
  {
    key: 'vbc_earned_revenue_usd',
    label: 'Earned performance revenue',
    unit: 'usd',
    models: ['value_based', 'hybrid'],
    aggregation: 'last',
    definition: 'Part of the at-risk fees earned (or reconciled as earned) so far in the current measurement period, cumulative at month end, in US dollars.',
    source: 'Reconciliation with the buyer',
  },
  {
    key: 'vbc_claims_completeness_pct',
    label: 'Claims-data completeness',
    unit: 'percent',
    models: ['value_based', 'hybrid'],
    aggregation: 'average',
    definition: 'Share of expected claims records for the month actually received in the data feed, in percent; gaps make outcomes unprovable.',
    source: "The buyer's claims feed",
  },
  {
    key: 'vbc_eligibility_accuracy_pct',
    label: 'Eligibility-file accuracy',
    unit: 'percent',
    models: ['value_based', 'hybrid'],
    aggregation: 'average',
    definition: 'Share of eligibility-file records that match and validate (IDs, dates, attribution) in the month, in percent.',
    source: "The buyer's eligibility file",
  },
  {
    key: 'vbc_avg_risk_score',
    label: 'Average risk score',
    unit: 'score',
    models: ['value_based', 'hybrid'],
    aggregation: 'average',
    definition: 'Mean risk-adjustment score (e.g. HCC) of the engaged population in the month; 1.0 is an average-risk member.',
    source: BUYER_CLAIMS,
    min: 0,
  },
];

const HYBRID_DEFINITIONS: MetricDefinition[] = [
  {
    key: 'hybrid_activated_users',
    label: 'Activated users',
    unit: 'count',
    models: ['hybrid'],
    aggregation: 'last',
    definition: 'Users or members activated under the hybrid contract at month end, compared with the contract’s switchover threshold.',
    source: PLATFORM,
  },
];

const OUTCOME_DEFINITIONS: MetricDefinition[] = [
  {
    key: 'outcome_matched_cohort_savings_usd',
    label: 'Matched-cohort savings',
    unit: 'usd',
    models: 'any',
    aggregation: 'sum',
    definition: 'Medical cost savings attributed to the program by a matched-cohort claims analysis, for the period reported, in US dollars (negative when costs rose).',
    source: BUYER_CLAIMS,
    signed: true,
  },
  {
    key: 'outcome_er_visits_avoided',
    label: 'ER visits avoided',
    unit: 'count',
    models: 'any',
    aggregation: 'sum',
    definition: 'Emergency-room visits avoided versus the comparison group during the month, as estimated by the evaluation method.',
    source: BUYER_CLAIMS,
  },
  {
    key: 'outcome_readmission_cost_avoided_usd',
    label: 'Readmission cost avoided',
    unit: 'usd',
    models: 'any',
    aggregation: 'sum',
    definition: 'Cost of readmissions avoided (avoided readmissions × average readmission cost) during the month, in US dollars.',
    source: "The provider's finance or quality team",
  },
  {
    key: 'outcome_star_rating_measures',
    label: 'Star-rating measures improved',
    unit: 'count',
    models: 'any',
    aggregation: 'last',
    definition: 'Medicare Advantage Star-rating measures the program is moving in the right direction, as of month end.',
    source: "The health plan's quality team",
  },
  {
    key: 'outcome_hedis_measure_lift_pct',
    label: 'HEDIS measure lift',
    unit: 'percent',
    models: 'any',
    aggregation: 'last',
    definition: 'Percentage-point improvement in the targeted HEDIS measure rate versus baseline, as of month end.',
    source: "The health plan's quality team",
    min: -100,
    max: 100,
  },
  {
    key: 'outcome_biometric_improvement_pct',
    label: 'Members with biometric improvement',
    unit: 'percent',
    models: 'any',
    aggregation: 'last',
    definition: 'Share of engaged members with a clinically meaningful improvement in the tracked biometric (e.g. HbA1c, BP) versus baseline, in percent.',
    source: PLATFORM,
  },
  {
    key: 'outcome_cost_trend_vs_benchmark_pct',
    label: 'Cost trend vs benchmark',
    unit: 'percent',
    models: 'any',
    aggregation: 'last',
    definition: 'Per-member cost trend of the program population minus the benchmark trend, in percentage points (negative is better).',
    source: BUYER_CLAIMS,
    min: -100,
    max: 100,
  },
  {
    key: 'outcome_care_gaps_closed',
    label: 'Care gaps closed',
    unit: 'count',
    models: 'any',
    aggregation: 'sum',
    definition: 'Open care gaps (missed screenings, overdue tests) closed during the month.',
    source: `${PLATFORM} or the buyer's quality team`,
  },
  {
    key: 'outcome_enabled_billing_revenue_usd',
    label: 'Billing revenue enabled',
    unit: 'usd',
    models: 'any',
    aggregation: 'sum',
    definition: 'New reimbursable revenue the buyer collected because of the program (e.g. RPM/CCM codes) during the month, in US dollars.',
    source: BILLING,
  },
  {
    key: 'outcome_time_saved_minutes_per_encounter',
    label: 'Clinician time saved per encounter',
    unit: 'minutes',
    models: 'any',
    aggregation: 'average',
    definition: 'Average clinician minutes saved per encounter by the workflow, measured in time studies or log data for the month.',
    source: `${PLATFORM} or a time study`,
  },
  {
    key: 'outcome_security_incidents',
    label: 'Security incidents',
    unit: 'count',
    models: 'any',
    aggregation: 'sum',
    definition: 'Reportable privacy or security incidents involving the program during the month (zero is the goal).',
    source: 'Our security team',
  },
  {
    key: 'outcome_medication_adherence_pct',
    label: 'Medication adherence',
    unit: 'percent',
    models: 'any',
    aggregation: 'average',
    definition: 'Share of engaged patients meeting the adherence threshold (e.g. PDC ≥ 80%) during the month, in percent.',
    source: 'Pharmacy claims or our platform',
  },
  {
    key: 'outcome_prescribers_engaged',
    label: 'Prescribers engaged',
    unit: 'count',
    models: 'any',
    aggregation: 'last',
    definition: 'Distinct prescribers who referred or actively managed patients on the program as of month end.',
    source: PLATFORM,
  },
];

/** Every raw monthly input the app understands, one per framework metric key. */
export const METRIC_CATALOG: readonly MetricDefinition[] = [
  ...RPM_DEFINITIONS,
  ...PMPM_DEFINITIONS,
  ...SAAS_DEFINITIONS,
  ...VBC_DEFINITIONS,
  ...HYBRID_DEFINITIONS,
  ...OUTCOME_DEFINITIONS,
];

const BY_KEY: ReadonlyMap<string, MetricDefinition> = new Map(METRIC_CATALOG.map((definition) => [definition.key, definition]));

/** The catalog definition for a metric key, or undefined when the key is unknown. */
export function findMetricDefinition(key: string): MetricDefinition | undefined {
  return BY_KEY.get(key);
}
