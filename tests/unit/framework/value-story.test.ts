import { describe, expect, it } from 'vitest';
import { frameworkCatalog } from '../../../src/shared/framework/framework-catalog';
import { ARCHETYPES, PAYMENT_ENVIRONMENTS, REVENUE_MODELS } from '../../../src/shared/framework/keys';
import { paymentEnvironment } from '../../../src/shared/framework/payment-environments';
import { RTM_CODE_DEFINITIONS, rtmDeviceSupplyCode } from '../../../src/shared/framework/rpm-codes';
import { engagementBenchmark, valueStory } from '../../../src/shared/framework/value-story';

describe('valueStory: what leads per payment environment × model × audience', () => {
  it('answers for every environment × model × audience, with lead metrics and proof drawn from the catalog', () => {
    for (const model of REVENUE_MODELS) {
      for (const environment of [...PAYMENT_ENVIRONMENTS, null]) {
        for (const audience of ARCHETYPES) {
          const story = valueStory({ model, environment, audience });
          expect(story.proofOrder.length, `${model} ${environment} ${audience}`).toBeGreaterThan(0);
          expect(story.leadMetricKeys.length, `${model} ${environment}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('leads a Medicare Advantage RPM story with events avoided and Star Ratings, not CPT revenue', () => {
    const story = valueStory({ model: 'cpt_rpm', environment: 'medicare_advantage', audience: 'health_plan_executive_sponsor' });
    expect(story.orientation).toBe('reducing_costs');
    expect(story.leadMetricKeys).toEqual(expect.arrayContaining(['outcome_er_visits_avoided', 'rpm_readmissions_monitored_pct', 'outcome_readmission_cost_avoided_usd', 'outcome_star_rating_measures']));
    expect(story.concepts).toMatchObject({ starRatings: true, capitation: true, cptBillingRevenue: false });
    expect(story.healthWeights.management_capture ?? 0).toBe(0);
    expect(story.healthWeights.claims_health ?? 0).toBe(0);
    expect(story.healthWeights.readmission_reduction).toBeGreaterThan(0);
  });

  it('keeps Star Ratings and capitation out of a fee-for-service story', () => {
    for (const environment of ['medicare_ffs', 'provider_ffs'] as const) {
      const story = valueStory({ model: 'cpt_rpm', environment, audience: 'provider_clinician' });
      expect(story.concepts).toMatchObject({ starRatings: false, capitation: false, cptBillingRevenue: true });
    }
  });

  it('gives each audience its lead proof: actuary method, CFO dollars, clinical lead outcomes, HR engagement', () => {
    expect(valueStory({ model: 'cpt_rpm', environment: 'medicare_advantage', audience: 'health_plan_cfo_actuary' }).proofOrder[0]).toBe('methodology_data_completeness');
    expect(valueStory({ model: 'pmpm_pepm', environment: 'self_insured_employer', audience: 'buyer_cfo' }).proofOrder[0]).toBe('dollar_figure');
    expect(valueStory({ model: 'value_based', environment: 'aco_shared_savings', audience: 'health_plan_clinical_lead' }).proofOrder[0]).toBe('clinical_outcomes_with_statistics');
    expect(valueStory({ model: 'pmpm_pepm', environment: 'self_insured_employer', audience: 'employer_hr_benefits_leader' }).proofOrder[0]).toBe('engagement_satisfaction_trends');
  });

  it('tells a Medicaid sponsor quality and engagement before savings, in a plan\'s words, with the SMS-first play for the CSM', () => {
    const story = valueStory({ model: 'pmpm_pepm', environment: 'medicaid_managed_care', audience: 'health_plan_executive_sponsor' });
    expect(story.proofOrder.slice(0, 2)).toEqual(['clinical_outcomes_with_statistics', 'engagement_satisfaction_trends']);
    expect(story.proofOrder.at(-1)).toMatch(/dollar_figure|matched_cohort/);
    expect(story.costFrame).not.toMatch(/benefits/i);
    expect(story.plays.join(' ')).toMatch(/SMS/);
    expect(story.plays.join(' ')).toMatch(/community-based organisations/);
  });

  it('judges Medicaid engagement only against a population-calibrated benchmark', () => {
    expect(engagementBenchmark('medicaid_managed_care', {}).value).toBeNull();
    expect(engagementBenchmark('medicaid_managed_care', { engagementBenchmarkPct: 6 })).toEqual({ value: 0.06, phrase: 'the 6% benchmark calibrated for this Medicaid population', titlePhrase: 'the 6% Medicaid benchmark', calibrated: true });
    expect(engagementBenchmark('self_insured_employer', {})).toMatchObject({ value: 0.2, calibrated: false });
  });

  it('tells a drug maker adherence, evidence and prescribers, never care-management billing or time saved', () => {
    const story = valueStory({ model: 'saas_license', environment: 'pharma', audience: 'pharma_brand_commercial' });
    expect(story.proofOrder[0]).toBe('adherence_real_world_evidence');
    expect(story.proofOrder).not.toContain('workflow_adoption_time_saved');
    expect(story.concepts).toMatchObject({ careManagementBilling: false, clinicianTimeSaved: false });
    expect(story.leadMetricKeys).toEqual(expect.arrayContaining(['outcome_medication_adherence_pct', 'outcome_prescribers_engaged']));
    expect(story.healthWeights.medication_adherence).toBeGreaterThan(0);
  });
});

describe('CMS ACCESS and remote therapeutic monitoring in the catalog', () => {
  it('lists ACCESS as a payment environment with outcome-aligned payment', () => {
    const access = paymentEnvironment('cms_access');
    expect(access.riskPosture).toBe('outcome_aligned');
    expect(access.howBuyerIsPaid).toMatch(/outcome-aligned/);
    expect(valueStory({ model: 'cpt_rpm', environment: 'cms_access' }).orientation).toBe('both');
    expect(frameworkCatalog().paymentEnvironments.map((e) => e.key)).toContain('cms_access');
  });

  it('has the 2-15 day RTM codes 98984-98986 beside RPM', () => {
    expect(RTM_CODE_DEFINITIONS.map((c) => [c.code, c.deviceDaysPer30])).toEqual([
      ['98984', { min: 2, max: 15 }],
      ['98985', { min: 2, max: 15 }],
      ['98986', { min: 2, max: 15 }],
    ]);
    expect(rtmDeviceSupplyCode('musculoskeletal', 9).code).toBe('98985');
    expect(rtmDeviceSupplyCode('respiratory', 20).code).toBe('98976');
    expect(rtmDeviceSupplyCode('cognitive_behavioral_therapy', 1).code).toBeNull();
    expect(frameworkCatalog().rtmCodes).toHaveLength(3);
  });
});
