import {
  PAYMENT_ENVIRONMENTS,
  REVENUE_MODELS,
  type ArchetypeKey,
  type PaymentEnvironmentKey,
  type RevenueModelKey,
  type ValueOrientationKey,
} from './keys';
import { paymentEnvironment, type RiskPosture } from './payment-environments';
import type { NumericRange } from './range';
import { revenueModel } from './revenue-models';
import { STAKEHOLDER_ARCHETYPES, modelStakeholders } from './stakeholder-archetypes';

/*
 * How a buyer's payment environment shifts a model's value story. Pairs the framework discusses
 * carry `source: 'framework'`; every other pair is filled by a rule and marked `default` so the UI
 * can say it is our assumption, not the framework's.
 */

export type DefiniteOrientation = Exclude<ValueOrientationKey, 'unknown'>;

export interface EnvironmentShift {
  model: RevenueModelKey;
  environment: PaymentEnvironmentKey;
  source: 'framework' | 'default';
  orientation: DefiniteOrientation;
  reason: string;
  leadMetrics: string[];
  leadMetricKeys: string[];
  /** How far back a QBR should look to show the value that matters here, in months. */
  lookbackMonths: NumericRange;
  lookbackFromFramework: boolean;
  talkingPoints: string[];
  /** Whose value must be visible in the room for this pairing. */
  stakeholders: ArchetypeKey[];
}

const SAAS_RISK_BEARING_SHIFT = {
  orientation: 'reducing_costs',
  reason:
    'A health system carrying capitation or shared-savings risk needs the platform to lower downstream cost of care, not only to make staff more efficient.',
  leadMetrics: [
    'Total cost of care for managed patients',
    'Quality-measure performance',
    'Care gaps closed',
    'Patients managed per care manager with vs without the platform',
  ],
  leadMetricKeys: ['outcome_matched_cohort_savings_usd', 'outcome_hedis_measure_lift_pct', 'outcome_care_gaps_closed', 'outcome_patients_on_platform', 'saas_weekly_active_users'],
  lookbackMonths: { min: 12, max: 12 },
  lookbackFromFramework: false,
  talkingPoints: [
    'Renewal is won by risk stratification, care-gap closure tracking and population analytics, not by usage charts.',
    'Care-manager capacity is a cost-structure metric here: show patients per care manager with and without the platform.',
    'Translate activity into the budget holder\'s terms, e.g. care gaps closed per week by platform users vs non-users.',
  ],
  stakeholders: ['platform_executive_sponsor', 'clinical_end_user', 'it_integration_lead'],
} satisfies Omit<EnvironmentShift, 'model' | 'environment' | 'source'>;

