import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../src/shared/api/schemas/account-schemas';
import type { RevenueStream } from '../../../src/shared/api/schemas/stream-schemas';
import { identificationAnswersSchema } from '../../../src/shared/framework/answers';
import { formatCalendarDate } from '../../../src/renderer/src/format';
import { goalStatus } from '../../../src/renderer/src/goals/goal-status';
import { engagementStatus } from '../../../src/renderer/src/stakeholders/engagement-flag';
import { draftToTerms, termsToDraft } from '../../../src/renderer/src/streams/stream-terms-draft';
import { describeRunway } from '../../../src/renderer/src/wizard/runway';
import { alignWithStreams, answerFromStream, applySuggestions, chosenFromSaved, freshAnswers, howPaidOf } from '../../../src/renderer/src/wizard/wizard-prefill';

const stream = (patch: Partial<RevenueStream>): RevenueStream => ({
  id: 's1',
  accountId: 'a1',
  name: 'Stream',
  revenueModel: 'pmpm_pepm',
  paymentEnvironment: null,
  terms: {},
  startDate: null,
  endDate: null,
  createdAt: '',
  updatedAt: '',
  ...patch,
});

const account: AccountSummary = { id: 'a1', name: 'Acme', customerSegment: 'employer', buyerType: 'employer', notes: '', renewalDate: null, contractStartDate: null, createdAt: '', updatedAt: '', revenueModels: [], stakeholderCount: 0, latestMetricMonth: null, ownerId: null, ownerName: null };

describe('wizard pre-fill', () => {
  it('reads how a stream pays from its model and terms, and says unknown where the terms do not tell', () => {
    expect(howPaidOf(stream({ revenueModel: 'cpt_rpm', terms: { variant: 'revenue_share' } }))).toBe('cpt_revenue_share');
    expect(howPaidOf(stream({ revenueModel: 'pmpm_pepm', terms: { unit: 'employee' } }))).toBe('per_employee_per_month');
    expect(howPaidOf(stream({ revenueModel: 'pmpm_pepm', terms: { unit: 'employee', enrollmentBased: true } }))).toBe('per_enrolled_member');
    expect(howPaidOf(stream({ revenueModel: 'value_based', terms: { performanceComponent: { mechanism: 'withheld_until_validated' } } }))).toBe('withheld_performance_component');
    expect(howPaidOf(stream({ revenueModel: 'value_based', terms: {} }))).toBe('unknown');
    expect(howPaidOf(stream({ revenueModel: 'hybrid', terms: { structure: 'annual_minimum_case_rate_pepm' } }))).toBe('annual_minimum');
  });

  it('answers a stream with its own id, name, environment and contract length', () => {
    const answer = answerFromStream(stream({ id: 'x', name: 'PEPM', paymentEnvironment: 'self_insured_employer', startDate: '2026-01-01', endDate: '2027-12-31' }));
    expect(answer).toMatchObject({ id: 'x', label: 'PEPM', model: 'pmpm_pepm', paymentEnvironments: ['self_insured_employer'], contractTerms: { termMonths: 24 } });
  });

  it('fills orientation and path from the rules and follows later answers until the CSM chooses', () => {
    const fresh = freshAnswers(account, [stream({ terms: { unit: 'employee' } })]);
    const none = { orientation: {}, path: {} };
    expect(applySuggestions(fresh, none).streams[0]).toMatchObject({ orientation: 'reducing_costs', pathToRevenue: 'at_renewal' });

    // A CSM's "don't know" survives an environment change; an untouched stream follows it.
    const chosen = { orientation: { s1: true as const }, path: {} };
    const answered = applySuggestions({ ...fresh, streams: [{ ...fresh.streams[0]!, orientation: 'unknown' }] }, chosen);
    expect(applySuggestions({ ...answered, paymentEnvironments: ['pharma'] }, chosen).streams[0]!.orientation).toBe('unknown');
    expect(chosenFromSaved(answered)).toEqual({ orientation: { s1: true }, path: {} });
  });

  it('starts conflicting incentives at yes only for a stream recorded as hybrid', () => {
    expect(freshAnswers(account, [stream({})]).conflictingIncentives.answer).toBe('unknown');
    expect(freshAnswers(account, [stream({ revenueModel: 'hybrid' })]).conflictingIncentives.answer).toBe('yes');
  });

  it('keeps answers for kept streams, drops removed ones, and answers a re-modelled stream afresh', () => {
    const answers = identificationAnswersSchema.parse({ streams: [{ id: 's1', howPaid: 'per_member_per_month', label: 'Old' }, { id: 'gone', howPaid: 'shared_savings' }] });
    const aligned = alignWithStreams(answers, [stream({ name: 'New' }), stream({ id: 's2', revenueModel: 'saas_license' })], { s1: 'pmpm_pepm' });
    expect(aligned.streams.map((s) => [s.id, s.label, s.howPaid])).toEqual([
      ['s1', 'New', 'per_member_per_month'],
      ['s2', 'Stream', 'platform_subscription'],
    ]);
    const remodelled = alignWithStreams(answers, [stream({ revenueModel: 'cpt_rpm' })], { s1: 'pmpm_pepm' });
    expect(remodelled.streams[0]!.howPaid).toBe('cpt_billing');
  });
});

