import { describe, expect, it } from 'vitest';
import {
  ARCHETYPES,
  ENVIRONMENT_SHIFTS,
  FRAMEWORK_CATALOG_VERSION,
  METRIC_KEYS,
  HYBRID_STRUCTURES,
  OUTCOME_METRIC_KEYS,
  PAYMENT_ENVIRONMENTS,
  REVENUE_MODELS,
  REVENUE_MODEL_CATALOG,
  STAKEHOLDER_ARCHETYPES,
  CUSTOMER_SEGMENTS,
  CUSTOMER_SEGMENT_CATALOG,
  PAYMENT_ENVIRONMENT_CATALOG,
  archetypeModels,
  evidenceRequirements,
  frameworkCatalog,
  modelStakeholders,
  revenueModel,
  BELIEVABLE_PROOF_KINDS,
  STREAM_MODELS,
  VALUE_ORIENTATIONS,
} from '../../../src/shared/framework';

describe('framework catalog', () => {
  it('has one catalog entry per revenue model, payment environment and segment key, in key order', () => {
    expect(REVENUE_MODEL_CATALOG.map((model) => model.key)).toEqual([...REVENUE_MODELS]);
    expect(PAYMENT_ENVIRONMENT_CATALOG.map((env) => env.key)).toEqual([...PAYMENT_ENVIRONMENTS]);
    expect(CUSTOMER_SEGMENT_CATALOG.map((segment) => segment.key)).toEqual([...CUSTOMER_SEGMENTS]);
  });

  it('has exactly one archetype per archetype key', () => {
    expect(STAKEHOLDER_ARCHETYPES.map((entry) => entry.key)).toEqual([...ARCHETYPES]);
  });

  it('is JSON-serialisable and versioned', () => {
    const catalog = frameworkCatalog();
    expect(catalog.version).toBe(FRAMEWORK_CATALOG_VERSION);
    expect(JSON.parse(JSON.stringify(catalog))).toEqual(catalog);
    expect(catalog.environmentShifts).toHaveLength(REVENUE_MODELS.length * PAYMENT_ENVIRONMENTS.length);
  });

  it('returns a copy, so callers cannot mutate the shared catalog', () => {
    const catalog = frameworkCatalog();
    catalog.revenueModels[0]!.name = 'changed';
    expect(revenueModel('cpt_rpm').name).not.toBe('changed');
  });

  it('only refers to metric keys the metrics catalog is told about', () => {
    const known = new Set<string>(METRIC_KEYS);
    const referenced = [
      ...REVENUE_MODEL_CATALOG.flatMap((model) => model.leadMetricKeys),
      ...ENVIRONMENT_SHIFTS.flatMap((shift) => shift.leadMetricKeys),
      ...BELIEVABLE_PROOF_KINDS.flatMap((kind) =>
        STREAM_MODELS.flatMap((model) =>
          VALUE_ORIENTATIONS.flatMap((orientation) =>
            evidenceRequirements(kind, model, orientation).flatMap((req) => [...(req.allOf ?? []), ...(req.anyOf ?? [])]),
          ),
        ),
      ),
    ];
    expect(referenced.filter((key) => !known.has(key))).toEqual([]);
    expect(OUTCOME_METRIC_KEYS).toContain('outcome_matched_cohort_savings_usd');
    expect(OUTCOME_METRIC_KEYS).toContain('outcome_er_visits_avoided');
    expect(OUTCOME_METRIC_KEYS).toContain('outcome_star_rating_measures');
    expect(known.has('rpm_claims_denied_99458')).toBe(true);
  });

  it('lists the four common hybrid structures plus the two-stream model as hybrid variants', () => {
    expect(revenueModel('hybrid').variants.map((variant) => variant.key)).toEqual([...HYBRID_STRUCTURES]);
  });
});

