import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../src/main/api/backend';
import { FIXED_NOW, openTempBackend, sequentialIds } from '../support/temp-backend';
import { TEST_DIALECTS } from '../support/test-dialects';

/*
 * Every row the app edits in a form carries its version, like accounts: streams, stakeholders,
 * goals and commitments are written at the version the form was opened on, a stale write is a
 * conflict listing who changed what since, and each write lands in the audit log, which the app
 * reads back through audit.list.
 */

describe.each(TEST_DIALECTS)('versioned writes of an account\'s rows, and the audit log (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  let ana: Backend;
  let ben: Backend;
  let accountId: string;
  beforeEach(async () => {
    // One clock for both clients, a second on at every reading, so the log's order is the order of the writes.
    let tick = 0;
    const now = () => new Date(FIXED_NOW.getTime() + 1000 * tick++);
    ctx = await openTempBackend({ dialect, backend: { actor: 'ana', now } });
    ana = ctx.backend;
    ben = await openBackend({ workspacePath: ctx.workspacePath, transport: 'direct', now, newId: sequentialIds('ben'), log: () => {}, actor: 'ben' });
    accountId = (await ana.client.call('accounts.create', { name: 'Oak Family Medicine', customerSegment: 'physician_practice', buyerType: 'provider' })).id;
  });
  afterEach(async () => {
    await ben.close();
    await ctx.cleanup();
  });

  it('refuses a stakeholder edit made on a version someone has since changed, naming who changed which fields; nothing of it is saved', async () => {
    const person = await ana.client.call('stakeholders.create', { accountId, archetype: 'health_plan_cfo_actuary', personName: 'Dana Ruiz' });
    const seenByBen = (await ben.client.call('stakeholders.list', { accountId }))[0]!;
    await ana.client.call('stakeholders.update', { id: person.id, patch: { title: 'CFO', email: 'dana@oak.example' }, expectedUpdatedAt: person.updatedAt });
    const refused = ben.client.call('stakeholders.update', { id: person.id, patch: { title: 'VP Finance' }, expectedUpdatedAt: seenByBen.updatedAt });
    await expect(refused).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'stale_version', changes: [{ actor: 'ana', method: 'stakeholders.update', fields: ['title', 'email'] }] },
    });
    await expect(refused).rejects.toThrow(/^The stakeholder "Dana Ruiz" was changed by someone else after you opened it: changed by ana .*\(title, email\).*Nothing was saved/);
    expect((await ben.client.call('stakeholders.list', { accountId }))[0]).toMatchObject({ title: 'CFO', email: 'dana@oak.example' });
    // A stale delete is refused too; at the current version it goes through.
    await expect(ben.client.call('stakeholders.delete', { id: person.id, expectedUpdatedAt: seenByBen.updatedAt })).rejects.toMatchObject({ code: 'conflict' });
    const current = (await ben.client.call('stakeholders.list', { accountId }))[0]!;
    await ben.client.call('stakeholders.delete', { id: person.id, expectedUpdatedAt: current.updatedAt });
    expect(await ana.client.call('stakeholders.list', { accountId })).toEqual([]);
  });

  it('versions streams, goals and commitments the same way, a stream delete keeping its metrics when refused', async () => {
    const stream = await ana.client.call('streams.create', { accountId, name: 'Bonus', revenueModel: 'value_based', terms: {} });
    const goal = await ana.client.call('goals.create', { accountId, title: 'Enroll 200 patients', target: 200 });
    const commitment = await ana.client.call('commitments.create', { accountId, kind: 'action', text: 'Send the claims extract', ownerSide: 'ours', quarterRaised: '2026Q4' });
    await ana.client.call('metrics.saveMonth', { accountId, streamId: stream.id, month: '2026-10', values: { vbc_eligible_members: 400 } });

    const newStream = await ana.client.call('streams.update', { id: stream.id, patch: { name: 'Outcomes bonus' }, expectedUpdatedAt: stream.updatedAt });
    await expect(ben.client.call('streams.update', { id: stream.id, patch: { name: 'x' }, expectedUpdatedAt: stream.updatedAt })).rejects.toThrow(/^The revenue stream "Outcomes bonus" was changed by someone else.*\(name\)/);
    const observations = async () => Number((await ana.workspace.db.selectFrom('metricObservations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const kept = await observations();
    expect(kept).toBe(1);
    await expect(ben.client.call('streams.delete', { id: stream.id, expectedUpdatedAt: stream.updatedAt })).rejects.toMatchObject({ code: 'conflict' });
    expect(await observations()).toBe(kept);
    expect((await ana.client.call('streams.list', { accountId }))[0]!.name).toBe('Outcomes bonus');
    await ben.client.call('streams.delete', { id: stream.id, expectedUpdatedAt: newStream.updatedAt });

    await ana.client.call('goals.update', { id: goal.id, patch: { target: 250 }, expectedUpdatedAt: goal.updatedAt });
    await expect(ben.client.call('goals.update', { id: goal.id, patch: { target: 10 }, expectedUpdatedAt: goal.updatedAt })).rejects.toMatchObject({ code: 'conflict', details: { changes: [{ actor: 'ana', fields: ['target'] }] } });
    await expect(ben.client.call('goals.delete', { id: goal.id, expectedUpdatedAt: goal.updatedAt })).rejects.toMatchObject({ code: 'conflict' });

    await ana.client.call('commitments.update', { id: commitment.id, patch: { status: 'done' }, expectedUpdatedAt: commitment.updatedAt });
    await expect(ben.client.call('commitments.update', { id: commitment.id, patch: { status: 'dropped' }, expectedUpdatedAt: commitment.updatedAt })).rejects.toMatchObject({ code: 'conflict' });
    expect((await ana.client.call('commitments.list', { accountId }))[0]!.status).toBe('done');
  });

  it('records each child write with its actor, account, row name and fields, and lists them by account, actor and page', async () => {
    const person = await ana.client.call('stakeholders.create', { accountId, archetype: 'health_plan_cfo_actuary', personName: 'Dana Ruiz' });
    // A form sends every field; the log lists the ones that changed.
    await ben.client.call('stakeholders.update', { id: person.id, patch: { title: 'CFO', personName: 'Dana Ruiz', archetype: 'health_plan_cfo_actuary' } });
    const goal = await ben.client.call('goals.create', { accountId, title: 'Enroll 200 patients' });
    await ana.client.call('goals.delete', { id: goal.id });
    const other = await ben.client.call('accounts.create', { name: 'Birch Clinic', customerSegment: 'physician_practice', buyerType: 'provider' });

    const all = await ana.client.call('audit.list', { accountId });
    expect(all.hasMore).toBe(false);
    expect(all.entries.map((e) => [e.actor, e.method, e.tableName, e.rowLabel, e.accountName, e.fields])).toEqual([
      ['ana', 'goals.delete', 'goals', 'Enroll 200 patients', 'Oak Family Medicine', []],
      ['ben', 'goals.create', 'goals', 'Enroll 200 patients', 'Oak Family Medicine', expect.arrayContaining(['title'])],
      ['ben', 'stakeholders.update', 'stakeholders', 'Dana Ruiz', 'Oak Family Medicine', ['title']],
      ['ana', 'stakeholders.create', 'stakeholders', 'Dana Ruiz', 'Oak Family Medicine', expect.arrayContaining(['personName', 'archetype'])],
      ['ana', 'accounts.create', 'accounts', 'Oak Family Medicine', 'Oak Family Medicine', expect.arrayContaining(['name'])],
    ]);
    const bens = await ana.client.call('audit.list', { actor: 'ben' });
    expect(bens.entries.map((e) => e.method)).toEqual(['accounts.create', 'goals.create', 'stakeholders.update']);
    expect(bens.entries[0]!.accountId).toBe(other.id);
    const page1 = await ana.client.call('audit.list', { limit: 2 });
    const page2 = await ana.client.call('audit.list', { limit: 2, offset: 2 });
    const page3 = await ana.client.call('audit.list', { limit: 2, offset: 4 });
    expect([page1.hasMore, page2.hasMore, page3.hasMore]).toEqual([true, true, false]);
    const paged = [...page1.entries, ...page2.entries, ...page3.entries].map((e) => e.id);
    expect(new Set(paged).size).toBe(6);
    expect(paged).toEqual((await ana.client.call('audit.list', {})).entries.map((e) => e.id));
  });
});

describe.skipIf(!TEST_DIALECTS.includes('postgres'))('two clients saving the same stakeholder at the same moment (postgres)', () => {
  it('lets exactly one save through and refuses the other with a conflict, again and again', async () => {
    const ctx = await openTempBackend({ dialect: 'postgres', backend: { actor: 'ana', now: () => new Date() } });
    const ben = await openBackend({ workspacePath: ctx.workspacePath, transport: 'direct', log: () => {}, actor: 'ben' });
    try {
      const account = await ctx.backend.client.call('accounts.create', { name: 'Birch Clinic', customerSegment: 'physician_practice', buyerType: 'provider' });
      const person = await ctx.backend.client.call('stakeholders.create', { accountId: account.id, archetype: 'health_plan_cfo_actuary', personName: 'Dana Ruiz' });
      let version = person.updatedAt;
      for (let round = 0; round < 10; round++) {
        const results = await Promise.allSettled([
          ctx.backend.client.call('stakeholders.update', { id: person.id, patch: { title: `ana ${round}` }, expectedUpdatedAt: version }),
          ben.client.call('stakeholders.update', { id: person.id, patch: { title: `ben ${round}` }, expectedUpdatedAt: version }),
        ]);
        const saved = results.filter((r) => r.status === 'fulfilled');
        const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(saved).toHaveLength(1);
        expect(refused).toHaveLength(1);
        expect(refused[0]!.reason).toMatchObject({ code: 'conflict' });
        const [current] = await ben.client.call('stakeholders.list', { accountId: account.id });
        expect(current!.title).toBe((saved[0] as PromiseFulfilledResult<{ title: string }>).value.title);
        version = current!.updatedAt;
      }
      const writes = await ctx.backend.client.call('audit.list', { accountId: account.id, limit: 100 });
      expect(writes.entries.filter((e) => e.method === 'stakeholders.update')).toHaveLength(10);
    } finally {
      await ben.close();
      await ctx.cleanup();
    }
  });
});
