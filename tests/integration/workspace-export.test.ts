import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../src/main/api/backend';
import { runCli } from '../../src/main/transports/cli/main';
import { workspaceExportJsonSchema } from '../../src/shared/api/schemas/workspace-export-schemas';
import { FIXED_NOW, makeTempDir, sequentialIds } from '../support/temp-backend';

/** A workspace with a row in every exported table (assessments and decks have no API yet, so they go in raw). */
async function fullWorkspace(file: string): Promise<Backend> {
  const backend = await openBackend({ workspacePath: file, transport: 'direct', now: () => FIXED_NOW, newId: sequentialIds('src'), log: () => {} });
  await backend.client.call('demo.load', {});
  await backend.client.call('settings.update', { csmName: 'Jordan Lee', backupsToKeep: 4, onboardingCompleted: true });
  const [first, second] = await backend.client.call('accounts.list', {});
  await backend.client.call('goals.create', { accountId: first!.id, title: 'Cut readmissions', unit: '%', baseline: 18.5, target: 12 });
  // Last quarter's deck edits, which next quarter's deck starts from, travel with the workspace (issue 15).
  await backend.client.call('decks.saveDraft', { accountId: first!.id, deckType: 'qbr', audience: ['buyer_cfo'], quarter: '2026Q3', edits: { hidden: ['scorecard'], titles: { risks: 'Two risks we act on' } } });
  await backend.client.call('accounts.delete', { id: second!.id }); // the trash is exported too
  const raw = backend.workspace.sqlite!;
  raw.prepare(
    `INSERT INTO assessments (id, account_id, quarter, status, answers_json, revenue_models_json, result_json, created_at, updated_at)
     VALUES ('as-1', ?, '2026Q4', 'final', '{"q1":"yes","weights":[1,2.5]}', '["cpt_rpm"]', '{"gaps":[]}', 'x', 'y')`,
  ).run(first!.id);
  raw.prepare(
    `INSERT INTO decks (id, account_id, deck_type, quarter, audience_json, file_path, plan_fingerprint, created_at)
     VALUES ('dk-1', ?, 'qbr', '2026Q4', '["buyer_cfo"]', '/decks/q4.pptx', 'abc123', 'z')`,
  ).run(first!.id);
  return backend;
}

/** An export file without its export time, which the CLI takes from the real clock. */
const content = (file: string) => fs.readFileSync(file, 'utf8').replace(/"exportedAt": "[^"]+"/, '');

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  return { code, stdout, stderr };
}

