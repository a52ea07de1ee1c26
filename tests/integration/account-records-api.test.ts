import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempBackend } from '../support/temp-backend';
import { TEST_DIALECTS } from '../support/test-dialects';

describe.each(TEST_DIALECTS)('revenue streams, stakeholders and goals API (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  let accountId: string;
  beforeEach(async () => {
    ctx = await openTempBackend({ dialect });
    accountId = (await ctx.backend.client.call('accounts.create', { name: 'Meridian', customerSegment: 'health_plan', buyerType: 'payer' })).id;
  });
  afterEach(async () => ctx.cleanup());
  const call = <M extends Parameters<typeof ctx.backend.client.call>[0]>(method: M, input: Parameters<typeof ctx.backend.client.call<M>>[1]) =>
    ctx.backend.client.call(method, input);

  it('stores a stream with terms validated for its model, and rejects terms of another model', async () => {
    const stream = await call('streams.create', {
      accountId,
      name: 'PMPM base',
      revenueModel: 'pmpm_pepm',
      paymentEnvironment: 'commercial_insurance',
      terms: { unit: 'member', ratePerMonthUsd: 0.9, eligiblePopulation: 60000, enrollmentBased: false },
    });
    expect(stream).toMatchObject({ revenueModel: 'pmpm_pepm', terms: { eligiblePopulation: 60000 }, startDate: null });
    await expect(
      call('streams.create', { accountId, name: 'Bad', revenueModel: 'pmpm_pepm', terms: { licensedSeats: 10 } as never }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      call('streams.create', { accountId, name: 'Bad', revenueModel: 'value_based', terms: { targets: [{ metric: 'x', targetPct: 140 }] } }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await call('streams.list', { accountId })).map((s) => s.name)).toEqual(['PMPM base']);
  });

  it('changes model and terms together, and deleting a stream removes its observations', async () => {
    const stream = await call('streams.create', { accountId, name: 'Bonus', revenueModel: 'value_based', terms: {} });
    const changed = await call('streams.update', {
      id: stream.id,
      patch: { modelAndTerms: { revenueModel: 'hybrid', terms: { structure: 'pmpm_plus_shared_savings' } }, paymentEnvironment: 'medicare_advantage' },
    });
    expect(changed).toMatchObject({ revenueModel: 'hybrid', paymentEnvironment: 'medicare_advantage', terms: { structure: 'pmpm_plus_shared_savings' } });
    await ctx.backend.workspace.db
      .insertInto('metricObservations')
      .values({ accountId, streamId: stream.id, metricKey: 'hybrid_activated_users', month: '2026-09', value: 10, source: 'test', updatedAt: 'x' })
      .execute();
    expect(await call('streams.delete', { id: stream.id })).toEqual({ id: stream.id, name: 'Bonus', observationsDeleted: 1 });
    expect(await call('streams.list', { accountId })).toEqual([]);
  });

  it('maps people to archetypes, keeping unknown engagement dates unknown', async () => {
    const person = await call('stakeholders.create', { accountId, archetype: 'health_plan_cfo_actuary', personName: 'Jonah Weiss', isBudgetHolder: true });
    expect(person).toMatchObject({ archetype: 'health_plan_cfo_actuary', lastEngagedOn: null, isBudgetHolder: true, isExecutiveSponsor: false });
    await expect(call('stakeholders.create', { accountId, archetype: 'wizard' as never, personName: 'X' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('stakeholders.create', { accountId, archetype: 'buyer_cfo', personName: 'X', email: 'not-an-email' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const updated = await call('stakeholders.update', { id: person.id, patch: { lastEngagedOn: '2026-10-01', isExecutiveSponsor: true } });
    expect(updated).toMatchObject({ lastEngagedOn: '2026-10-01', isExecutiveSponsor: true, isBudgetHolder: true });
    expect(await call('stakeholders.delete', { id: person.id })).toMatchObject({ personName: 'Jonah Weiss' });
    expect(await call('stakeholders.list', { accountId })).toEqual([]);
  });

  it('keeps goal numbers null until known and refuses a stream of another account', async () => {
    const goal = await call('goals.create', { accountId, title: 'Engagement rate to 20%', unit: '%', target: 20 });
    expect(goal).toMatchObject({ baseline: null, target: 20, current: null });
    const other = (await call('accounts.create', { name: 'Other', customerSegment: 'employer', buyerType: 'employer' })).id;
    const foreignStream = await call('streams.create', { accountId: other, name: 'PEPM', revenueModel: 'pmpm_pepm', terms: {} });
    await expect(call('goals.update', { id: goal.id, patch: { streamId: foreignStream.id } })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await call('goals.update', { id: goal.id, patch: { current: 14.5 } })).toMatchObject({ current: 14.5, target: 20 });
  });

  it('hides the records of a deleted account until it is restored', async () => {
    await call('stakeholders.create', { accountId, archetype: 'buyer_cfo', personName: 'Tom' });
    await call('accounts.delete', { id: accountId });
    await expect(call('stakeholders.list', { accountId })).rejects.toMatchObject({ code: 'not_found' });
    await call('accounts.restore', { id: accountId });
    expect(await call('stakeholders.list', { accountId })).toHaveLength(1);
  });
});