describe('contract-term drafts', () => {
  it('round-trips outcomes terms, keeping unknown terms absent rather than zero', () => {
    const terms = { structure: 'shared_savings', measurementPeriodMonths: 24, targets: [{ metric: 'A1c', targetPct: 70 }], performanceComponent: { mechanism: 'withheld_until_validated' }, engagementFee: { amountCents: 450 } };
    const draft = termsToDraft('value_based', terms);
    expect(draft.fields['engagementFee.amountCents']).toBe('4.5');
    expect(draft.fields.atRiskAmountUsd).toBe('');
    expect(draftToTerms('value_based', draft)).toEqual(terms);
  });
});

describe('status helpers', () => {
  it('flags a sponsor or budget holder quiet for 90+ days or never engaged, and nobody else', () => {
    expect(engagementStatus({ lastEngagedOn: '2026-01-01', isExecutiveSponsor: true, isBudgetHolder: false }, '2026-04-01').flagged).toBe(true);
    expect(engagementStatus({ lastEngagedOn: '2026-01-02', isExecutiveSponsor: true, isBudgetHolder: false }, '2026-04-01').flagged).toBe(false);
    expect(engagementStatus({ lastEngagedOn: null, isExecutiveSponsor: false, isBudgetHolder: true }, '2026-04-01')).toEqual({ daysSince: null, flagged: true });
    expect(engagementStatus({ lastEngagedOn: null, isExecutiveSponsor: false, isBudgetHolder: false }, '2026-04-01').flagged).toBe(false);
  });

  it('reads goals in either direction and never treats a missing number as zero', () => {
    expect(goalStatus({ baseline: 0, target: 15, current: null, dueDate: null }, '2026-01-01').key).toBe('not_measured');
    expect(goalStatus({ baseline: 20, target: 10, current: 9, dueDate: null }, '2026-01-01').key).toBe('met');
    expect(goalStatus({ baseline: 0, target: 10, current: 5, dueDate: '2025-12-31' }, '2026-01-01')).toMatchObject({ key: 'missed', progress: 0.5 });
    expect(goalStatus({ baseline: 10, target: 20, current: 8, dueDate: null }, '2026-01-01').key).toBe('moving_away');
  });

  it('describes the runway of each path with the dates that matter', () => {
    expect(describeRunway({ path: 'at_renewal', today: '2026-01-01', renewalDate: '2026-12-01' })).toContain(`by ${formatCalendarDate('2026-09-02')}`);
    expect(describeRunway({ path: 'at_renewal', today: '2026-01-01', renewalDate: null })).toContain('renewal date is unknown');
    expect(describeRunway({ path: 'measurement_period_18_24_months', today: '2026-01-01', renewalDate: null, measurement: { periodMonths: 24, claimsRunoutMonths: 6, startDate: '2026-01-01' } })).toContain(
      `settles around ${formatCalendarDate('2028-07-01')}`,
    );
  });
});