describe.each([
  {
    model: 'cpt_rpm',
    primary: ['clinic_administrator'],
    orientation: 'generating_revenue',
    gates: ['patient_activation_adherence', 'clinician_workflow_adoption'],
    path: 'monthly',
    stakeholders: ['clinic_administrator', 'provider_clinician', 'billing_rcm_staff', 'patient_member', 'cs_team_internal'],
    variants: ['platform_or_per_patient_fee', 'revenue_share'],
    contractMonths: { min: 12, max: 36 },
  },
  {
    model: 'pmpm_pepm',
    primary: ['health_plan_executive_sponsor', 'employer_hr_benefits_leader'],
    orientation: 'reducing_costs',
    gates: ['patient_activation_adherence'],
    path: 'at_renewal',
    stakeholders: ['patient_member', 'cs_team_internal', 'health_plan_executive_sponsor', 'health_plan_operational_lead', 'employer_hr_benefits_leader'],
    variants: ['population_pmpm', 'enrollment_based'],
    contractMonths: { min: 24, max: 36 },
  },
  {
    model: 'saas_license',
    primary: ['platform_executive_sponsor'],
    orientation: 'reducing_costs',
    gates: ['clinician_workflow_adoption'],
    path: 'at_renewal',
    stakeholders: ['cs_team_internal', 'platform_executive_sponsor', 'it_integration_lead', 'clinical_end_user', 'compliance_privacy_officer'],
    variants: ['per_user', 'entity', 'module'],
    contractMonths: { min: 12, max: 36 },
  },
  {
    model: 'value_based',
    primary: ['health_plan_cfo_actuary'],
    orientation: 'reducing_costs',
    gates: ['enrollment_volume_significance', 'patient_activation_adherence'],
    path: 'measurement_period_18_24_months',
    stakeholders: ['patient_member', 'cs_team_internal', 'health_plan_cfo_actuary', 'health_plan_clinical_lead', 'independent_evaluator'],
    variants: ['shared_savings', 'performance_tiers', 'pay_for_performance', 'risk_corridors'],
    contractMonths: { min: 36, max: 60 },
  },
] as const)('revenue model $model', (row) => {
  const model = revenueModel(row.model);

  it('names its primary stakeholder, orientation, gates and path to revenue', () => {
    expect(model.primaryStakeholders).toEqual(row.primary);
    expect(model.defaultOrientation).toBe(row.orientation);
    expect(model.engagementGates).toEqual(row.gates);
    expect(model.pathToRevenue).toBe(row.path);
    expect(model.typicalContractMonths).toEqual(row.contractMonths);
    expect(model.failurePatterns.length).toBeGreaterThanOrEqual(3);
  });

  it('has the framework table\'s stakeholder set', () => {
    expect(modelStakeholders(row.model)).toEqual(row.stakeholders);
  });

  it('has the framework\'s variants', () => {
    expect(model.variants.map((variant) => variant.key)).toEqual(row.variants);
  });
});

describe('stakeholder archetypes', () => {
  it('records which models each archetype appears in', () => {
    expect(archetypeModels('patient_member')).toEqual(['cpt_rpm', 'pmpm_pepm', 'value_based']);
    expect(archetypeModels('cs_team_internal')).toEqual(['cpt_rpm', 'pmpm_pepm', 'saas_license', 'value_based']);
    expect(archetypeModels('pharma_market_access')).toEqual(['saas_license']);
  });

  it('gives the proof each role believes, as the framework describes it', () => {
    const proof = (key: (typeof ARCHETYPES)[number]) => STAKEHOLDER_ARCHETYPES.find((entry) => entry.key === key)!.believableProof[0];
    expect(proof('health_plan_cfo_actuary')).toBe('matched_cohort_claims_validated');
    expect(proof('health_plan_clinical_lead')).toBe('clinical_outcomes_with_statistics');
    expect(proof('employer_hr_benefits_leader')).toBe('engagement_satisfaction_trends');
    expect(proof('buyer_cfo')).toBe('dollar_figure');
    expect(proof('billing_rcm_staff')).toBe('billing_compliance');
    expect(proof('it_integration_lead')).toBe('integration_uptime_security');
  });

  it('keeps the billing staff KPI on short vs standard device-code selection', () => {
    const billing = STAKEHOLDER_ARCHETYPES.find((entry) => entry.key === 'billing_rcm_staff')!;
    expect(billing.profiles[0]!.kpis).toContain('Code selection accuracy (99445 vs 99454)');
  });

  it('inverts the PMPM CS effort split for the enrollment-based variant', () => {
    const variants = revenueModel('pmpm_pepm').variants;
    expect(variants.find((variant) => variant.key === 'population_pmpm')!.csEffortSplitPct).toEqual({ activation: 30, retentionAndOutcomes: 70 });
    expect(variants.find((variant) => variant.key === 'enrollment_based')!.csEffortSplitPct).toEqual({ activation: 70, retentionAndOutcomes: 30 });
  });
});