/** The pairings the framework document itself discusses. */
export const FRAMEWORK_ENVIRONMENT_SHIFTS: readonly EnvironmentShift[] = [
  {
    model: 'cpt_rpm',
    environment: 'medicare_ffs',
    source: 'framework',
    orientation: 'generating_revenue',
    reason: 'Fee-for-service providers earn reimbursement they would not otherwise have; the 2026 lower thresholds strengthen that case during ramp-up.',
    leadMetrics: [
      'Average device days per patient',
      'Clinical outcomes and engagement depth',
      'Revenue per enrolled patient',
      'Device-supply and management billing tracked separately',
    ],
    leadMetricKeys: ['rpm_device_days_total', 'rpm_enrolled_patients', 'rpm_claims_paid_99454', 'rpm_claims_paid_99445', 'rpm_claims_paid_99457', 'rpm_claims_paid_99470'],
    lookbackMonths: { min: 3, max: 3 },
    lookbackFromFramework: false,
    talkingPoints: [
      'Fewer patients now produce no revenue at all, which helps the return while engagement is still building.',
      'Do not present billing volume as the proof of success; keep outcomes and engagement depth at the centre and billing as evidence the program pays for itself.',
      'Report device-supply billing and clinical-management billing as separate lines so missed management codes are visible.',
    ],
    stakeholders: ['clinic_administrator', 'provider_clinician', 'billing_rcm_staff'],
  },
  {
    model: 'cpt_rpm',
    environment: 'medicare_advantage',
    source: 'framework',
    orientation: 'reducing_costs',
    reason:
      'Under capitation the plan already holds the total cost of care, so RPM is a cost-avoidance tool; Star Ratings bonuses add a revenue angle through quality.',
    leadMetrics: [
      'ER visits avoided',
      '30-day readmissions, monitored vs unmonitored patients',
      'Quality measures feeding Star Ratings',
    ],
    leadMetricKeys: [
      'outcome_er_visits_avoided',
      'rpm_readmissions_monitored_pct',
      'rpm_readmissions_unmonitored_pct',
      'outcome_readmission_cost_avoided_usd',
      'outcome_star_rating_measures',
    ],
    lookbackMonths: { min: 12, max: 12 },
    lookbackFromFramework: false,
    talkingPoints: [
      'Lead with events prevented, not CPT revenue generated.',
      'A single avoided readmission can be worth $15,000 or more and avoids Hospital Readmissions Reduction Program penalties (heart failure, pneumonia, COPD, hip/knee replacement).',
      '7-10 days of post-discharge monitoring now bills like a month of chronic monitoring, so transitional episodes are financially viable.',
      'Widen the enrolment conversation to acute and transitional episodes (medication titration, flare-ups, post-surgical recovery) to strengthen the cost-avoidance case.',
      'Star Ratings drive CMS bonus payments, so quality gains are the revenue side of the story.',
    ],
    stakeholders: ['clinic_administrator', 'provider_clinician', 'health_plan_clinical_lead', 'buyer_cfo'],
  },
  {
    model: 'cpt_rpm',
    environment: 'aco_shared_savings',
    source: 'framework',
    orientation: 'reducing_costs',
    reason: 'In an ACO the measure of success is lower total cost of care for attributed patients.',
    leadMetrics: [
      'Attributed patients\' total cost of care',
      'Readmissions in the 7-14 day post-discharge window',
      'Enrolment of high-risk attributed patients',
    ],
    leadMetricKeys: ['outcome_matched_cohort_savings_usd', 'rpm_readmissions_monitored_pct', 'rpm_readmissions_unmonitored_pct', 'rpm_enrolled_patients'],
    lookbackMonths: { min: 12, max: 18 },
    lookbackFromFramework: true,
    talkingPoints: [
      'Short, targeted monitoring around high-risk episodes (discharge, medication changes) is a new lever on total cost of care.',
      'Offer short episodic monitoring as an add-on to the chronic program; the old thresholds made that uneconomic.',
      'Understand the attribution rules and steer enrolment toward the highest-risk attributed patients.',
      'Savings need a 12-18 month lookback; set that expectation early.',
    ],
    stakeholders: ['clinic_administrator', 'provider_clinician', 'buyer_cfo'],
  },
  {
    model: 'cpt_rpm',
    environment: 'cms_access',
    source: 'framework',
    orientation: 'both',
    reason:
      'Under CMS ACCESS the provider is paid for chronic-care outcomes, not per billed service: the program still earns the provider money, but only as far as it moves the measured outcomes.',
    leadMetrics: ['Patients with a clinically meaningful improvement (e.g. blood pressure controlled)', 'Average device days per patient', 'Enrolment of eligible chronic patients'],
    leadMetricKeys: ['outcome_biometric_improvement_pct', 'rpm_device_days_total', 'rpm_enrolled_patients', 'rpm_eligible_patients'],
    lookbackMonths: { min: 6, max: 12 },
    lookbackFromFramework: false,
    talkingPoints: [
      'The same patients and the same workflows as fee-for-service RPM; the value story, the measurement burden and the financial risk change.',
      'Report clinical control and engagement depth first: payment follows outcomes, not device days billed.',
      'ACCESS is new (July 2026): confirm the measures and payment terms with the buyer before projecting revenue.',
    ],
    stakeholders: ['clinic_administrator', 'provider_clinician', 'billing_rcm_staff'],
  },
  {
    model: 'pmpm_pepm',
    environment: 'medicare_advantage',
    source: 'framework',
    orientation: 'reducing_costs',
    reason: 'Capitated MA plans must justify each program dollar through cost savings or quality measures that lift Star Ratings.',
    leadMetrics: ['Total cost of care for engaged members', 'HEDIS measure performance', 'Star Ratings contribution'],
    leadMetricKeys: ['outcome_matched_cohort_savings_usd', 'outcome_hedis_measure_lift_pct', 'outcome_star_rating_measures', 'pmpm_active_members'],
    lookbackMonths: { min: 12, max: 18 },
    lookbackFromFramework: false,
    talkingPoints: [
      'Expect heavier ROI scrutiny than in other environments.',
      'Secure claims data access early; it usually lags 6-12 months.',
      'Build the savings analysis with the plan\'s actuaries or an external evaluator.',
    ],
    stakeholders: ['health_plan_executive_sponsor', 'health_plan_operational_lead', 'health_plan_cfo_actuary'],
  },
  {
    model: 'pmpm_pepm',
    environment: 'medicaid_managed_care',
    source: 'framework',
    orientation: 'reducing_costs',
    reason: 'The plan buys population health, but state-mandated quality and equity measures set its priorities and savings are harder to show on low baseline costs.',
    leadMetrics: [
      'Engagement rate against a population-calibrated benchmark',
      'State-mandated quality measures',
      'Health-equity measures',
    ],
    leadMetricKeys: ['pmpm_active_members', 'pmpm_eligible_members', 'pmpm_retained_30d_members', 'outcome_hedis_measure_lift_pct'],
    lookbackMonths: { min: 6, max: 12 },
    lookbackFromFramework: false,
    talkingPoints: [
      'Calibrate engagement benchmarks to this population and product; a generic benchmark will make solid work look like failure.',
      'Educate the buyer on access barriers: digital literacy, device access, language and social determinants.',
      'Lead outreach with SMS, support several languages and partner with community-based organisations.',
    ],
    stakeholders: ['health_plan_executive_sponsor', 'health_plan_operational_lead'],
  },
  {
    model: 'pmpm_pepm',
    environment: 'self_insured_employer',
    source: 'framework',
    orientation: 'reducing_costs',
    reason: 'The employer pays claims itself, so the program has to bend its healthcare cost trend; the decision ends with the CFO.',
    leadMetrics: ['Healthcare cost trend vs benchmark', 'ROI', 'Visible employee engagement', 'HR administrative burden'],
    leadMetricKeys: ['outcome_cost_trend_vs_benchmark_pct', 'pmpm_enrolled_members', 'pmpm_eligible_members', 'pmpm_nps'],
    lookbackMonths: { min: 12, max: 12 },
    lookbackFromFramework: false,
    talkingPoints: [
      'Speak finance: ROI, cost trend, productivity and competitive benefits positioning.',
      'Engagement must be visible enough that leadership feels the benefit is worth it.',
      'Show how little HR time the program takes; the team is lean.',
    ],
    stakeholders: ['employer_hr_benefits_leader', 'buyer_cfo'],
  },
  { model: 'saas_license', environment: 'medicare_advantage', source: 'framework', ...SAAS_RISK_BEARING_SHIFT },
  { model: 'saas_license', environment: 'aco_shared_savings', source: 'framework', ...SAAS_RISK_BEARING_SHIFT },
  {
    model: 'saas_license',
    environment: 'provider_ffs',
    source: 'framework',
    orientation: 'both',
    reason: 'A fee-for-service provider values clinician efficiency (cost) and, where the platform enables CCM or TCM billing, new revenue.',
    leadMetrics: ['Clinician time saved', 'Billable care-management services enabled', 'Weekly active users vs licensed seats', 'EHR integration depth'],
    leadMetricKeys: ['outcome_time_saved_minutes_per_encounter', 'outcome_enabled_billing_revenue_usd', 'saas_weekly_active_users', 'saas_licensed_seats', 'saas_integration_uptime_pct', 'outcome_care_gaps_closed', 'outcome_patients_on_platform'],
    lookbackMonths: { min: 3, max: 12 },
    lookbackFromFramework: false,
    talkingPoints: [
      'Ask two questions: does it make clinicians faster, and does it support billable work?',
      'If it enables CCM/TCM billing, put the generated revenue into the ROI, not just the savings.',
      'Integration depth decides adoption: documentation-heavy clinicians will not toggle between systems.',
    ],
    stakeholders: ['platform_executive_sponsor', 'clinical_end_user', 'it_integration_lead', 'compliance_privacy_officer'],
  },
  {
    model: 'saas_license',
    environment: 'pharma',
    source: 'framework',
    orientation: 'generating_revenue',
    reason: 'For a drug maker the platform is a companion to therapy; its value arrives indirectly through adherence, evidence and prescriber engagement that support product revenue.',
    leadMetrics: ['Medication adherence improvement', 'Real-world evidence generated', 'Prescriber engagement'],
    leadMetricKeys: ['outcome_medication_adherence_pct', 'outcome_rwe_patients', 'outcome_prescribers_engaged', 'outcome_patients_on_platform'],
    lookbackMonths: { min: 6, max: 12 },
    lookbackFromFramework: false,
    talkingPoints: [
      'The people in the room change entirely: medical affairs, brand, market access and R&D take the place of health-system roles.',
      'Measure value through adherence, real-world evidence and prescriber engagement, not efficiency or cost.',
      'The engagement gate still governs: no patient use, no adherence data.',
    ],
    stakeholders: ['pharma_medical_affairs', 'pharma_brand_commercial', 'pharma_market_access', 'pharma_rd'],
  },
  {
    model: 'value_based',
    environment: 'medicare_advantage',
    source: 'framework',
    orientation: 'reducing_costs',
    reason: 'MA plans expect cost reduction and quality gains together because Star Ratings decide CMS bonus payments.',
    leadMetrics: ['Total cost of care reduction', 'Star Ratings quality measures', 'Clinical goal achievement sustained over time'],
    leadMetricKeys: ['outcome_matched_cohort_savings_usd', 'outcome_star_rating_measures', 'vbc_members_at_clinical_target', 'vbc_claims_completeness_pct'],
    lookbackMonths: { min: 18, max: 24 },
    lookbackFromFramework: true,
    talkingPoints: [
      'Savings alone will not satisfy an MA plan; pair them with quality.',
      'Bring outcome metrics that map onto Star Ratings measures before the plan asks for them.',
      'Build for sustained outcomes over an 18-24 month measurement period rather than quick wins.',
      'Expect a higher appetite for risk sharing; the plan already runs full risk.',
    ],
    stakeholders: ['health_plan_cfo_actuary', 'health_plan_clinical_lead', 'independent_evaluator'],
  },
  {
    model: 'value_based',
    environment: 'medicaid_managed_care',
    source: 'framework',
    orientation: 'reducing_costs',
    reason: 'State-mandated quality measures are fixed and savings are hard to prove on low baseline costs, so outcomes deals work best on quality and engagement.',
    leadMetrics: ['State-mandated quality measures', 'Engagement against a population-adjusted expectation', 'Social-determinant measures'],
    leadMetricKeys: ['vbc_engaged_members', 'vbc_enrolled_members', 'vbc_members_at_clinical_target', 'outcome_hedis_measure_lift_pct'],
    lookbackMonths: { min: 12, max: 24 },
    lookbackFromFramework: false,
    talkingPoints: [
      'Tie outcome terms to the state\'s own quality measures.',
      'Prefer quality and engagement targets to cost-savings targets.',
      'Adjust engagement expectations for the population before the contract is signed.',
    ],
    stakeholders: ['health_plan_clinical_lead', 'health_plan_cfo_actuary', 'independent_evaluator'],
  },
];

