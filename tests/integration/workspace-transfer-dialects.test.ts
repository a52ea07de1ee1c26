import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../src/main/api/backend';
import { runCli } from '../../src/main/transports/cli/main';
import { FIXED_NOW, makeTempDir, sequentialIds } from '../support/temp-backend';
import { createTestDatabase, TEST_DIALECTS, type TestDialect } from '../support/test-dialects';

/*
 * Whole-workspace export and restore on both engines (issue 17, item 4): a team workspace on
 * PostgreSQL exports the same file a workspace file does, the audit log included, and restores one.
 */

interface Place {
  location: string;
  drop: () => Promise<void>;
}

async function newPlace(dialect: TestDialect, dir: string, name: string): Promise<Place> {
  if (dialect === 'sqlite') return { location: path.join(dir, `${name}.sqlite`), drop: async () => {} };
  const database = await createTestDatabase();
  return { location: database.url, drop: database.drop };
}

const open = (location: string, prefix: string): Promise<Backend> =>
  openBackend({ workspacePath: location, transport: 'direct', now: () => FIXED_NOW, newId: sequentialIds(prefix), log: () => {}, actor: 'ana' });

/** The demo plus a few account writes, so the audit log has entries. */
async function filledWorkspace(location: string): Promise<Backend> {
  const backend = await open(location, 'src');
  await backend.client.call('demo.load', {});
  const [first, second] = await backend.client.call('accounts.list', {});
  await backend.client.call('accounts.update', { id: first!.id, patch: { notes: 'renewal call booked' } });
  await backend.client.call('accounts.delete', { id: second!.id });
  await backend.client.call('goals.create', { accountId: first!.id, title: 'Cut readmissions', unit: '%', baseline: 18.5, target: 12 });
  return backend;
}

const withoutExportTime = (file: string) => fs.readFileSync(file, 'utf8').replace(/"exportedAt": "[^"]+"/, '');

