import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { identificationAnswersSchema, identify, type IdentificationAnswersInput } from '../../../src/shared/framework';

const run = (input: IdentificationAnswersInput) => identify(identificationAnswersSchema.parse(input));
const gates = (result: ReturnType<typeof identify>) => result.engagementGates.map((gate) => gate.gate).sort();
const questionKeys = (result: ReturnType<typeof identify>) => result.openQuestions.map((question) => question.key);

describe('identify: one model per account', () => {
  it.each([
    ['cpt_revenue_share', 'cpt_rpm', 'revenue_share'],
    ['per_patient_fee', 'cpt_rpm', 'platform_or_per_patient_fee'],
    ['per_member_per_month', 'pmpm_pepm', 'population_pmpm'],
    ['per_employee_per_month', 'pmpm_pepm', 'population_pmpm'],
    ['per_enrolled_member', 'pmpm_pepm', 'enrollment_based'],
    ['per_user_license', 'saas_license', 'per_user'],
    ['entity_license', 'saas_license', 'entity'],
    ['module_license', 'saas_license', 'module'],
    ['shared_savings', 'value_based', 'shared_savings'],
    ['performance_tiers', 'value_based', 'performance_tiers'],
    ['pay_for_performance', 'value_based', 'pay_for_performance'],
    ['risk_corridor', 'value_based', 'risk_corridors'],
  ] as const)('%s identifies %s (%s)', (howPaid, model, variant) => {
    const result = run({ streams: [{ howPaid, orientation: 'reducing_costs' }], paymentEnvironments: ['commercial_insurance'], behaviourChange: 'patients' });
    expect(result.primaryModel).toBe(model);
    expect(result.isHybrid).toBe(false);
    expect(result.rankedModels[0]).toMatchObject({ model, role: 'primary', weight: 1 });
    expect(result.streams[0]!.variant).toBe(variant);
    expect(result.suggestedAssessment?.streams[0]).toMatchObject({ id: 'stream-1', model, role: 'sole' });
  });

  it('CPT/RPM in a fee-for-service practice: revenue, monthly, patient and clinician gates', () => {
    const result = run(JSON.parse(fs.readFileSync(path.resolve('resources/examples/identify-cpt-rpm.json'), 'utf8')));
    expect(result.primaryModel).toBe('cpt_rpm');
    expect(result.streams[0]!.expectedOrientation).toBe('generating_revenue');
    expect(result.shortestPathToRevenue).toBe('monthly');
    expect(gates(result)).toEqual(['clinician_workflow_adoption', 'patient_activation_adherence']);
    expect(questionKeys(result)).not.toContain('orientation_unknown');
  });

  it('RPM with only patients named still gets the clinician billing gate', () => {
    const result = run({ streams: [{ howPaid: 'cpt_billing' }], behaviourChange: 'patients' });
    expect(gates(result)).toEqual(['clinician_workflow_adoption', 'patient_activation_adherence']);
    expect(result.engagementGates.find((gate) => gate.gate === 'clinician_workflow_adoption')!.reasons[0]!.code).toBe('rpm_billing_gate');
  });

  it('PMPM for an employer: at renewal, activation gate only', () => {
    const result = run(JSON.parse(fs.readFileSync(path.resolve('resources/examples/identify-pmpm-pepm.json'), 'utf8')));
    expect(result.primaryModel).toBe('pmpm_pepm');
    expect(result.shortestPathToRevenue).toBe('at_renewal');
    expect(gates(result)).toEqual(['patient_activation_adherence']);
    expect(result.openQuestions).toEqual([]);
  });

  it('enrollment-only payment switches PMPM to the enrollment-based variant', () => {
    const result = run({ streams: [{ howPaid: 'per_member_per_month', contractTerms: { paysOnlyForEngaged: true } }] });
    expect(result.streams[0]!.variant).toBe('enrollment_based');
    expect(result.streams[0]!.reasons.map((step) => step.code)).toContain('enrollment_based_variant');
  });

  it('SaaS with an unknown orientation makes orientation the first conversation', () => {
    const result = run(JSON.parse(fs.readFileSync(path.resolve('resources/examples/identify-saas-license.json'), 'utf8')));
    expect(result.primaryModel).toBe('saas_license');
    expect(gates(result)).toEqual(['clinician_workflow_adoption']);
    const first = result.openQuestions.find((question) => question.priority === 'first_conversation');
    expect(first?.key).toBe('orientation_unknown');
    expect(first?.why).toMatch(/first conversation/);
    expect(result.findings.map((step) => step.code)).toContain('orientation_unknown_everywhere');
  });

  it('value-based: significance gate, long path, contract readiness prompt', () => {
    const result = run(JSON.parse(fs.readFileSync(path.resolve('resources/examples/identify-value-based.json'), 'utf8')));
    expect(result.primaryModel).toBe('value_based');
    expect(gates(result)).toEqual(['enrollment_volume_significance', 'patient_activation_adherence']);
    expect(result.shortestPathToRevenue).toBe('measurement_period_18_24_months');
    expect(result.findings.map((step) => step.code)).toEqual(expect.arrayContaining(['check_contract_readiness', 'path_measurement_period_18_24_months']));
  });

  it('flags value-based as read-also when part of a non-VBC stream is outcome-contingent', () => {
    const result = run({ streams: [{ howPaid: 'per_member_per_month', contractTerms: { outcomeContingentPct: 20 } }] });
    expect(result.primaryModel).toBe('pmpm_pepm');
    expect(result.rankedModels.map((ranked) => [ranked.model, ranked.role])).toEqual([
      ['pmpm_pepm', 'primary'],
      ['value_based', 'read_also'],
    ]);
  });

  it('notes a stated orientation that contradicts the environment', () => {
    const result = run({ streams: [{ howPaid: 'cpt_billing', orientation: 'generating_revenue' }], paymentEnvironments: ['medicare_advantage'] });
    expect(result.streams[0]!.expectedOrientation).toBe('reducing_costs');
    expect(result.streams[0]!.reasons.map((step) => step.code)).toContain('stated_orientation_differs');
  });

  it('uses a stated model over the how-paid mapping and says so', () => {
    const result = run({ streams: [{ howPaid: 'platform_subscription', model: 'cpt_rpm' }] });
    expect(result.primaryModel).toBe('cpt_rpm');
    expect(result.streams[0]!.reasons.map((step) => step.code)).toContain('model_override_differs');
  });
});