/** Orientation rule for pairs the framework does not discuss: model default, bent by the buyer's risk posture. */
function defaultOrientation(model: RevenueModelKey, posture: RiskPosture): DefiniteOrientation {
  if (model === 'hybrid') return 'both';
  if (posture === 'product_revenue') return 'generating_revenue';
  if (model === 'cpt_rpm') return posture === 'fee_for_service' || posture === 'insured_risk' ? 'generating_revenue' : posture === 'outcome_aligned' ? 'both' : 'reducing_costs';
  if (model === 'saas_license' && (posture === 'fee_for_service' || posture === 'outcome_aligned')) return 'both';
  return 'reducing_costs';
}

const DEFAULT_LOOKBACK_MONTHS: Record<RevenueModelKey, NumericRange> = {
  cpt_rpm: { min: 3, max: 3 },
  pmpm_pepm: { min: 12, max: 12 },
  saas_license: { min: 12, max: 12 },
  value_based: { min: 18, max: 24 },
  hybrid: { min: 12, max: 12 },
};

const PHARMA_STAKEHOLDERS: ArchetypeKey[] = ['pharma_medical_affairs', 'pharma_brand_commercial', 'pharma_market_access', 'pharma_rd'];

function defaultShift(model: RevenueModelKey, environment: PaymentEnvironmentKey): EnvironmentShift {
  const env = paymentEnvironment(environment);
  const catalogModel = revenueModel(model);
  const orientation = defaultOrientation(model, env.riskPosture);
  const buyerSide = new Set<ArchetypeKey>(
    STAKEHOLDER_ARCHETYPES.filter((candidate) => candidate.side === 'buyer' || candidate.side === 'third_party').map((candidate) => candidate.key),
  );
  const stakeholders =
    environment === 'pharma'
      ? PHARMA_STAKEHOLDERS
      : model === 'hybrid'
        ? []
        : modelStakeholders(model).filter((key) => buyerSide.has(key));
  return {
    model,
    environment,
    source: 'default',
    orientation,
    reason: `Default, not a framework statement: ${catalogModel.name} sold into ${env.name.toLowerCase()} (${env.riskPosture.replace(/_/g, ' ')}) is assumed to be ${orientation.replace(/_/g, ' ')}. Confirm with the buyer.`,
    leadMetrics: catalogModel.leadKpis,
    leadMetricKeys: catalogModel.leadMetricKeys,
    lookbackMonths: DEFAULT_LOOKBACK_MONTHS[model],
    lookbackFromFramework: false,
    talkingPoints: env.csConsiderations,
    stakeholders,
  };
}

/** Every model × environment pair: the framework's where it speaks, our marked defaults elsewhere. */
export const ENVIRONMENT_SHIFTS: readonly EnvironmentShift[] = REVENUE_MODELS.flatMap((model) =>
  PAYMENT_ENVIRONMENTS.map(
    (environment) =>
      FRAMEWORK_ENVIRONMENT_SHIFTS.find((shift) => shift.model === model && shift.environment === environment) ?? defaultShift(model, environment),
  ),
);

/** How the buyer's payment environment shifts a model's value story. */
export function environmentShift(model: RevenueModelKey, environment: PaymentEnvironmentKey): EnvironmentShift {
  const found = ENVIRONMENT_SHIFTS.find((shift) => shift.model === model && shift.environment === environment);
  if (!found) throw new Error(`No environment shift for ${model} × ${environment}`);
  return found;
}
