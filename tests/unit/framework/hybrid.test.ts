import { describe, expect, it } from 'vitest';
import {
  BREADTH_VS_TARGETING_QUESTION,
  PROTECT_BASE_REVENUE_FIRST,
  detectIncentiveConflicts,
  hybridPhase,
  phasedContractTermsSchema,
} from '../../../src/shared/framework';

describe('detectIncentiveConflicts', () => {
  it('PMPM breadth vs shared-savings targeting becomes a trade-off question for the buyer', () => {
    const conflicts = detectIncentiveConflicts([
      { id: 'base', model: 'pmpm_pepm', variant: 'population_pmpm' },
      { id: 'savings', model: 'value_based', variant: 'shared_savings' },
    ]);
    expect(conflicts.map((conflict) => conflict.key)).toEqual(['breadth_vs_targeting']);
    expect(conflicts[0]!.tradeOffQuestion).toBe(BREADTH_VS_TARGETING_QUESTION);
    expect(BREADTH_VS_TARGETING_QUESTION).toMatch(/35-40% of everyone eligible/);
    expect(BREADTH_VS_TARGETING_QUESTION).toMatch(/highest-risk 15%/);
    expect(conflicts[0]!.options.map((option) => option.key)).toEqual(['broad_enrollment', 'high_risk_targeting']);
    expect(conflicts[0]!.streamIds).toEqual(['base', 'savings']);
  });

  it('RPM billing thresholds conflict with outcome targets', () => {
    expect(detectIncentiveConflicts([{ id: 'a', model: 'cpt_rpm' }, { id: 'b', model: 'value_based', variant: 'performance_tiers' }]).map((conflict) => conflict.key)).toEqual([
      'billing_threshold_vs_clinical_depth',
    ]);
  });

  it('finds nothing in a single-model contract', () => {
    expect(detectIncentiveConflicts([{ id: 'a', model: 'pmpm_pepm' }])).toEqual([]);
  });
});

describe('hybridPhase', () => {
  const terms = phasedContractTermsSchema.parse({ annualMinimumUsers: 3000, pepmSwitchoverUsers: 8000 });

  it.each([
    [0, 'annual_minimum', 'activation_critical', 3001],
    [3000, 'annual_minimum', 'activation_critical', 1],
    [3001, 'case_rate', 'activation_critical', 4999],
    [7999, 'case_rate', 'activation_critical', 1],
    [8000, 'pepm', 'retention_critical', null],
    [12000, 'pepm', 'retention_critical', null],
  ] as const)('%s activated users → %s (%s)', (users, phase, mode, toNext) => {
    const result = hybridPhase(terms, users);
    expect(result.phase).toBe(phase);
    expect(result.csMode).toBe(mode);
    expect(result.usersToNextThreshold).toBe(toNext);
  });

  it('reports progress toward switchover as a fraction', () => {
    expect(hybridPhase(terms, 4000).switchoverProgress).toBe(0.5);
    expect(hybridPhase(terms, 9000).switchoverProgress).toBe(1);
  });

  it('after switchover, CS optimises for retention and the CFO\'s ROI story', () => {
    expect(hybridPhase(terms, 8000).optimiseFor.join(' ')).toMatch(/CFO/);
    expect(hybridPhase(terms, 100).optimiseFor.join(' ')).toMatch(/Activation campaigns/);
  });

  it('always carries the protect-the-base principle', () => {
    expect(hybridPhase(terms, 100).principle).toBe(PROTECT_BASE_REVENUE_FIRST);
    expect(PROTECT_BASE_REVENUE_FIRST.title).toMatch(/Protect the base revenue first/);
  });

  it('rejects a switchover at or below the minimum', () => {
    expect(phasedContractTermsSchema.safeParse({ annualMinimumUsers: 3000, pepmSwitchoverUsers: 3000 }).success).toBe(false);
  });
});
