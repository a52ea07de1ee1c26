/**
 * The framework's vocabulary: the stable keys every layer (database, API, CLI, deck plan) uses
 * to name revenue models, payment environments, customer segments and value orientations.
 * The descriptive catalog around these keys lives in the sibling modules.
 */

export const REVENUE_MODELS = ['cpt_rpm', 'pmpm_pepm', 'saas_license', 'value_based', 'hybrid'] as const;
/** How the digital-health company gets paid for a stream. */
export type RevenueModelKey = (typeof REVENUE_MODELS)[number];

export const PAYMENT_ENVIRONMENTS = [
  'medicare_ffs',
  'medicare_advantage',
  'medicaid_managed_care',
  'aco_shared_savings',
  'commercial_insurance',
  'self_insured_employer',
  'provider_ffs',
  'pharma',
  'cms_access',
] as const;
/** How the buyer itself is paid upstream; decides whether our program earns or saves them money. */
export type PaymentEnvironmentKey = (typeof PAYMENT_ENVIRONMENTS)[number];

export const CUSTOMER_SEGMENTS = [
  'hospital_health_system',
  'physician_practice',
  'health_tech_company',
  'health_plan',
  'employer',
  'pharma',
] as const;
/** The kind of organisation the account is. */
export type CustomerSegmentKey = (typeof CUSTOMER_SEGMENTS)[number];

export const BUYER_TYPES = ['provider', 'payer', 'employer', 'risk_bearing_entity', 'pharma', 'channel_partner'] as const;
/** Who signs and pays our invoice (may differ from the segment, e.g. a health-tech partner reselling to payers). */
export type BuyerTypeKey = (typeof BUYER_TYPES)[number];

export const VALUE_ORIENTATIONS = ['generating_revenue', 'reducing_costs', 'both', 'unknown'] as const;
/** Whether the buyer experiences the program as new revenue, as cost reduction, both, or we do not know yet. */
export type ValueOrientationKey = (typeof VALUE_ORIENTATIONS)[number];

export const ENGAGEMENT_GATES = [
  'patient_activation_adherence',
  'clinician_workflow_adoption',
  'enrollment_volume_significance',
] as const;
/** The behaviour change that must happen before any stakeholder sees value. An account may face several. */
export type EngagementGateKey = (typeof ENGAGEMENT_GATES)[number];

/*
 * Keys added by the framework engine. Every stakeholder row of every table in the framework
 * document becomes one archetype; a role that appears in several tables (the patient or member,
 * the internal CS team) is one archetype with a profile per revenue model.
 */
export const ARCHETYPES = [
  'clinic_administrator',
  'provider_clinician',
  'billing_rcm_staff',
  'patient_member',
  'cs_team_internal',
  'health_plan_executive_sponsor',
  'health_plan_operational_lead',
  'employer_hr_benefits_leader',
  'buyer_cfo',
  'platform_executive_sponsor',
  'it_integration_lead',
  'clinical_end_user',
  'compliance_privacy_officer',
  'health_plan_cfo_actuary',
  'health_plan_clinical_lead',
  'independent_evaluator',
  'pharma_medical_affairs',
  'pharma_brand_commercial',
  'pharma_market_access',
  'pharma_rd',
] as const;
/** A stakeholder role from the framework, to be mapped to a real person in an account. */
export type ArchetypeKey = (typeof ARCHETYPES)[number];

export const BELIEVABLE_PROOF_KINDS = [
  'dollar_figure',
  'matched_cohort_claims_validated',
  'clinical_outcomes_with_statistics',
  'engagement_satisfaction_trends',
  'billing_compliance',
  'integration_uptime_security',
  'workflow_adoption_time_saved',
  'methodology_data_completeness',
  'adherence_real_world_evidence',
  'leading_indicators',
] as const;
/** The kind of evidence a stakeholder will actually believe. */
export type BelievableProofKind = (typeof BELIEVABLE_PROOF_KINDS)[number];

export const REVENUE_PATHS = ['monthly', 'at_renewal', 'measurement_period_18_24_months'] as const;
/** How soon engagement turns into revenue impact for the vendor. */
export type RevenuePathKey = (typeof REVENUE_PATHS)[number];

export const BEHAVIOUR_CHANGERS = ['patients', 'clinicians', 'both', 'unknown'] as const;
/** Who must change behaviour for value to materialise. */
export type BehaviourChangerKey = (typeof BEHAVIOUR_CHANGERS)[number];

export const HYBRID_STRUCTURES = [
  'pmpm_base_plus_outcomes_bonus',
  'saas_license_plus_cpt_revenue',
  'pmpm_plus_shared_savings',
  'annual_minimum_case_rate_pepm',
  'engagement_fee_plus_withheld_performance',
] as const;
/** A known way of combining revenue streams in one contract. */
export type HybridStructureKey = (typeof HYBRID_STRUCTURES)[number];

export const RPM_CODES = ['99453', '99445', '99454', '99470', '99457', '99458'] as const;
/** One of the 2026 CMS remote patient monitoring CPT codes. */
export type RpmCode = (typeof RPM_CODES)[number];

export const STREAM_MODELS = ['cpt_rpm', 'pmpm_pepm', 'saas_license', 'value_based'] as const satisfies readonly RevenueModelKey[];
/** A pure revenue model one stream of a contract can follow; a hybrid is several streams. */
export type StreamModelKey = (typeof STREAM_MODELS)[number];
