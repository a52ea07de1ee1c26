import { describe, expect, it } from 'vitest';
import { assessContractReadiness, clauseStatus, outcomesContractTermsSchema, type OutcomesContractTerms } from '../../../src/shared/framework';

const complete: OutcomesContractTerms = outcomesContractTermsSchema.parse({
  engagementFee: { basis: 'per enrolled member per month', amountCents: 450 },
  performanceComponent: {
    mechanism: 'withheld_until_validated',
    atRiskPct: 30,
    releaseConditions: 'Released within 60 days after the independent evaluator certifies the year-one results report',
  },
  riskAdjustment: { method: 'CMS-HCC v28 prospective risk scores applied to both cohorts at baseline and each quarter' },
  dataSources: ['medical and pharmacy claims', 'monthly eligibility file', 'platform engagement export'],
  baseline: { method: 'Twelve months of pre-enrolment claims for enrolled members and a propensity-matched comparison group', periodMonths: 12 },
  measurement: { periodMonths: 18, claimsRunoutMonths: 3 },
  disputeResolution: { process: 'Either party may refer a contested result to the named independent evaluator whose finding is binding', independentEvaluator: 'an external actuarial firm' },
  operations: {
    memberOutreachOwner: 'vendor',
    dataFlows: [
      { from: 'buyer', description: 'eligibility file', frequency: 'monthly' },
      { from: 'vendor', description: 'engagement report', frequency: 'weekly' },
    ],
  },
  targets: [{ metric: 'engaged members at A1c goal', targetPct: 40, benchmarkPct: { min: 35, max: 40 } }],
});

const status = (terms: OutcomesContractTerms) => Object.fromEntries(assessContractReadiness(terms).items.map((entry) => [entry.key, entry.status]));

describe('assessContractReadiness', () => {
  it('a fully specified two-stream contract is ready', () => {
    const result = assessContractReadiness(complete);
    expect(result.items.every((entry) => entry.status === 'present')).toBe(true);
    expect(result.ready).toBe(true);
    expect(result.counts).toEqual({ present: 9, missing: 0, vague: 0 });
  });

  it('an empty contract is missing everything', () => {
    const result = assessContractReadiness({});
    expect(result.counts).toEqual({ present: 0, missing: 9, vague: 0 });
    expect(result.ready).toBe(false);
  });

  it('flags a 70% target against a 35-40% benchmark as setting the team up to fail', () => {
    const result = assessContractReadiness({ ...complete, targets: [{ metric: 'engaged members at clinical goal', targetPct: 70, benchmarkPct: { min: 35, max: 40 } }] });
    expect(result.targetFlags).toHaveLength(1);
    expect(result.targetFlags[0]!.ratioToBenchmark).toBeCloseTo(1.75);
    expect(result.targetFlags[0]!.message).toMatch(/still fail the contract/);
    const targets = result.items.find((entry) => entry.key === 'targets_vs_benchmark')!;
    expect(targets.status).toBe('present');
    expect(targets.concerns).toHaveLength(1);
    expect(result.ready).toBe(false);
  });

  it('a benchmark of one number reads as that number, a range with one unit', () => {
    const one = assessContractReadiness({ ...complete, targets: [{ metric: 'm', targetPct: 70, benchmarkPct: { min: 38, max: 38 } }] });
    expect(one.targetFlags[0]!.message).toContain('a benchmark of 38% ');
    const range = assessContractReadiness({ ...complete, targets: [{ metric: 'm', targetPct: 70, benchmarkPct: { min: 35, max: 40 } }] });
    expect(range.targetFlags[0]!.message).toContain('a benchmark of 35–40% ');
  });

  it('does not flag a target within 25% of the benchmark top', () => {
    expect(assessContractReadiness({ ...complete, targets: [{ metric: 'm', targetPct: 50, benchmarkPct: { min: 35, max: 40 } }] }).targetFlags).toEqual([]);
    expect(assessContractReadiness({ ...complete, targets: [{ metric: 'm', targetPct: 51, benchmarkPct: { min: 35, max: 40 } }] }).targetFlags).toHaveLength(1);
  });

  it('a target without a stated benchmark is vague', () => {
    expect(status({ ...complete, targets: [{ metric: 'm', targetPct: 50 }] }).targets_vs_benchmark).toBe('vague');
  });

  it('a bare "risk-adjusted outcomes" reference is vague', () => {
    expect(status({ ...complete, riskAdjustment: { method: 'risk-adjusted outcomes' } }).risk_adjustment).toBe('vague');
    expect(status({ ...complete, riskAdjustment: { method: 'Industry standard risk adjustment to be agreed later by the parties' } }).risk_adjustment).toBe('vague');
    expect(status({ ...complete, riskAdjustment: undefined }).risk_adjustment).toBe('missing');
  });

  it('a withheld component without release conditions is vague', () => {
    expect(status({ ...complete, performanceComponent: { mechanism: 'withheld_until_validated' } }).payment_model).toBe('vague');
    expect(status({ ...complete, performanceComponent: {} }).payment_model).toBe('vague');
  });

  it('a clawback or a missing engagement fee is present but carries concerns', () => {
    const clawback = assessContractReadiness({ ...complete, engagementFee: undefined, performanceComponent: { mechanism: 'upfront_with_clawback' } });
    const payment = clawback.items.find((entry) => entry.key === 'payment_model')!;
    expect(payment.status).toBe('present');
    expect(payment.concerns).toHaveLength(2);
    expect(payment.concerns.join(' ')).toMatch(/^No engagement fee: if a target is missed/);
  });

  it('measurement without claims runout is vague; a short period is a concern', () => {
    expect(status({ ...complete, measurement: { periodMonths: 18 } }).measurement_period).toBe('vague');
    const short = assessContractReadiness({ ...complete, measurement: { periodMonths: 6, claimsRunoutMonths: 3 } });
    expect(short.items.find((entry) => entry.key === 'measurement_period')!.concerns).toHaveLength(1);
  });

  it('data flows need both directions and a frequency', () => {
    expect(status({ ...complete, operations: { memberOutreachOwner: 'buyer', dataFlows: [{ from: 'buyer', description: 'claims', frequency: 'monthly' }] } }).operations_data_flows).toBe('vague');
    expect(
      status({
        ...complete,
        operations: {
          memberOutreachOwner: 'shared',
          dataFlows: [
            { from: 'buyer', description: 'claims', frequency: 'unspecified' },
            { from: 'vendor', description: 'engagement', frequency: 'weekly' },
          ],
        },
      }).operations_data_flows,
    ).toBe('vague');
    expect(status({ ...complete, operations: { memberOutreachOwner: 'unspecified' } })).toMatchObject({ operations_outreach: 'missing', operations_data_flows: 'missing' });
  });

  it('a baseline method without a period is vague', () => {
    expect(status({ ...complete, baseline: { method: complete.baseline!.method } }).baseline_method).toBe('vague');
  });
});

describe('clauseStatus', () => {
  it.each([
    [undefined, 'missing'],
    ['   ', 'missing'],
    ['TBD', 'vague'],
    ['As mutually agreed between the parties in good faith', 'vague'],
    ['risk-adjusted', 'vague'],
    ['Binding arbitration by the named independent evaluator within 60 days', 'present'],
  ] as const)('%s → %s', (text, expected) => {
    expect(clauseStatus(text)).toBe(expected);
  });
});
