import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../src/main/api/backend';
import { runCli } from '../../src/main/transports/cli/main';
import { FIXED_NOW, openTempBackend, sequentialIds } from '../support/temp-backend';
import { TEST_DIALECTS } from '../support/test-dialects';

/*
 * Offline laptops (issue 17, item 4): a CSM takes two accounts out of the team workspace into a
 * file, works offline while someone edits the server, and brings the changes back. Rows changed on
 * one side go through or stay; rows changed on both are conflicts, settled per row.
 */

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  return { code, stdout, stderr };
}

describe.each(TEST_DIALECTS)('take accounts offline and bring them back (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  let server: Backend;
  let laptop: Backend | null;
  let laptopPath: string;
  beforeEach(async () => {
    ctx = await openTempBackend({ dialect, backend: { actor: 'ana' } });
    server = ctx.backend;
    laptop = null;
    laptopPath = path.join(ctx.dir, 'laptop.qbr');
    await server.client.call('demo.load', {});
  });
  afterEach(async () => {
    await laptop?.close();
    await ctx.cleanup();
  });

  const openLaptop = async () => {
    laptop = await openBackend({ workspacePath: laptopPath, transport: 'direct', now: () => FIXED_NOW, newId: sequentialIds('laptop'), log: () => {}, actor: 'ana', ifMissing: 'refuse' });
    return laptop;
  };
  const closeLaptop = async () => {
    await laptop?.close();
    laptop = null;
  };

  /** Takes out the first two accounts; ben edits the server and ana the laptop, as in the story. */
  async function roundTrip() {
    const [a, b, c] = await server.client.call('accounts.list', {});
    const taken = await server.client.call('offline.takeOut', { accountIds: [a!.id, b!.id], path: laptopPath });
    expect(taken.origin).toMatchObject({ source: ctx.workspacePath.replace(/:[^:@/]+@/, ':***@'), takenBy: 'ana', accountIds: [a!.id, b!.id], broughtBackAt: null });
    expect(taken.counts.accounts).toBe(2);

    const local = await openLaptop();
    expect((await local.client.call('accounts.list', {})).map((x) => x.name).sort()).toEqual([a!.name, b!.name].sort());
    expect(await local.client.call('offline.origin', {})).toMatchObject({ accountIds: [a!.id, b!.id] });
    const [aPerson1, aPerson2] = await local.client.call('stakeholders.list', { accountId: a!.id });
    const [bPerson] = await local.client.call('stakeholders.list', { accountId: b!.id });
    // Offline, on the laptop:
    await local.client.call('accounts.update', { id: a!.id, patch: { notes: 'offline: renewal agreed' } }); // conflict, keep mine
    await local.client.call('accounts.update', { id: b!.id, patch: { renewalDate: '2027-01-31' } }); // conflict, keep theirs
    await local.client.call('stakeholders.update', { id: aPerson1!.id, patch: { title: 'Chief Medical Officer' } }); // changed here only
    await local.client.call('stakeholders.delete', { id: aPerson2!.id }); // deleted here
    const added = await local.client.call('stakeholders.create', { accountId: a!.id, archetype: 'provider_clinician', personName: 'Dr. Offline Added' }); // new here
    const goal = await local.client.call('goals.create', { accountId: b!.id, title: 'Written on the plane', unit: '%', baseline: 10, target: 20 });
    await closeLaptop();
    // Meanwhile, on the server:
    await server.client.call('accounts.update', { id: a!.id, patch: { notes: 'server: escalation open' } });
    await server.client.call('accounts.update', { id: b!.id, patch: { renewalDate: '2027-06-30' } });
    await server.client.call('stakeholders.update', { id: bPerson!.id, patch: { title: 'VP Population Health' } }); // changed there only
    await server.client.call('accounts.update', { id: c!.id, patch: { notes: 'unrelated server edit' } }); // not taken out
    return { a: a!, b: b!, c: c!, aPerson1: aPerson1!, aPerson2: aPerson2!, bPerson: bPerson!, added, goal };
  }

  it('previews exactly the conflicting rows, refuses an unresolved conflict changing nothing, and applies keep mine / keep theirs per row', async () => {
    const { a, b, c, aPerson1, aPerson2, bPerson, added, goal } = await roundTrip();

    const preview = await server.client.call('offline.previewBringBack', { path: laptopPath });
    const conflicts = preview.rows.filter((row) => row.status === 'conflict');
    expect(conflicts.map((row) => row.key).sort()).toEqual([`accounts:["${a.id}"]`, `accounts:["${b.id}"]`].sort());
    expect(conflicts.find((row) => row.accountId === a.id)).toMatchObject({
      accountName: a.name,
      label: 'Account details',
      changedHere: ['notes'],
      changedThere: ['notes'],
      fields: [{ field: 'notes', mine: 'offline: renewal agreed', theirs: 'server: escalation open' }],
    });
    const statusOf = (key: string) => preview.rows.find((row) => row.key === key)?.status;
    expect(statusOf(`stakeholders:["${aPerson1.id}"]`)).toBe('changed-here');
    expect(statusOf(`stakeholders:["${aPerson2.id}"]`)).toBe('deleted-here');
    expect(statusOf(`stakeholders:["${added.id}"]`)).toBe('added-here');
    expect(statusOf(`goals:["${goal.id}"]`)).toBe('added-here');
    expect(statusOf(`stakeholders:["${bPerson.id}"]`)).toBe('changed-there');
    expect(preview.rows.find((row) => row.key === `stakeholders:["${aPerson1.id}"]`)).toMatchObject({ label: `Stakeholder ${aPerson1.personName}`, changedHere: ['title'], changedThere: [] });
    expect(preview.rows.some((row) => row.accountId === c.id)).toBe(false);
    expect(preview.counts).toMatchObject({ conflict: 2, 'changed-here': 1, 'deleted-here': 1, 'added-here': 2, 'changed-there': 1 });

    // A missing resolution is a clear error and changes nothing.
    await expect(server.client.call('offline.bringBack', { path: laptopPath, resolutions: { [`accounts:["${a.id}"]`]: 'mine' } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(new RegExp(`1 has no choice \\(${b.name}: Account details\\)\\. Nothing was written`)),
    });
    await expect(server.client.call('offline.bringBack', { path: laptopPath, resolutions: { 'accounts:["nope"]': 'mine' }, keepAll: 'mine' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await server.client.call('accounts.get', { id: a.id })).notes).toBe('server: escalation open');
    expect(await server.client.call('stakeholders.list', { accountId: a.id })).toContainEqual(expect.objectContaining({ id: aPerson2.id }));

    const before = await server.client.call('accounts.get', { id: a.id });
    const done = await server.client.call('offline.bringBack', {
      path: laptopPath,
      expectedFingerprint: preview.fingerprint,
      resolutions: { [`accounts:["${a.id}"]`]: 'mine', [`accounts:["${b.id}"]`]: 'theirs' },
    });
    expect(done).toMatchObject({ keptMine: 1, keptTheirs: 1, written: 4, removed: 1 });

    const serverA = await server.client.call('accounts.get', { id: a.id });
    expect(serverA.notes).toBe('offline: renewal agreed');
    // A new version, so a client still holding the server's old one is refused rather than overwriting.
    expect(serverA.updatedAt > before.updatedAt).toBe(true);
    await expect(server.client.call('accounts.update', { id: a.id, patch: { notes: 'stale' }, expectedUpdatedAt: before.updatedAt })).rejects.toMatchObject({ code: 'conflict' });
    expect((await server.client.call('accounts.get', { id: b.id })).renewalDate).toBe('2027-06-30');
    expect((await server.client.call('accounts.get', { id: c.id })).notes).toBe('unrelated server edit');
    const aPeople = await server.client.call('stakeholders.list', { accountId: a.id });
    expect(aPeople.find((p) => p.id === aPerson1.id)?.title).toBe('Chief Medical Officer');
    expect(aPeople.some((p) => p.id === aPerson2.id)).toBe(false);
    expect(aPeople.some((p) => p.personName === 'Dr. Offline Added')).toBe(true);
    expect((await server.client.call('stakeholders.list', { accountId: b.id })).find((p) => p.id === bPerson.id)?.title).toBe('VP Population Health');
    expect((await server.client.call('goals.list', { accountId: b.id })).some((g) => g.title === 'Written on the plane')).toBe(true);

    const log = await server.workspace.db.selectFrom('auditLog').select(['actor', 'method', 'tableName', 'rowId']).where('method', '=', 'offline.bringBack').execute();
    expect(log).toHaveLength(5);
    expect(log).toContainEqual({ actor: 'ana', method: 'offline.bringBack', tableName: 'accounts', rowId: a.id });
    expect(log).toContainEqual({ actor: 'ana', method: 'offline.bringBack', tableName: 'stakeholders', rowId: aPerson2.id });

    // A file is brought back once.
    await expect(server.client.call('offline.previewBringBack', { path: laptopPath })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/brought back already/) });
  });

  it('refuses to apply, writing nothing, when a row changed on the server after the preview', async () => {
    const { a, bPerson } = await roundTrip();
    const preview = await server.client.call('offline.previewBringBack', { path: laptopPath });
    await server.client.call('stakeholders.update', { id: bPerson.id, patch: { title: 'Changed after the preview' } });
    await expect(server.client.call('offline.bringBack', { path: laptopPath, expectedFingerprint: preview.fingerprint, keepAll: 'mine' })).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'changed_since_preview' },
    });
    expect((await server.client.call('accounts.get', { id: a.id })).notes).toBe('server: escalation open');
    // Previewed again, it goes through ("all mine").
    const again = await server.client.call('offline.previewBringBack', { path: laptopPath });
    const done = await server.client.call('offline.bringBack', { path: laptopPath, expectedFingerprint: again.fingerprint, keepAll: 'mine' });
    expect(done).toMatchObject({ keptMine: 2, keptTheirs: 0 });
    expect((await server.client.call('accounts.get', { id: a.id })).notes).toBe('offline: renewal agreed');
    expect((await server.client.call('stakeholders.list', { accountId: a.id })).length).toBeGreaterThan(0);
  });

  it('an untouched file brings back nothing; take-out refuses unknown accounts and existing files; a file from elsewhere is refused', async () => {
    const [a] = await server.client.call('accounts.list', {});
    await server.client.call('offline.takeOut', { accountIds: [a!.id], path: laptopPath });
    const preview = await server.client.call('offline.previewBringBack', { path: laptopPath });
    expect(preview.rows).toEqual([]);
    expect(preview.counts.unchanged).toBeGreaterThan(10);
    await expect(server.client.call('offline.takeOut', { accountIds: [a!.id], path: laptopPath })).rejects.toMatchObject({ code: 'conflict' });
    await expect(server.client.call('offline.takeOut', { accountIds: ['no-such-account'], path: path.join(ctx.dir, 'x.qbr') })).rejects.toMatchObject({ code: 'not_found' });
    expect(fs.existsSync(path.join(ctx.dir, 'x.qbr'))).toBe(false);

    const other = await openBackend({ workspacePath: path.join(ctx.dir, 'other.sqlite'), transport: 'direct', now: () => FIXED_NOW, log: () => {} });
    try {
      await expect(other.client.call('offline.previewBringBack', { path: laptopPath })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/was taken out of/) });
      await expect(server.client.call('offline.previewBringBack', { path: path.join(ctx.dir, 'other.sqlite') })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/not taken out/) });
    } finally {
      await other.close();
    }
  });

  it('CLI: qbr takeout by account names, qbr bringback with --dry-run, --resolve KEY=mine and --keep theirs', async () => {
    const { a, b } = await roundTripByCli();
    const dry = await cli(['bringback', laptopPath, '--db', ctx.workspacePath, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/2 conflicts/);
    expect(dry.stdout).toContain(a.name);
    const unresolved = await cli(['bringback', laptopPath, '--db', ctx.workspacePath]);
    expect(unresolved.code).toBe(1);
    expect(unresolved.stderr).toMatch(/Choose keep mine or keep theirs for every conflict/);
    const done = await cli(['bringback', laptopPath, '--db', ctx.workspacePath, '--resolve', `accounts:["${a.id}"]=mine`, '--keep', 'theirs']);
    expect({ code: done.code, stderr: done.stderr }).toEqual({ code: 0, stderr: '' });
    expect(done.stdout).toMatch(/kept mine for 1 conflict, theirs for 1/);
    expect((await server.client.call('accounts.get', { id: a.id })).notes).toBe('offline: renewal agreed');
    expect((await server.client.call('accounts.get', { id: b.id })).renewalDate).toBe('2027-06-30');
  });

  async function roundTripByCli() {
    const [a, b] = await server.client.call('accounts.list', {});
    const out = await cli(['takeout', '--db', ctx.workspacePath, '--accounts', `${a!.name},${b!.name}`, '--out', laptopPath]);
    expect({ code: out.code, stderr: out.stderr }).toEqual({ code: 0, stderr: '' });
    expect(out.stdout).toMatch(/Took 2 accounts out/);
    const local = await openLaptop();
    await local.client.call('accounts.update', { id: a!.id, patch: { notes: 'offline: renewal agreed' } });
    await local.client.call('accounts.update', { id: b!.id, patch: { renewalDate: '2027-01-31' } });
    await closeLaptop();
    await server.client.call('accounts.update', { id: a!.id, patch: { notes: 'server: escalation open' } });
    await server.client.call('accounts.update', { id: b!.id, patch: { renewalDate: '2027-06-30' } });
    return { a: a!, b: b! };
  }
});
