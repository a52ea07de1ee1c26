import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../src/main/api/backend';
import { checkWriteAllowed } from '../../src/main/api/write-guard';
import { WRITE_TARGETS, writeTargetOf } from '../../src/main/api/write-targets';
import { apiContract, API_METHOD_NAMES, type ApiMethodName } from '../../src/shared/api/contract';
import { READ_ONLY_METHODS } from '../../src/shared/api/read-only-methods';
import { seedFor } from '../support/contract-seeds';
import { FIXED_NOW, openTempBackend, sequentialIds } from '../support/temp-backend';
import { TEST_DIALECTS } from '../support/test-dialects';

/*
 * Team semantics (issue 17): everyone reads the whole book; an account and all its rows are
 * written only by its owner or a manager; an unowned account by anyone; a workspace with no users
 * checks nothing. One guard (write-guard.ts) decides, from each method's write target.
 */

const OAK = { name: 'Oak Family Medicine', customerSegment: 'physician_practice', buyerType: 'provider' } as const;
const BIRCH = { name: 'Birch Clinic', customerSegment: 'physician_practice', buyerType: 'provider' } as const;

describe.each(TEST_DIALECTS)('owners, managers and the write guard (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  let ana: Backend;
  let ben: Backend;
  let mia: Backend;
  const opened: Backend[] = [];
  const as = async (actor: string) => {
    const backend = await openBackend({ workspacePath: ctx.workspacePath, transport: 'direct', now: () => FIXED_NOW, newId: sequentialIds(actor), log: () => {}, actor });
    opened.push(backend);
    return backend;
  };

  beforeEach(async () => {
    ctx = await openTempBackend({ dialect, backend: { actor: 'Ana', newId: sequentialIds('ana') } });
    ana = ctx.backend;
    ben = await as('Ben');
    mia = await as('Mia');
  });
  afterEach(async () => {
    for (const backend of opened.splice(0)) await backend.close();
    await ctx.cleanup();
  });

  /** Mia (manager), Ana and Ben (CSMs); Oak is Ana's with a stream, stakeholder, goal and commitment; Birch predates the users. */
  async function team() {
    const birch = await ana.client.call('accounts.create', BIRCH);
    await mia.client.call('users.add', { name: 'Mia', role: 'manager' });
    const anaUser = await mia.client.call('users.add', { name: 'Ana', role: 'csm' });
    const benUser = await mia.client.call('users.add', { name: 'Ben' });
    const oak = await ana.client.call('accounts.create', OAK);
    const stream = await ana.client.call('streams.create', { accountId: oak.id, name: 'Bonus', revenueModel: 'value_based', terms: {} });
    const stakeholder = await ana.client.call('stakeholders.create', { accountId: oak.id, archetype: 'health_plan_cfo_actuary', personName: 'Dana Ruiz' });
    const goal = await ana.client.call('goals.create', { accountId: oak.id, title: 'Enroll 200 patients' });
    const commitment = await ana.client.call('commitments.create', { accountId: oak.id, kind: 'action', text: 'Send the claims extract', ownerSide: 'ours', quarterRaised: '2026Q4' } as never);
    return { birch, oak, stream, stakeholder, goal, commitment, anaUser, benUser };
  }

  /** Everything a refused call must leave as it was. */
  async function snapshot() {
    const db = ana.workspace.db;
    const count = async (table: 'accounts' | 'revenueStreams' | 'stakeholders' | 'goals' | 'commitments' | 'auditLog' | 'users' | 'accountOwners' | 'settings' | 'deckDrafts' | 'assessments' | 'metricObservations' | 'decks') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const tables = ['accounts', 'revenueStreams', 'stakeholders', 'goals', 'commitments', 'auditLog', 'users', 'accountOwners', 'settings', 'deckDrafts', 'assessments', 'metricObservations', 'decks'] as const;
    const counts = await Promise.all(tables.map(count));
    const versions = await db.selectFrom('accounts').select(['id', 'updatedAt', 'notes', 'deletedAt']).orderBy('id').execute();
    const children = await db.selectFrom('stakeholders').select(['id', 'updatedAt', 'title']).orderBy('id').execute();
    return JSON.stringify({ counts, versions, children });
  }

  it('lets the owner and a manager write an account, and refuses anyone else with a message naming the account, its owner and who tried; nothing changes', async () => {
    const { oak } = await team();
    const before = await snapshot();
    const refused = ben.client.call('accounts.update', { id: oak.id, patch: { notes: 'ben was here' } });
    await expect(refused).rejects.toMatchObject({
      code: 'not_owner',
      details: { accountId: oak.id, accountName: 'Oak Family Medicine', ownerName: 'Ana', actor: 'Ben', method: 'accounts.update' },
    });
    await expect(refused).rejects.toThrow('"Oak Family Medicine" is owned by Ana: only Ana or a manager can change it, and you are Ben (a CSM). Nothing was saved.');
    expect(await snapshot()).toBe(before);

    expect((await ana.client.call('accounts.update', { id: oak.id, patch: { notes: 'owner' } })).notes).toBe('owner');
    expect((await mia.client.call('accounts.update', { id: oak.id, patch: { notes: 'manager' } })).notes).toBe('manager');
    // Everyone reads the whole book.
    expect((await ben.client.call('accounts.get', { id: oak.id })).ownerName).toBe('Ana');
    expect(await ben.client.call('stakeholders.list', { accountId: oak.id })).toHaveLength(1);
  });

  it('refuses a non-owner every writing method of an owned account and its rows, managers-only methods to a CSM, through the one guard; nothing changes', async () => {
    const { oak, stream, stakeholder, goal, commitment } = await team();
    const rowIds = { revenueStreams: stream.id, stakeholders: stakeholder.id, goals: goal.id, commitments: commitment.id };
    const ids = { accountIds: [oak.id], streamIds: [stream.id], stakeholderIds: [stakeholder.id], goalIds: [goal.id] };
    const classes = new Set<string>();
    for (const method of API_METHOD_NAMES.filter((m) => WRITE_TARGETS[m] !== 'read')) {
      const input = seedFor(apiContract[method].input, ids) as Record<string, unknown>;
      if (method === 'import.start') input.accountId = oak.id;
      // Paths the schemas want absolute (the seeds cannot know).
      for (const key of Object.keys(input)) {
        if (key === 'filePath') input[key] = path.join(ctx.dir, method === 'decks.export' ? 'x.pptx' : 'x.json');
        if (key === 'backupPath') input[key] = path.join(ctx.dir, 'backup.sqlite');
        if (key === 'path') input[key] = path.join(ctx.dir, 'x.json');
        if (key === 'outDir') input[key] = ctx.dir;
        if (key === 'audience' && Array.isArray(input[key])) input[key] = ['health_plan_cfo_actuary'];
      }
      let target = writeTargetOf(method, input);
      if (typeof target === 'object' && 'row' in target) {
        input.id = rowIds[target.row.table];
        target = writeTargetOf(method, input);
      }
      const kind = typeof target === 'string' ? target : Object.keys(target)[0]!;
      classes.add(typeof target === 'object' && 'row' in target ? `row:${target.row.table}` : kind);
      if (kind === 'open' || kind === 'new-account') {
        // Writes of no account: the guard lets anyone through (the handler may still refuse for its own reasons).
        await expect(checkWriteAllowed(ben.workspace.db, 'Ben', method, target)).resolves.not.toThrow();
        continue;
      }
      const before = await snapshot();
      const result = await ben.dispatch(method, input);
      expect(result.ok, method).toBe(false);
      const expected = kind === 'account' || kind === 'row' ? 'not_owner' : 'forbidden';
      expect(result.ok ? null : result.error.code, `${method}: ${result.ok ? '' : result.error.message}`).toBe(expected);
      expect(await snapshot(), `${method} changed something`).toBe(before);
      // A manager passes the same guard.
      await expect(checkWriteAllowed(mia.workspace.db, 'Mia', method, target)).resolves.not.toThrow();
    }
    expect([...classes].sort()).toEqual(['account', 'book', 'new-account', 'open', 'row:commitments', 'row:goals', 'row:revenueStreams', 'row:stakeholders', 'users']);
  });

  it('lets anyone write an account without an owner, makes a user who creates an account its owner, and hands an account over with setOwner', async () => {
    const { birch, oak, benUser, anaUser } = await team();
    expect((await ben.client.call('accounts.update', { id: birch.id, patch: { notes: 'anyone may' } })).notes).toBe('anyone may');
    const bens = await ben.client.call('accounts.create', { ...OAK, name: 'Cedar Health' });
    expect(await ben.client.call('accounts.get', { id: bens.id })).toMatchObject({ ownerId: benUser.id, ownerName: 'Ben' });
    await expect(ana.client.call('accounts.update', { id: bens.id, patch: { notes: 'x' } })).rejects.toMatchObject({ code: 'not_owner' });

    // A non-owner cannot take an account; its owner can hand it over.
    await expect(ben.client.call('accounts.setOwner', { id: oak.id, ownerId: benUser.id })).rejects.toMatchObject({ code: 'not_owner' });
    expect(await ana.client.call('accounts.setOwner', { id: oak.id, ownerId: benUser.id })).toMatchObject({ ownerId: benUser.id, ownerName: 'Ben' });
    await expect(ana.client.call('accounts.update', { id: oak.id, patch: { notes: 'x' } })).rejects.toMatchObject({ code: 'not_owner', details: { ownerName: 'Ben' } });
    expect((await ben.client.call('accounts.update', { id: oak.id, patch: { notes: 'now mine' } })).notes).toBe('now mine');
    await expect(mia.client.call('accounts.setOwner', { id: oak.id, ownerId: 'nobody' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await mia.client.call('accounts.setOwner', { id: oak.id, ownerId: anaUser.id })).toMatchObject({ ownerName: 'Ana' });
  });

  it('treats a name that is no user of the workspace as nobody in particular: unowned accounts only, said so in the refusal', async () => {
    const { birch, oak } = await team();
    const root = await as('root');
    expect((await root.client.call('users.current', {})).user).toBeNull();
    expect((await root.client.call('accounts.update', { id: birch.id, patch: { notes: 'fine' } })).notes).toBe('fine');
    await expect(root.client.call('goals.create', { accountId: oak.id, title: 'x' } as never)).rejects.toThrow('you are "root", who is not a user of this workspace');
    const created = await root.client.call('accounts.create', { ...OAK, name: 'Elm Clinic' });
    expect((await root.client.call('accounts.get', { id: created.id })).ownerId).toBeNull();
  });

  it('keeps user names unique ignoring case, lets only a manager change the list once there is one, and follows a renamed user', async () => {
    await team();
    await expect(mia.client.call('users.add', { name: 'ANA' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(ben.client.call('users.add', { name: 'Zoe' })).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'manager_only' } });
    const users = await ben.client.call('users.list', {});
    expect(users.map((u) => `${u.name}:${u.role}`)).toEqual(['Ana:csm', 'Ben:csm', 'Mia:manager']);
    const benUser = users.find((u) => u.name === 'Ben')!;
    await mia.client.call('users.rename', { id: benUser.id, name: 'Benjamin' });
    // Another session acting as "Ben" is now nobody in particular until it chooses again.
    expect((await ben.client.call('users.current', {})).user).toBeNull();
    await ben.client.call('users.choose', { userId: benUser.id });
    expect(await ben.client.call('users.current', {})).toMatchObject({ actor: 'Benjamin', user: { id: benUser.id }, enforced: true });
  });

  it('chooses who you are for the session: later writes are checked and recorded as that user', async () => {
    const { oak, benUser } = await team();
    const me = await ana.client.call('users.choose', { userId: benUser.id });
    expect(me).toMatchObject({ actor: 'Ben', user: { name: 'Ben', role: 'csm' }, enforced: true });
    await expect(ana.client.call('accounts.update', { id: oak.id, patch: { notes: 'as ben' } })).rejects.toMatchObject({ code: 'not_owner', details: { actor: 'Ben' } });
    await expect(ana.client.call('users.choose', { userId: 'nobody' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe.each(TEST_DIALECTS)('a workspace with no users (%s)', (dialect) => {
  it('checks nothing: anyone writes every account, as on a solo laptop', async () => {
    const ctx = await openTempBackend({ dialect, backend: { actor: 'Ana' } });
    const ben = await openBackend({ workspacePath: ctx.workspacePath, transport: 'direct', now: () => FIXED_NOW, newId: sequentialIds('ben'), log: () => {}, actor: 'Ben' });
    try {
      const oak = await ctx.backend.client.call('accounts.create', OAK);
      expect(oak).toMatchObject({ name: OAK.name });
      expect(await ben.client.call('users.current', {})).toEqual({ actor: 'Ben', user: null, enforced: false });
      expect((await ben.client.call('accounts.update', { id: oak.id, patch: { notes: 'ben' } })).notes).toBe('ben');
      expect((await ben.client.call('accounts.get', { id: oak.id })).ownerId).toBeNull();
      for (const method of API_METHOD_NAMES) {
        const target = writeTargetOf(method, { id: oak.id, accountId: oak.id });
        await expect(checkWriteAllowed(ben.workspace.db, 'Ben', method, target)).resolves.not.toThrow();
      }
    } finally {
      await ben.close();
      await ctx.cleanup();
    }
  });
});

describe('the write classification', () => {
  it('classifies every method, and no read-only method writes an account (job starters aside: their jobs write)', () => {
    const jobStarters = new Set<ApiMethodName>(['import.start', 'decks.exportPortfolio', 'workspace.restoreBackup']);
    for (const method of API_METHOD_NAMES) {
      expect(WRITE_TARGETS[method], method).toBeDefined();
      if (READ_ONLY_METHODS.has(method) && !jobStarters.has(method)) {
        const target = writeTargetOf(method, { id: 'a', accountId: 'a' });
        expect(['read', 'open'], method).toContain(typeof target === 'string' ? target : 'account');
      }
    }
  });
});