describe.each(TEST_DIALECTS)('whole-workspace export and restore (%s)', (dialect) => {
  let dir: string;
  let cleanup: () => void;
  const places: Place[] = [];
  const backends: Backend[] = [];
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(async () => {
    for (const backend of backends.splice(0)) await backend.close();
    for (const place of places.splice(0)) await place.drop();
    cleanup();
  });
  const place = async (name: string) => {
    const made = await newPlace(dialect, dir, name);
    places.push(made);
    return made.location;
  };
  const track = (backend: Backend) => (backends.push(backend), backend);

  it('exports every table with the audit log (format 2), and export → restore (replace) → export is byte-identical', async () => {
    const source = track(await filledWorkspace(await place('source')));
    const first = path.join(dir, 'first.json');
    const exported = await source.client.call('workspace.exportJson', { path: first });
    expect(exported?.counts).toMatchObject({ accounts: 9, goals: 5, auditLog: 3 });
    const document = JSON.parse(fs.readFileSync(first, 'utf8'));
    expect(document.formatVersion).toBe(2);
    expect(document.auditLog.map((entry: { method: string; actor: string }) => `${entry.actor} ${entry.method}`).sort()).toEqual(['ana accounts.delete', 'ana accounts.update', 'ana goals.create']);
    // Schema 8: each entry names its account and row, and they travel with the export.
    expect(document.auditLog).toContainEqual(expect.objectContaining({ method: 'goals.create', tableName: 'goals', rowLabel: 'Cut readmissions' }));
    expect(document.auditLog).toContainEqual(expect.objectContaining({ actor: 'ana', method: 'accounts.update', tableName: 'accounts', fields: ['notes'] }));

    const target = track(await open(await place('target'), 'tgt'));
    const restored = await target.client.call('workspace.importJson', { path: first, mode: 'replace' });
    expect(restored.preview.tables.auditLog).toMatchObject({ added: 3 });
    expect(restored.backup === null).toBe(dialect === 'postgres');
    const second = path.join(dir, 'second.json');
    await target.client.call('workspace.exportJson', { path: second });
    expect(fs.readFileSync(second, 'utf8')).toBe(fs.readFileSync(first, 'utf8'));
  });

  it('a team workspace and a workspace file holding the same data export the same file', async () => {
    const source = track(await filledWorkspace(await place('source')));
    const file = track(await filledWorkspace(path.join(dir, 'file.sqlite')));
    const fromSource = path.join(dir, 'source.json');
    const fromFile = path.join(dir, 'file.json');
    await source.client.call('workspace.exportJson', { path: fromSource });
    await file.client.call('workspace.exportJson', { path: fromFile });
    expect(withoutExportTime(fromSource)).toBe(withoutExportTime(fromFile));
  });

  it('restores a format 1 file (no audit log) and merges keeping the newer copy, on either engine', async () => {
    const source = track(await filledWorkspace(await place('source')));
    const file = path.join(dir, 'export.json');
    await source.client.call('workspace.exportJson', { path: file });
    const document = JSON.parse(fs.readFileSync(file, 'utf8'));
    document.formatVersion = 1;
    delete document.auditLog;
    const old = path.join(dir, 'format-1.json');
    fs.writeFileSync(old, JSON.stringify(document, null, 2));

    const [account] = await source.client.call('accounts.list', {});
    await source.client.call('accounts.update', { id: account!.id, patch: { notes: 'newer here' } });
    const preview = await source.client.call('workspace.previewImport', { path: old, mode: 'merge' });
    expect(preview.problems).toEqual([]);
    expect(preview.tables.auditLog).toEqual({ added: 0, updated: 0, unchanged: 0, removed: 0, kept: 0 });
    expect(preview.rowChanges).toEqual([expect.objectContaining({ table: 'accounts', key: account!.id, resolution: 'keep-workspace' })]);
    await source.client.call('workspace.importJson', { path: old, mode: 'merge' });
    expect((await source.client.call('accounts.get', { id: account!.id })).notes).toBe('newer here');

    const empty = track(await open(await place('empty'), 'e'));
    const replaced = await empty.client.call('workspace.importJson', { path: old, mode: 'replace' });
    expect(replaced.preview.tables.accounts.added).toBe(9);
    expect(await empty.client.call('accounts.list', {})).toHaveLength(8);
  });

  it('restores many metric values in batches, each as it was, and refuses a file with a problem changing nothing', async () => {
    const source = track(await filledWorkspace(await place('source')));
    const file = path.join(dir, 'export.json');
    const exported = await source.client.call('workspace.exportJson', { path: file });
    const target = track(await open(await place('target'), 't'));
    const done = await target.client.call('workspace.importJson', { path: file, mode: 'merge' });
    expect(done.preview.tables.metricObservations.added).toBe(exported!.counts.metricObservations);
    expect(exported!.counts.metricObservations).toBeGreaterThan(1_000);
    const again = await target.client.call('workspace.previewImport', { path: file, mode: 'merge' });
    expect(again.tables.metricObservations).toMatchObject({ added: 0, unchanged: exported!.counts.metricObservations });

    const document = JSON.parse(fs.readFileSync(file, 'utf8'));
    document.metricObservations[0].accountId = 'nobody';
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, JSON.stringify(document));
    const fresh = track(await open(await place('fresh'), 'f'));
    await expect(fresh.client.call('workspace.importJson', { path: broken, mode: 'replace' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await fresh.client.call('accounts.list', {})).toEqual([]);
  });

  it('CLI: qbr export and qbr restore-workspace take a postgres:// URL as well as a file', async () => {
    const location = await place('cli');
    await (await filledWorkspace(location)).close();
    const out = path.join(dir, 'cli.json');
    const io = { out: '', err: '' };
    const code = await runCli(['export', '--db', location, '--out', out], { stdout: (t) => (io.out += t), stderr: (t) => (io.err += t), env: {} });
    expect({ code, err: io.err }).toEqual({ code: 0, err: '' });
    expect(io.out).toMatch(/Exported 9 accounts/);
    const restored = await runCli(['restore-workspace', '--db', location, '--file', out], { stdout: (t) => (io.out += t), stderr: (t) => (io.err += t), env: {} });
    expect({ restored, err: io.err }).toEqual({ restored: 0, err: '' });
  });
});