describe('whole-workspace export and import', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('the published JSON Schema is generated from the zod schema and up to date (npm run schemas)', () => {
    const published = JSON.parse(fs.readFileSync(path.resolve('resources/schemas/workspace-export.schema.json'), 'utf8'));
    expect(published).toEqual(workspaceExportJsonSchema());
  });

  it('export → restore into an empty workspace → export is byte-identical, every table included', async () => {
    const source = await fullWorkspace(path.join(dir, 'source.sqlite'));
    const first = path.join(dir, 'first.json');
    const exported = await source.client.call('workspace.exportJson', { path: first });
    await source.close();
    // The demo brings KPI-linked goals and last quarter's commitments for three accounts.
    expect(exported?.counts).toMatchObject({ accounts: 9, assessments: 1, goals: 5, decks: 1, commitments: 11, deckDrafts: 1 });
    expect(Object.values(exported!.counts).every((n) => n > 0)).toBe(true);

    const target = await openBackend({ workspacePath: path.join(dir, 'target.sqlite'), transport: 'direct', now: () => FIXED_NOW, log: () => {} });
    const result = await target.client.call('workspace.importJson', { path: first, mode: 'replace' });
    expect(result.preview.tables.accounts).toEqual({ added: 9, updated: 0, unchanged: 0, removed: 0, kept: 0 });
    const second = path.join(dir, 'second.json');
    await target.client.call('workspace.exportJson', { path: second });
    await target.close();
    expect(fs.readFileSync(second, 'utf8')).toBe(fs.readFileSync(first, 'utf8'));
  });

  it('merge previews what changes, keeps rows the file does not have, and changes nothing on preview', async () => {
    const source = await fullWorkspace(path.join(dir, 'source.sqlite'));
    const file = path.join(dir, 'export.json');
    await source.client.call('workspace.exportJson', { path: file });
    await source.close();

    const target = await fullWorkspace(path.join(dir, 'target.sqlite')); // same ids: same sequence
    const [account] = await target.client.call('accounts.list', {});
    await target.client.call('accounts.update', { id: account!.id, patch: { notes: 'edited on this laptop' } });
    const local = await target.client.call('accounts.create', { name: 'Only on this laptop', customerSegment: 'employer', buyerType: 'employer' });

    const merge = await target.client.call('workspace.previewImport', { path: file, mode: 'merge' });
    expect(merge.problems).toEqual([]);
    // The file's copy of the edited account is not newer than this one, so a merge keeps it (issue 13, item 3).
    expect(merge.tables.accounts).toEqual({ added: 0, updated: 0, unchanged: 8, removed: 0, kept: 1 });
    expect(merge.rowChanges).toEqual([expect.objectContaining({ table: 'accounts', key: account!.id, resolution: 'keep-workspace' })]);
    const replace = await target.client.call('workspace.previewImport', { path: file, mode: 'replace' });
    expect(replace.tables.accounts).toMatchObject({ updated: 1, removed: 1 });
    expect((await target.client.call('accounts.get', { id: account!.id })).notes).toBe('edited on this laptop');

    const done = await target.client.call('workspace.importJson', { path: file, mode: 'merge' });
    expect(done.backup?.reason).toBe('pre-import');
    expect((await target.client.call('accounts.get', { id: account!.id })).notes).toBe('edited on this laptop');
    expect((await target.client.call('accounts.get', { id: local.id })).name).toBe('Only on this laptop');
    await target.close();
  });

  it('refuses, changing nothing, a file whose accounts clash by name or whose rows point at missing accounts', async () => {
    const source = await fullWorkspace(path.join(dir, 'source.sqlite'));
    const file = path.join(dir, 'export.json');
    await source.client.call('workspace.exportJson', { path: file });
    await source.close();

    const target = await openBackend({ workspacePath: path.join(dir, 'target.sqlite'), transport: 'direct', now: () => FIXED_NOW, newId: sequentialIds('other'), log: () => {} });
    await target.client.call('demo.load', {}); // same names, different ids
    const preview = await target.client.call('workspace.previewImport', { path: file, mode: 'merge' });
    expect(preview.problems[0]).toMatch(/two accounts would be named/);
    await expect(target.client.call('workspace.importJson', { path: file, mode: 'merge' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await target.client.call('workspace.listBackups', {})).toEqual([]);

    const document = JSON.parse(fs.readFileSync(file, 'utf8'));
    document.accounts = document.accounts.slice(1);
    const orphaned = path.join(dir, 'orphaned.json');
    fs.writeFileSync(orphaned, JSON.stringify(document));
    const replace = await target.client.call('workspace.previewImport', { path: orphaned, mode: 'replace' });
    expect(replace.problems.join('\n')).toMatch(/which is not there/);
    await expect(target.client.call('workspace.importJson', { path: orphaned, mode: 'replace' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await target.client.call('accounts.list', {})).toHaveLength(9);
    await target.close();
  });

  it('rejects files that are not exports, or of another format version, with invalid_input', async () => {
    const target = await openBackend({ workspacePath: path.join(dir, 'target.sqlite'), transport: 'direct', log: () => {} });
    const cases: Record<string, string> = {
      'text.json': 'not json',
      'other.json': JSON.stringify({ hello: 'world' }),
      'future.json': JSON.stringify({ format: 'qbr-workbench-workspace', formatVersion: 3 }),
      'broken.json': JSON.stringify({ format: 'qbr-workbench-workspace', formatVersion: 1, accounts: 'x' }),
    };
    for (const [name, content] of Object.entries(cases)) {
      fs.writeFileSync(path.join(dir, name), content);
      await expect(target.client.call('workspace.previewImport', { path: path.join(dir, name), mode: 'merge' }), name).rejects.toMatchObject({ code: 'invalid_input' });
    }
    await target.close();
  });

  it('CLI: qbr export, qbr restore-workspace (dry run, merge, --replace) and qbr backup', async () => {
    const db = path.join(dir, 'cli.sqlite');
    await (await fullWorkspace(db)).close();
    const out = path.join(dir, 'cli-export.json');
    const exported = await cli(['export', '--db', db, '--out', out]);
    expect(exported).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Exported 9 accounts/) });

    const other = path.join(dir, 'other.sqlite');
    // A dry run reads only: it never creates the workspace it would restore into.
    const dryIntoNothing = await cli(['restore-workspace', '--db', other, '--file', out, '--dry-run']);
    expect(dryIntoNothing).toMatchObject({ code: 1, stderr: expect.stringContaining(`There is no workspace at ${other}`) });
    expect(fs.existsSync(other)).toBe(false);
    const dry = await cli(['restore-workspace', '--db', db, '--file', out, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/accounts\s+0\s+0\s+0\s+9\s+0/);
    expect(dry.stdout).toContain('Dry run: nothing was changed.');
    const replaced = await cli(['restore-workspace', '--db', other, '--file', out, '--replace']);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(/backed up at .*pre-import\.sqlite/);
    const roundTrip = path.join(dir, 'round-trip.json');
    await cli(['export', '--db', other, '--out', roundTrip]);
    expect(content(roundTrip)).toBe(content(out));

    const copy = path.join(dir, 'copy.sqlite');
    expect(await cli(['backup', '--db', db, '--out', copy])).toMatchObject({ code: 0 });
    expect(await cli(['backup', '--db', db, '--out', copy])).toMatchObject({ code: 1, stderr: expect.stringMatching(/--force/) });
    expect(await cli(['backup', '--db', db, '--out', copy, '--force'])).toMatchObject({ code: 0 });
    const fromCopy = path.join(dir, 'from-copy.json');
    await cli(['export', '--db', copy, '--out', fromCopy]);
    expect(content(fromCopy)).toBe(content(out));
    expect(await cli(['export', '--db', db])).toMatchObject({ code: 2 });
  });
});
