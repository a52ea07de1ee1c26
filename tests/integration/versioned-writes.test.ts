import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../src/main/api/backend';
import { nextRowVersion } from '../../src/main/storage/db/row-version';
import { FIXED_NOW, openTempBackend, sequentialIds } from '../support/temp-backend';
import { TEST_DIALECTS } from '../support/test-dialects';

/*
 * Two people with the same workspace open (a team database, or a file the app and the CLI share):
 * a write carries the version of the row it was made on, and a write over a newer version is
 * refused with a conflict that says who changed what — never a silent overwrite.
 */

describe.each(TEST_DIALECTS)('versioned account writes between two clients (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  let ana: Backend;
  let ben: Backend;
  beforeEach(async () => {
    ctx = await openTempBackend({ dialect, backend: { actor: 'ana' } });
    ana = ctx.backend;
    ben = await openBackend({ workspacePath: ctx.workspacePath, transport: 'direct', now: () => FIXED_NOW, newId: sequentialIds('ben'), log: () => {}, actor: 'ben' });
  });
  afterEach(async () => {
    await ben.close();
    await ctx.cleanup();
  });

  const create = () => ana.client.call('accounts.create', { name: 'Oak Family Medicine', customerSegment: 'physician_practice', buyerType: 'provider' });

  it('refuses a write made on a version someone else has since changed, naming who changed what; nothing of it is saved', async () => {
    const opened = await create();
    const seenByBen = await ben.client.call('accounts.get', { id: opened.id });
    await ana.client.call('accounts.update', { id: opened.id, patch: { renewalDate: '2027-03-31', notes: 'renewal call booked' }, expectedUpdatedAt: opened.updatedAt });
    const refused = ben.client.call('accounts.update', { id: opened.id, patch: { notes: 'ben was here' }, expectedUpdatedAt: seenByBen.updatedAt });
    await expect(refused).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'stale_version', changes: [{ actor: 'ana', method: 'accounts.update', fields: ['notes', 'renewalDate'] }] },
    });
    await expect(refused).rejects.toThrow(/changed by ana .*\(notes, renewal date\).*Nothing was saved/);
    expect(await ben.client.call('accounts.get', { id: opened.id })).toMatchObject({ notes: 'renewal call booked', renewalDate: '2027-03-31' });
  });

  it('gives every write a new version, even two in the same millisecond, so the second stale write is caught', async () => {
    const opened = await create();
    // The clock is fixed: both writes happen "at the same time".
    const first = await ana.client.call('accounts.update', { id: opened.id, patch: { notes: 'a' }, expectedUpdatedAt: opened.updatedAt });
    expect(first.updatedAt).toBe(nextRowVersion(FIXED_NOW, opened.updatedAt));
    expect(first.updatedAt > opened.updatedAt).toBe(true);
    await expect(ben.client.call('accounts.update', { id: opened.id, patch: { notes: 'b' }, expectedUpdatedAt: opened.updatedAt })).rejects.toMatchObject({ code: 'conflict' });
    await expect(ben.client.call('accounts.delete', { id: opened.id, expectedUpdatedAt: opened.updatedAt })).rejects.toMatchObject({ code: 'conflict' });
    expect((await ben.client.call('accounts.update', { id: opened.id, patch: { notes: 'b' }, expectedUpdatedAt: first.updatedAt })).notes).toBe('b');
  });

  it('records every account write in the audit log, in the same transaction as the write', async () => {
    const opened = await create();
    const updated = await ana.client.call('accounts.update', { id: opened.id, patch: { notes: 'x' } });
    await ben.client.call('accounts.delete', { id: opened.id, expectedUpdatedAt: updated.updatedAt });
    const log = await ana.workspace.db.selectFrom('auditLog').select(['actor', 'method', 'rowId', 'fieldsJson']).orderBy('rowVersion').execute();
    expect(log).toEqual([
      { actor: 'ana', method: 'accounts.create', rowId: opened.id, fieldsJson: JSON.stringify(['name', 'customerSegment', 'buyerType', 'notes', 'renewalDate', 'contractStartDate']) },
      { actor: 'ana', method: 'accounts.update', rowId: opened.id, fieldsJson: '["notes"]' },
      { actor: 'ben', method: 'accounts.delete', rowId: opened.id, fieldsJson: '["deletedAt"]' },
    ]);
  });
});

describe.skipIf(!TEST_DIALECTS.includes('postgres'))('two clients saving the same account at the same moment (postgres)', () => {
  it('lets exactly one save through and refuses the other with a conflict, again and again', async () => {
    const ctx = await openTempBackend({ dialect: 'postgres', backend: { actor: 'ana', now: () => new Date() } });
    const ben = await openBackend({ workspacePath: ctx.workspacePath, transport: 'direct', log: () => {}, actor: 'ben' });
    try {
      const account = await ctx.backend.client.call('accounts.create', { name: 'Birch Clinic', customerSegment: 'physician_practice', buyerType: 'provider' });
      let version = account.updatedAt;
      for (let round = 0; round < 10; round++) {
        const results = await Promise.allSettled([
          ctx.backend.client.call('accounts.update', { id: account.id, patch: { notes: `ana ${round}` }, expectedUpdatedAt: version }),
          ben.client.call('accounts.update', { id: account.id, patch: { notes: `ben ${round}` }, expectedUpdatedAt: version }),
        ]);
        const saved = results.filter((r) => r.status === 'fulfilled');
        const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(saved).toHaveLength(1);
        expect(refused.map((r) => (r.reason as { code: string }).code)).toEqual(['conflict']);
        const winner = (saved[0] as PromiseFulfilledResult<{ notes: string; updatedAt: string }>).value;
        expect((await ben.client.call('accounts.get', { id: account.id })).notes).toBe(winner.notes);
        version = winner.updatedAt;
      }
    } finally {
      await ben.close();
      await ctx.cleanup();
    }
  });
});
