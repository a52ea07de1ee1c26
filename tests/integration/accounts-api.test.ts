import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertAccount } from '../../src/main/storage/db/repositories/accounts-repository';
import { openTempBackend } from '../support/temp-backend';
import { TEST_DIALECTS } from '../support/test-dialects';

describe.each(TEST_DIALECTS)('accounts API (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  beforeEach(async () => (ctx = await openTempBackend({ dialect })));
  afterEach(async () => ctx.cleanup());

  const create = (name: string, extra: Record<string, unknown> = {}) =>
    ctx.backend.client.call('accounts.create', { name, customerSegment: 'physician_practice', buyerType: 'provider', ...extra });

  it('creates an account, trimming the name and keeping unknown dates as null', async () => {
    const account = await create('  Oak Family Medicine  ');
    expect(account).toMatchObject({ name: 'Oak Family Medicine', renewalDate: null, contractStartDate: null, notes: '' });
    const stored = await ctx.backend.workspace.db.selectFrom('accounts').select(['name', 'renewalDate']).execute();
    expect(stored).toEqual([{ name: 'Oak Family Medicine', renewalDate: null }]);
  });

  it('holds names unique ignoring case in the database itself, for writers that skip the handler', async () => {
    const row = { customerSegment: 'physician_practice', buyerType: 'provider', notes: '', renewalDate: null, contractStartDate: null, createdAt: 'x', updatedAt: 'x', deletedAt: null };
    await insertAccount(ctx.backend.workspace.db, { ...row, id: 'a', name: 'Oak Family Medicine' });
    await expect(insertAccount(ctx.backend.workspace.db, { ...row, id: 'b', name: 'OAK FAMILY MEDICINE' })).rejects.toThrow(/unique/i);
    // A deleted account's name is free again.
    await ctx.backend.workspace.db.updateTable('accounts').set({ deletedAt: 'x' }).where('id', '=', 'a').execute();
    await insertAccount(ctx.backend.workspace.db, { ...row, id: 'b', name: 'OAK FAMILY MEDICINE' });
  });

  it('refuses a second account with the same name in any case, with a conflict on the name field', async () => {
    await create('Oak Family Medicine');
    await expect(create('OAK family medicine')).rejects.toMatchObject({ code: 'conflict', details: { field: 'name' } });
  });

  it('rejects impossible dates and empty names without writing anything', async () => {
    await expect(create('X', { renewalDate: '2026-02-30' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(create('   ')).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await ctx.backend.client.call('accounts.list', {})).toEqual([]);
  });

  it('searches by name and notes and sorts with unknown renewal dates last', async () => {
    await create('Birch Clinic', { renewalDate: '2027-03-01' });
    await create('Aspen Health', { renewalDate: null, notes: 'heart failure program' });
    await create('Cedar Practice', { renewalDate: '2026-12-01' });
    const byRenewal = await ctx.backend.client.call('accounts.list', { sortBy: 'renewalDate' });
    expect(byRenewal.map((a) => a.name)).toEqual(['Cedar Practice', 'Birch Clinic', 'Aspen Health']);
    const desc = await ctx.backend.client.call('accounts.list', { sortBy: 'renewalDate', direction: 'desc' });
    expect(desc.map((a) => a.name)).toEqual(['Birch Clinic', 'Cedar Practice', 'Aspen Health']);
    expect((await ctx.backend.client.call('accounts.list', { search: 'HEART' })).map((a) => a.name)).toEqual(['Aspen Health']);
    expect(await ctx.backend.client.call('accounts.list', { search: '100%_' })).toEqual([]);
  });

  it('with a limit, lists the first accounts of the same order, with the same aggregates, and refuses a limit below one', async () => {
    for (const [name, renewalDate] of [['Elm Care', '2027-05-01'], ['birch Clinic', null], ['Aspen Health', '2026-12-01'], ['Cedar Practice', '2027-01-15']] as const) {
      const account = await create(name, { renewalDate });
      await ctx.backend.client.call('stakeholders.create', { accountId: account.id, archetype: 'health_plan_cfo_actuary', personName: `${name} sponsor` });
    }
    for (const query of [{}, { sortBy: 'renewalDate' as const, direction: 'desc' as const }, { search: 'a' }]) {
      const all = await ctx.backend.client.call('accounts.list', query);
      expect(await ctx.backend.client.call('accounts.list', { ...query, limit: 2 })).toEqual(all.slice(0, 2));
      expect(await ctx.backend.client.call('accounts.list', { ...query, limit: 10 })).toEqual(all);
    }
    expect((await ctx.backend.client.call('accounts.list', { limit: 2 })).map((a) => [a.name, a.stakeholderCount])).toEqual([
      ['Aspen Health', 1],
      ['birch Clinic', 1],
    ]);
    await expect(ctx.backend.client.call('accounts.list', { limit: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('updates only the fields given', async () => {
    const account = await create('Birch Clinic', { notes: 'keep me' });
    const updated = await ctx.backend.client.call('accounts.update', { id: account.id, patch: { renewalDate: '2027-01-31' } });
    expect(updated).toMatchObject({ name: 'Birch Clinic', notes: 'keep me', renewalDate: '2027-01-31' });
  });

  it('deletes into the trash and restores everything on undo', async () => {
    const account = await create('Birch Clinic');
    expect(await ctx.backend.client.call('accounts.delete', { id: account.id })).toEqual({ id: account.id, name: 'Birch Clinic' });
    expect(await ctx.backend.client.call('accounts.list', {})).toEqual([]);
    await expect(ctx.backend.client.call('accounts.get', { id: account.id })).rejects.toMatchObject({ code: 'not_found' });
    const restored = await ctx.backend.client.call('accounts.restore', { id: account.id });
    expect(restored.name).toBe('Birch Clinic');
    expect((await ctx.backend.client.call('accounts.list', {})).map((a) => a.id)).toEqual([account.id]);
  });

  it('will not restore over a live account that took the same name meanwhile', async () => {
    const first = await create('Birch Clinic');
    await ctx.backend.client.call('accounts.delete', { id: first.id });
    await create('Birch Clinic');
    await expect(ctx.backend.client.call('accounts.restore', { id: first.id })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('reports first run until the onboarding choice is made', async () => {
    expect((await ctx.backend.client.call('app.info', {})).isFirstRun).toBe(true);
    expect(await ctx.backend.client.call('app.completeOnboarding', { choice: 'empty' })).toEqual({ demo: null });
    expect((await ctx.backend.client.call('app.info', {})).isFirstRun).toBe(false);
  });

  it('keeps settings with defaults and rejects out-of-range values', async () => {
    expect(await ctx.backend.client.call('settings.get', {})).toMatchObject({ backupsToKeep: 10, csmName: '' });
    expect(await ctx.backend.client.call('settings.update', { csmName: 'Jordan Lee' })).toMatchObject({ csmName: 'Jordan Lee', backupsToKeep: 10 });
    await expect(ctx.backend.client.call('settings.update', { backupsToKeep: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
