import { describe, expect, it } from 'vitest';
import {
  ENVIRONMENT_SHIFTS,
  FRAMEWORK_ENVIRONMENT_SHIFTS,
  PAYMENT_ENVIRONMENTS,
  REVENUE_MODELS,
  environmentShift,
  orient,
} from '../../../src/shared/framework';

/*
 * Every model × environment pairing the framework document discusses, with what it says the
 * environment does to orientation, lead metrics, lookback and the stakeholders in the room.
 */
const FRAMEWORK_PAIRS = [
  {
    model: 'cpt_rpm',
    environment: 'medicare_ffs',
    orientation: 'generating_revenue',
    leadMetricKeys: ['rpm_device_days_total', 'rpm_claims_paid_99457', 'rpm_claims_paid_99470'],
    stakeholders: ['clinic_administrator', 'provider_clinician', 'billing_rcm_staff'],
    lookback: null,
  },
  {
    model: 'cpt_rpm',
    environment: 'medicare_advantage',
    orientation: 'reducing_costs',
    leadMetricKeys: ['outcome_er_visits_avoided', 'rpm_readmissions_monitored_pct', 'rpm_readmissions_unmonitored_pct', 'outcome_star_rating_measures'],
    stakeholders: ['clinic_administrator', 'provider_clinician', 'health_plan_clinical_lead', 'buyer_cfo'],
    lookback: null,
  },
  {
    model: 'cpt_rpm',
    environment: 'aco_shared_savings',
    orientation: 'reducing_costs',
    leadMetricKeys: ['outcome_matched_cohort_savings_usd', 'rpm_readmissions_monitored_pct'],
    stakeholders: ['clinic_administrator', 'provider_clinician', 'buyer_cfo'],
    lookback: { min: 12, max: 18 },
  },
  {
    model: 'cpt_rpm',
    environment: 'cms_access',
    orientation: 'both',
    leadMetricKeys: ['outcome_biometric_improvement_pct', 'rpm_device_days_total'],
    stakeholders: ['clinic_administrator', 'provider_clinician', 'billing_rcm_staff'],
    lookback: null,
  },
  {
    model: 'pmpm_pepm',
    environment: 'medicare_advantage',
    orientation: 'reducing_costs',
    leadMetricKeys: ['outcome_matched_cohort_savings_usd', 'outcome_hedis_measure_lift_pct', 'outcome_star_rating_measures'],
    stakeholders: ['health_plan_executive_sponsor', 'health_plan_operational_lead', 'health_plan_cfo_actuary'],
    lookback: null,
  },
  {
    model: 'pmpm_pepm',
    environment: 'medicaid_managed_care',
    orientation: 'reducing_costs',
    leadMetricKeys: ['pmpm_active_members', 'pmpm_eligible_members'],
    stakeholders: ['health_plan_executive_sponsor', 'health_plan_operational_lead'],
    lookback: null,
  },
  {
    model: 'pmpm_pepm',
    environment: 'self_insured_employer',
    orientation: 'reducing_costs',
    leadMetricKeys: ['outcome_cost_trend_vs_benchmark_pct'],
    stakeholders: ['employer_hr_benefits_leader', 'buyer_cfo'],
    lookback: null,
  },
  {
    model: 'saas_license',
    environment: 'medicare_advantage',
    orientation: 'reducing_costs',
    leadMetricKeys: ['outcome_care_gaps_closed', 'outcome_matched_cohort_savings_usd'],
    stakeholders: ['platform_executive_sponsor', 'clinical_end_user', 'it_integration_lead'],
    lookback: null,
  },
  {
    model: 'saas_license',
    environment: 'aco_shared_savings',
    orientation: 'reducing_costs',
    leadMetricKeys: ['outcome_care_gaps_closed', 'outcome_matched_cohort_savings_usd'],
    stakeholders: ['platform_executive_sponsor', 'clinical_end_user', 'it_integration_lead'],
    lookback: null,
  },
  {
    model: 'saas_license',
    environment: 'provider_ffs',
    orientation: 'both',
    leadMetricKeys: ['outcome_time_saved_minutes_per_encounter', 'saas_weekly_active_users', 'saas_licensed_seats'],
    stakeholders: ['platform_executive_sponsor', 'clinical_end_user', 'it_integration_lead', 'compliance_privacy_officer'],
    lookback: null,
  },
  {
    model: 'saas_license',
    environment: 'pharma',
    orientation: 'generating_revenue',
    leadMetricKeys: ['outcome_medication_adherence_pct', 'outcome_prescribers_engaged'],
    stakeholders: ['pharma_medical_affairs', 'pharma_brand_commercial', 'pharma_market_access', 'pharma_rd'],
    lookback: null,
  },
  {
    model: 'value_based',
    environment: 'medicare_advantage',
    orientation: 'reducing_costs',
    leadMetricKeys: ['outcome_matched_cohort_savings_usd', 'outcome_star_rating_measures'],
    stakeholders: ['health_plan_cfo_actuary', 'health_plan_clinical_lead', 'independent_evaluator'],
    lookback: { min: 18, max: 24 },
  },
  {
    model: 'value_based',
    environment: 'medicaid_managed_care',
    orientation: 'reducing_costs',
    leadMetricKeys: ['vbc_engaged_members', 'vbc_members_at_clinical_target', 'outcome_hedis_measure_lift_pct'],
    stakeholders: ['health_plan_clinical_lead', 'health_plan_cfo_actuary', 'independent_evaluator'],
    lookback: null,
  },
] as const;