describe('identify: hybrids', () => {
  it('PMPM + shared savings under MA is a hybrid with the breadth-vs-targeting question', () => {
    const result = run(JSON.parse(fs.readFileSync(path.resolve('resources/examples/identify-hybrid.json'), 'utf8')));
    expect(result.primaryModel).toBe('hybrid');
    expect(result.isHybrid).toBe(true);
    expect(result.hybridStructure).toBe('pmpm_plus_shared_savings');
    expect(result.rankedModels.map((ranked) => [ranked.model, ranked.role, ranked.weight])).toEqual([
      ['hybrid', 'primary', 1],
      ['pmpm_pepm', 'component', 0.75],
      ['value_based', 'component', 0.25],
    ]);
    expect(result.incentiveConflicts.map((conflict) => conflict.key)).toContain('breadth_vs_targeting');
    const tradeOff = result.openQuestions.find((question) => question.key === 'trade_off_breadth_vs_targeting');
    expect(tradeOff?.question).toMatch(/35-40%/);
    expect(tradeOff?.question).toMatch(/15%/);
    expect(result.shortestPathToRevenue).toBe('at_renewal');
    expect(result.findings.map((step) => step.code)).toEqual(expect.arrayContaining(['protect_base', 'dominant_stream']));
    expect(result.suggestedAssessment?.streams.map((stream) => stream.role)).toEqual(['base', 'performance']);
    expect(gates(result)).toEqual(['enrollment_volume_significance', 'patient_activation_adherence']);
  });

  it('drops the trade-off question once the buyer has answered it', () => {
    const input = JSON.parse(fs.readFileSync(path.resolve('resources/examples/identify-hybrid.json'), 'utf8'));
    input.conflictingIncentives = { answer: 'yes', buyerPriority: 'high_risk_targeting', buyerAnswer: 'Savings matter more this year' };
    const result = run(input);
    expect(questionKeys(result)).not.toContain('trade_off_breadth_vs_targeting');
    expect(result.findings.find((step) => step.code === 'buyer_decided')?.text).toMatch(/high risk targeting/);
  });

  it('SaaS license + CPT revenue share is the license-plus-reimbursement structure with mixed orientation', () => {
    const result = run({
      streams: [
        { id: 'license', howPaid: 'entity_license', orientation: 'reducing_costs' },
        { id: 'share', howPaid: 'cpt_revenue_share', orientation: 'generating_revenue' },
      ],
      paymentEnvironments: ['provider_ffs'],
      behaviourChange: 'both',
      conflictingIncentives: { answer: 'no' },
    });
    expect(result.hybridStructure).toBe('saas_license_plus_cpt_revenue');
    expect(result.rankedModels.map((ranked) => ranked.model)).toEqual(['hybrid', 'saas_license', 'cpt_rpm']);
    expect(result.incentiveConflicts.map((conflict) => conflict.key)).toEqual(['adoption_vs_billing_enablement', 'mixed_orientation']);
  });

  it('annual minimum + case rate + PEPM is the phased structure', () => {
    const result = run({
      streams: [
        { id: 'minimum', howPaid: 'annual_minimum' },
        { id: 'case', howPaid: 'case_rate' },
        { id: 'pepm', howPaid: 'per_employee_per_month' },
      ],
      paymentEnvironments: ['self_insured_employer'],
    });
    expect(result.isHybrid).toBe(true);
    expect(result.hybridStructure).toBe('annual_minimum_case_rate_pepm');
    expect(result.incentiveConflicts.map((conflict) => conflict.key)).toContain('activation_vs_retention');
  });

  it('engagement fee + withheld performance component is the PHTI two-stream model', () => {
    const result = run({
      streams: [
        { id: 'fee', howPaid: 'engagement_fee' },
        { id: 'perf', howPaid: 'withheld_performance_component' },
      ],
    });
    expect(result.hybridStructure).toBe('engagement_fee_plus_withheld_performance');
    expect(result.incentiveConflicts.map((conflict) => conflict.key)).toContain('engagement_vs_outcomes');
  });

  it('a stated conflict makes even one known stream a hybrid, and asks for the other stream', () => {
    const result = run({ streams: [{ howPaid: 'per_member_per_month' }], conflictingIncentives: { answer: 'yes' } });
    expect(result.isHybrid).toBe(true);
    expect(questionKeys(result)).toEqual(expect.arrayContaining(['second_stream', 'trade_off_unspecified']));
  });

  it('warns when the answer says no conflict but the combination usually has one', () => {
    const result = run({
      streams: [{ howPaid: 'per_member_per_month' }, { howPaid: 'shared_savings' }],
      conflictingIncentives: { answer: 'no' },
    });
    expect(result.findings.map((step) => step.code)).toContain('conflict_expected');
  });
});

