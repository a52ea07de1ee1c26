import { describe, expect, it } from 'vitest';
import { composeDeckPlan } from '../../../src/shared/deck-plan';
import { PAYMENT_ENVIRONMENTS, type ArchetypeKey } from '../../../src/shared/framework/keys';
import { demoPlanInput } from '../../support/deck-plan-fixtures';

/*
 * One decision, two paths: what leads for an environment × model × audience comes from
 * framework/value-story.ts, and the deck's value story and the app's Metrics tab (the insights'
 * per-stream story) must name the same lead metrics for the same stream.
 */

const ACCOUNTS: [string, ArchetypeKey[]][] = [
  ['Riverbend', ['clinic_administrator', 'provider_clinician', 'billing_rcm_staff']],
  ['Summit', ['health_plan_executive_sponsor', 'health_plan_cfo_actuary', 'health_plan_operational_lead']],
  ['Northwind', ['buyer_cfo', 'employer_hr_benefits_leader']],
  ['Bayview', ['health_plan_executive_sponsor', 'health_plan_operational_lead']],
  ['Lakeshore', ['platform_executive_sponsor', 'it_integration_lead']],
  ['Granite', ['health_plan_cfo_actuary', 'health_plan_clinical_lead']],
  ['Meridian', ['health_plan_executive_sponsor', 'health_plan_cfo_actuary']],
  ['Cascadia', ['buyer_cfo', 'employer_hr_benefits_leader']],
  ['Helix', ['pharma_brand_commercial', 'pharma_medical_affairs']],
];

describe('the deck and the app agree on what leads', () => {
  it.each(ACCOUNTS)('%s: the deck\'s lead metrics are the Metrics tab\'s lead metrics, in every payment environment', (name, audiences) => {
    for (const environment of [undefined, ...PAYMENT_ENVIRONMENTS]) {
      for (const audience of audiences) {
        const input = demoPlanInput(name, { audience: [audience], ...(environment ? { environment } : {}) });
        const plan = composeDeckPlan(input);
        const app = input.insights.streams.find((stream) => stream.streamId === plan.story.streamId)!;
        expect(app.story.leadMetrics.map((metric) => metric.key), `${name} ${environment ?? 'as recorded'} ${audience}`).toEqual(plan.story.leadMetricKeys);
        expect(plan.story.proofOrder[0], `${name} ${environment} ${audience}`).toBeDefined();
        if (plan.story.leadProof) expect(plan.story.proofOrder).toContain(plan.story.leadProof);
      }
    }
  });
});
