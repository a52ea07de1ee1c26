import { describe, expect, it } from 'vitest';
import { BELIEVABLE_PROOF_CATALOG, evidenceRequirements } from '../../../src/shared/framework/believable-proof';
import { STREAM_MODELS, VALUE_ORIENTATIONS } from '../../../src/shared/framework/keys';
import { checkProof } from '../../../src/shared/framework/proof-checks';
import { findMetricDefinition } from '../../../src/shared/metrics/metric-catalog';
import { metricBelongsToModel } from '../../../src/shared/metrics/metric-validation';

describe('the proof table asks only for what a user can record', () => {
  it('every requirement for a model names metrics that a stream of that model may store', () => {
    const unclosable: string[] = [];
    for (const { kind } of BELIEVABLE_PROOF_CATALOG) {
      for (const model of STREAM_MODELS) {
        for (const orientation of VALUE_ORIENTATIONS) {
          for (const requirement of evidenceRequirements(kind, model, orientation)) {
            for (const key of [...(requirement.allOf ?? []), ...(requirement.anyOf ?? [])]) {
              const definition = findMetricDefinition(key)!;
              if (!metricBelongsToModel(definition, model)) unclosable.push(`${kind} / ${model}: ${requirement.key} needs ${key}`);
            }
          }
        }
      }
    }
    expect([...new Set(unclosable)]).toEqual([]);
  });

  it('a stated orientation changes what a CFO needs on an RPM stream: reimbursement when it generates revenue, avoided cost when it reduces costs', () => {
    const stream = { id: 'rpm', revenueModel: 'cpt_rpm' as const, paymentEnvironment: 'medicare_ffs' as const };
    const needs = (orientation: 'generating_revenue' | 'reducing_costs') =>
      checkProof('buyer_cfo', [stream], { streams: [{ id: 'rpm', model: 'cpt_rpm', paymentEnvironment: 'medicare_ffs', orientation }] }, new Set())
        .filter((check) => check.kind === 'dollar_figure')
        .map((check) => check.requirement.key);
    expect(needs('generating_revenue')).toEqual(['rpm_reimbursement_collected']);
    expect(needs('reducing_costs')).toEqual(['rpm_cost_avoided']);
  });
});