describe('identify: incomplete answers', () => {
  it('an empty answer file yields no model and the questions to ask', () => {
    const result = run({});
    expect(result.primaryModel).toBeNull();
    expect(result.rankedModels).toEqual([]);
    expect(result.suggestedAssessment).toBeNull();
    expect(questionKeys(result)).toEqual(['how_paid', 'payment_environment', 'customer_segment', 'who_changes_behaviour']);
  });

  it('an unknown how-paid stream is asked about and blocks the suggested assessment', () => {
    const result = run({ streams: [{ id: 'x' }, { id: 'y', howPaid: 'per_member_per_month' }] });
    expect(result.openQuestions.find((question) => question.key === 'stream_how_paid')?.streamId).toBe('x');
    expect(result.suggestedAssessment).toBeNull();
    expect(result.primaryModel).toBe('pmpm_pepm');
  });

  it('guesses candidate models from indirect answers when how-paid is unknown', () => {
    const monthly = run({ streams: [{ pathToRevenue: 'monthly' }] });
    expect(monthly.rankedModels).toEqual([expect.objectContaining({ model: 'cpt_rpm', role: 'candidate' })]);
    const clinicians = run({ streams: [{ pathToRevenue: 'at_renewal' }], behaviourChange: 'clinicians' });
    expect(clinicians.rankedModels.map((ranked) => ranked.model)).toEqual(['saas_license']);
    expect(clinicians.primaryModel).toBeNull();
  });

  it('infers gates from the model when who-changes is unknown, and asks', () => {
    const result = run({ streams: [{ howPaid: 'per_user_license' }] });
    expect(gates(result)).toEqual(['clinician_workflow_adoption']);
    expect(result.engagementGates[0]!.reasons[0]!.code).toBe('gate_from_model');
    expect(questionKeys(result)).toContain('who_changes_behaviour');
  });

  it('rejects values outside the documented vocabulary', () => {
    expect(identificationAnswersSchema.safeParse({ streams: [{ howPaid: 'bitcoin' }] }).success).toBe(false);
    expect(identificationAnswersSchema.safeParse({ behaviourChange: 'robots' }).success).toBe(false);
  });

  it('every example answers file parses', () => {
    const dir = path.resolve('resources/examples');
    const files = fs.readdirSync(dir).filter((name) => name.startsWith('identify-') && name.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) expect(identificationAnswersSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))).success).toBe(true);
  });
});

describe('a phased hybrid recorded as one stream', () => {
  it('is a hybrid without asking for a second stream', () => {
    const result = identify(
      identificationAnswersSchema.parse({
        behaviourChange: 'patients',
        paymentEnvironments: ['self_insured_employer'],
        streams: [{ id: 'phased', howPaid: 'annual_minimum', model: 'pmpm_pepm', orientation: 'reducing_costs' }],
        conflictingIncentives: { answer: 'yes' },
      }),
    );
    expect(result.isHybrid).toBe(true);
    expect(result.hybridStructure).toBe('annual_minimum_case_rate_pepm');
    expect(result.openQuestions.map((q) => q.key)).not.toContain('second_stream');
  });
});
