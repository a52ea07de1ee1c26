import type { HowPaidKey } from '../../shared/framework/answers';
import type {
  ArchetypeKey,
  BehaviourChangerKey,
  EngagementGateKey,
  HybridStructureKey,
  PaymentEnvironmentKey,
  RevenuePathKey,
  StreamModelKey,
  ValueOrientationKey,
} from '../../shared/framework/keys';
import { PAYMENT_ENVIRONMENT_CATALOG } from '../../shared/framework/payment-environments';
import { STAKEHOLDER_ARCHETYPES, type ArchetypeSide } from '../../shared/framework/stakeholder-archetypes';
import { HYBRID_STRUCTURE_CATALOG } from '../../shared/framework/hybrid-structures';

/*
 * Display names for the framework's answer vocabulary. Names that the catalog already carries
 * (environments, archetypes, hybrid structures) are read from it so the two never disagree.
 */

export const PAYMENT_ENVIRONMENT_LABELS = Object.fromEntries(PAYMENT_ENVIRONMENT_CATALOG.map((env) => [env.key, env.name])) as Record<
  PaymentEnvironmentKey,
  string
>;

export const PAYMENT_ENVIRONMENT_OPTIONS = PAYMENT_ENVIRONMENT_CATALOG.map((env) => ({ value: env.key, label: env.name }));

export const ARCHETYPE_LABELS = Object.fromEntries(STAKEHOLDER_ARCHETYPES.map((person) => [person.key, person.name])) as Record<ArchetypeKey, string>;

export const ARCHETYPE_SIDE_LABELS: Record<ArchetypeSide, string> = {
  buyer: 'Buyer side',
  end_user: 'End users',
  internal: 'Your company',
  third_party: 'Third parties',
};

export const HYBRID_STRUCTURE_LABELS = Object.fromEntries(HYBRID_STRUCTURE_CATALOG.map((structure) => [structure.key, structure.name])) as Record<
  HybridStructureKey,
  string
>;

export const ORIENTATION_LABELS: Record<ValueOrientationKey, string> = {
  generating_revenue: 'Generating revenue',
  reducing_costs: 'Reducing costs',
  both: 'Both',
  unknown: "Don't know yet",
};

export const ORIENTATION_COLORS: Record<ValueOrientationKey, string> = {
  generating_revenue: 'teal',
  reducing_costs: 'blue',
  both: 'grape',
  unknown: 'gray',
};

export const BEHAVIOUR_CHANGER_LABELS: Record<BehaviourChangerKey, string> = {
  patients: 'Patients or members',
  clinicians: 'Clinicians or care managers',
  both: 'Both',
  unknown: "Don't know yet",
};

export const REVENUE_PATH_LABELS: Record<RevenuePathKey | 'unknown', string> = {
  monthly: 'Monthly',
  at_renewal: 'At renewal',
  measurement_period_18_24_months: 'After a measurement period (often 18-24 months)',
  unknown: "Don't know yet",
};

export const ENGAGEMENT_GATE_LABELS: Record<EngagementGateKey, string> = {
  patient_activation_adherence: 'Patient activation and adherence',
  clinician_workflow_adoption: 'Clinician workflow adoption',
  enrollment_volume_significance: 'Enrolment volume for statistical significance',
};

export const STREAM_MODEL_SHORT_LABELS: Record<StreamModelKey, string> = {
  cpt_rpm: 'CPT / RPM',
  pmpm_pepm: 'PMPM / PEPM',
  saas_license: 'SaaS licensing',
  value_based: 'Value-based',
};

export const HOW_PAID_LABELS: Record<HowPaidKey, string> = {
  cpt_billing: 'CPT billing by the provider',
  cpt_revenue_share: 'Share of CPT reimbursement',
  per_patient_fee: 'Per-patient fee',
  per_member_per_month: 'Per member per month',
  per_employee_per_month: 'Per employee per month',
  per_enrolled_member: 'Per enrolled member only',
  engagement_fee: 'Engagement fee',
  annual_minimum: 'Annual minimum',
  case_rate: 'Case rate per activated user',
  platform_subscription: 'Platform subscription',
  per_user_license: 'Per-user license',
  entity_license: 'Entity-wide license',
  module_license: 'Per-module license',
  shared_savings: 'Shared savings',
  performance_tiers: 'Performance tiers',
  pay_for_performance: 'Pay for performance',
  risk_corridor: 'Risk corridor',
  withheld_performance_component: 'Performance component withheld until validated',
  unknown: "Don't know yet",
};

/** How-paid options grouped by the model each one points to, for a grouped Select. */
export const HOW_PAID_GROUPS: { group: string; items: { value: HowPaidKey; label: string }[] }[] = [
  { group: 'CPT / RPM reimbursement', items: (['cpt_billing', 'cpt_revenue_share', 'per_patient_fee'] as const).map(option) },
  {
    group: 'Per member / per employee',
    items: (['per_member_per_month', 'per_employee_per_month', 'per_enrolled_member', 'engagement_fee', 'annual_minimum', 'case_rate'] as const).map(option),
  },
  { group: 'Platform licensing', items: (['platform_subscription', 'per_user_license', 'entity_license', 'module_license'] as const).map(option) },
  {
    group: 'Outcome-contingent',
    items: (['shared_savings', 'performance_tiers', 'pay_for_performance', 'risk_corridor', 'withheld_performance_component'] as const).map(option),
  },
  { group: 'Not sure', items: [option('unknown')] },
];

function option(value: HowPaidKey) {
  return { value, label: HOW_PAID_LABELS[value] };
}

/** "generating_revenue" → "generating revenue", for keys the catalog has no label for. */
export function humanize(key: string): string {
  return key.replace(/_/g, ' ');
}
