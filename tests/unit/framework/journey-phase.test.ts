import { describe, expect, it } from 'vitest';
import { journeyPhase } from '../../../src/shared/framework';

describe('journeyPhase', () => {
  it.each([
    [-1, 'not_started', 1, 'before_launch'],
    [0, 'compliance_implementation', 30, 'activation'],
    [29, 'compliance_implementation', 1, 'activation'],
    [29.9, 'compliance_implementation', 1, 'activation'],
    [30, 'clinical_integration', 60, 'adherence'],
    [89, 'clinical_integration', 1, 'adherence'],
    [90, 'outcome_optimisation', 90, 'adherence'],
    [179, 'outcome_optimisation', 1, 'adherence'],
    [180, 'steady_state', null, 'adherence'],
    [365, 'steady_state', null, 'sustained'],
  ] as const)('day %s is %s', (days, phase, daysToNext, gateStage) => {
    const position = journeyPhase(days);
    expect(position.phase.key).toBe(phase);
    expect(position.daysToNextPhase).toBe(daysToNext);
    expect(position.engagementGateStage).toBe(gateStage);
  });

  it('gives each phase what a review should emphasise', () => {
    expect(journeyPhase(45).phase.reviewEmphasis.join(' ')).toMatch(/80%/);
    expect(journeyPhase(120).phase.reviewEmphasis.join(' ')).toMatch(/3:1/);
    expect(journeyPhase(10).phase.reviewEmphasis.join(' ')).toMatch(/security audit/);
  });

  it('rejects a non-finite day count', () => {
    expect(() => journeyPhase(Number.NaN)).toThrow(RangeError);
  });
});