describe.each(FRAMEWORK_PAIRS)('$model under $environment', (row) => {
  const shift = environmentShift(row.model, row.environment);

  it('is a framework statement, not a default', () => {
    expect(shift.source).toBe('framework');
  });

  it('shifts orientation as the framework says', () => {
    expect(shift.orientation).toBe(row.orientation);
    expect(orient(row.model, row.environment).orientation).toBe(row.orientation);
  });

  it('leads with the framework\'s metrics', () => {
    expect(shift.leadMetricKeys).toEqual(expect.arrayContaining([...row.leadMetricKeys]));
  });

  it('puts the right stakeholders in the room', () => {
    expect(shift.stakeholders).toEqual(row.stakeholders);
  });

  it('has talking points and a lookback', () => {
    expect(shift.talkingPoints.length).toBeGreaterThanOrEqual(2);
    if (row.lookback) {
      expect(shift.lookbackMonths).toEqual(row.lookback);
      expect(shift.lookbackFromFramework).toBe(true);
    } else {
      expect(shift.lookbackFromFramework).toBe(false);
    }
  });
});

describe('environment shift specifics', () => {
  it('RPM under MA leads with avoided events, not CPT revenue', () => {
    const shift = environmentShift('cpt_rpm', 'medicare_advantage');
    expect(shift.leadMetricKeys.some((key) => key.startsWith('rpm_claims_'))).toBe(false);
    expect(shift.talkingPoints.join(' ')).toMatch(/\$15,000/);
  });

  it('PMPM for Medicaid calls for calibrated benchmarks and SMS-first outreach', () => {
    const points = environmentShift('pmpm_pepm', 'medicaid_managed_care').talkingPoints.join(' ');
    expect(points).toMatch(/[Cc]alibrate engagement benchmarks/);
    expect(points).toMatch(/SMS/);
  });

  it('VBC under MA pairs cost with quality over 18-24 months', () => {
    const shift = environmentShift('value_based', 'medicare_advantage');
    expect(shift.leadMetricKeys).toEqual(expect.arrayContaining(['outcome_matched_cohort_savings_usd', 'outcome_star_rating_measures']));
    expect(shift.lookbackMonths).toEqual({ min: 18, max: 24 });
  });
});

describe('default pairings', () => {
  it('covers every model × environment pair exactly once', () => {
    const keys = ENVIRONMENT_SHIFTS.map((shift) => `${shift.model}:${shift.environment}`);
    expect(new Set(keys).size).toBe(REVENUE_MODELS.length * PAYMENT_ENVIRONMENTS.length);
  });

  it('marks every pair the framework does not discuss as a default, and says so in the reason', () => {
    const defaults = ENVIRONMENT_SHIFTS.filter((shift) => shift.source === 'default');
    expect(defaults).toHaveLength(REVENUE_MODELS.length * PAYMENT_ENVIRONMENTS.length - FRAMEWORK_ENVIRONMENT_SHIFTS.length);
    expect(FRAMEWORK_ENVIRONMENT_SHIFTS).toHaveLength(FRAMEWORK_PAIRS.length);
    for (const shift of defaults) expect(shift.reason).toMatch(/^Default, not a framework statement/);
  });

  it.each([
    ['cpt_rpm', 'provider_ffs', 'generating_revenue'],
    ['cpt_rpm', 'commercial_insurance', 'generating_revenue'],
    ['cpt_rpm', 'medicaid_managed_care', 'reducing_costs'],
    ['pmpm_pepm', 'commercial_insurance', 'reducing_costs'],
    ['saas_license', 'medicare_ffs', 'both'],
    ['value_based', 'aco_shared_savings', 'reducing_costs'],
    ['value_based', 'pharma', 'generating_revenue'],
    ['hybrid', 'medicare_advantage', 'both'],
  ] as const)('%s under %s defaults to %s', (model, environment, orientation) => {
    expect(environmentShift(model, environment).orientation).toBe(orientation);
    expect(environmentShift(model, environment).source).toBe('default');
  });
});
