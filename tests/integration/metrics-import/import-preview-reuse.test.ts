import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../src/main/api/backend';
import { listBackups } from '../../../src/main/storage/workspace/backups';
import { seedImportAccounts, writeLongMetricsCsv } from '../../support/metrics-import-fixtures';
import { FIXED_NOW, makeTempDir } from '../../support/temp-backend';
import { dumpObservations, importAndWait, importedRows } from './import-test-helpers';

/*
 * The commit reuses its preview's validation only while nothing it depended on can have changed:
 * the same request, the same file bytes, and no write to the workspace since the preview, by this
 * backend or by another connection. Every other case reads the file again, and either way the
 * result, the rows written and the pre-import backup are those of a full pass.
 */

const R = 'Riverbend Cardiology Associates';
const RS = 'RPM revenue share';
const HEADER = 'account,stream,metric,month,value';
const TEXT = `${HEADER}\n${R},${RS},rpm_enrolled_patients,2010-01,10\n${R},${RS},rpm_enrolled_patients,2010-02,11\n${R},,rpm_eligible_patients,2010-02,50\n${R},,rpm_eligible_patients,2010-03,x\n`;

describe('import.start reusing import.preview', () => {
  let dir: string;
  let cleanupDir: () => void;
  let workspacePath: string;
  let backend: Backend;
  let file: string;

  const previewThenStart = async (mode: 'valid-rows' | 'all-or-nothing' = 'valid-rows', between?: () => void | Promise<void>) => {
    const preview = await backend.client.call('import.preview', { source: { kind: 'path', path: file } });
    await between?.();
    const { final } = await importAndWait(backend, { source: { kind: 'path', path: file }, mode });
    expect(final.state).toBe('done');
    return { preview, result: final.result! };
  };

  beforeEach(async () => {
    ({ dir, cleanup: cleanupDir } = makeTempDir());
    workspacePath = path.join(dir, 'workspace.sqlite');
    backend = await openBackend({ workspacePath, transport: 'direct', now: () => FIXED_NOW, log: () => {} });
    await backend.client.call('demo.load', {});
    file = path.join(dir, 'monthly.csv');
    fs.writeFileSync(file, TEXT);
  });
  afterEach(async () => {
    await backend.close();
    cleanupDir();
  });

  it('commits what the preview found without reading the file again, with the same counts, errors, rows and backup', async () => {
    const backupsBefore = listBackups(workspacePath).length;
    const { preview, result } = await previewThenStart();
    expect(result.reusedPreview).toBe(true);
    expect(preview.counts).toMatchObject({ valid: 3, rejected: 1, wouldAdd: 3, wouldUpdate: 0, unchanged: 0 });
    expect(result).toMatchObject({ committed: true, counts: { rows: 4, valid: 3, rejected: 1, added: 3, updated: 0, unchanged: 0 }, errorCount: 1 });
    expect(result.rowErrors).toEqual(preview.rowErrors);
    expect(importedRows(backend, 'monthly.csv')).toEqual([
      [R, RS, 'rpm_eligible_patients', '2010-02', 50],
      [R, RS, 'rpm_enrolled_patients', '2010-01', 10],
      [R, RS, 'rpm_enrolled_patients', '2010-02', 11],
    ]);
    expect(result.backupPath).not.toBeNull();
    expect(listBackups(workspacePath).length).toBe(backupsBefore + 1);

    // The same file again: every value unchanged, nothing written.
    const before = dumpObservations(backend);
    const again = await previewThenStart();
    expect(again.result).toMatchObject({ reusedPreview: true, committed: true, counts: { added: 0, updated: 0, unchanged: 3 } });
    expect(dumpObservations(backend)).toEqual(before);
    // Nothing to write, so nothing to back up: no new backup, and none of the kept ones pushed out.
    expect(again.result.backupPath).toBeNull();
    expect(listBackups(workspacePath).length).toBe(backupsBefore + 1);
  });

  it('gives the same result as a full pass (all-or-nothing with a row error writes nothing either way)', async () => {
    const reused = await previewThenStart('all-or-nothing');
    const { final: full } = await importAndWait(backend, { source: { kind: 'path', path: file }, mode: 'all-or-nothing' });
    expect(reused.result.reusedPreview).toBe(true);
    expect(full.result!.reusedPreview).toBeUndefined();
    const { backupPath: _a, reusedPreview: _b, ...reusedRest } = reused.result;
    const { backupPath: _c, reusedPreview: _d, ...fullRest } = full.result!;
    expect(reusedRest).toEqual(fullRest);
    expect(reusedRest.committed).toBe(false);
    expect(importedRows(backend, 'monthly.csv')).toEqual([]);
  });

  it('reads the file again when it changed after the preview, even with the same size and modification time', async () => {
    const { mtime } = fs.statSync(file);
    const { preview, result } = await previewThenStart('valid-rows', () => {
      // Same length, same mtime, different value: only the hash can tell.
      fs.writeFileSync(file, TEXT.replace('2010-02,11', '2010-02,77'));
      fs.utimesSync(file, mtime, mtime);
    });
    expect(preview.counts.wouldAdd).toBe(3);
    expect(result.reusedPreview).toBeUndefined();
    expect(importedRows(backend, 'monthly.csv')).toContainEqual([R, RS, 'rpm_enrolled_patients', '2010-02', 77]);
  });

  it('reads the file again after a new row is appended (a new error is reported, not the preview’s)', async () => {
    const { result } = await previewThenStart('valid-rows', () => fs.appendFileSync(file, `${R},,rpm_eligible_patients,2010-04,-5\n`));
    expect(result.reusedPreview).toBeUndefined();
    expect(result.counts).toMatchObject({ rows: 5, rejected: 2 });
  });

  it('reads the file again when the workspace changed through this backend after the preview', async () => {
    const riverbend = (await backend.client.call('accounts.list', {})).find((a) => a.name === R)!;
    const streams = await backend.client.call('streams.list', { accountId: riverbend.id });
    const rpm = streams.find((s) => s.name === RS)!;
    const { result } = await previewThenStart('valid-rows', async () => {
      await backend.client.call('metrics.saveMonth', { accountId: riverbend.id, streamId: rpm.id, month: '2010-01', values: { rpm_enrolled_patients: 10 } });
    });
    expect(result.reusedPreview).toBeUndefined();
    // Saved in between with the file's value: the full pass finds it unchanged, as the preview could not have.
    expect(result.counts).toMatchObject({ added: 2, unchanged: 1 });
  });

  it('reads the file again when another connection (a CLI run, another import) wrote to the workspace after the preview', async () => {
    const { result } = await previewThenStart('valid-rows', () => {
      const other = new SqliteDatabase(workspacePath);
      try {
        const riverbend = other.prepare('SELECT id FROM accounts WHERE name = ?').pluck().get(R) as string;
        const stream = other.prepare('SELECT id FROM revenue_streams WHERE account_id = ? AND name = ?').pluck().get(riverbend, RS) as string;
        other
          .prepare("INSERT INTO metric_observations (account_id, stream_id, metric_key, month, value, source, updated_at) VALUES (?, ?, 'rpm_enrolled_patients', '2010-02', 11, 'cli', ?)")
          .run(riverbend, stream, FIXED_NOW.toISOString());
      } finally {
        other.close();
      }
    });
    expect(result.reusedPreview).toBeUndefined();
    expect(result.counts).toMatchObject({ added: 2, unchanged: 1 });
  });

  it('does not reuse a preview of another request (a different mapping of the same file)', async () => {
    await backend.client.call('import.preview', { source: { kind: 'path', path: file } });
    const { final } = await importAndWait(backend, { source: { kind: 'path', path: file }, mode: 'valid-rows', decimalSeparator: ',' });
    expect(final.result!.reusedPreview).toBeUndefined();
  });
});

describe('import.start reusing the preview of a file of new values', () => {
  let dir: string;
  let cleanupDir: () => void;
  const backends: Backend[] = [];

  const openSeeded = async (name: string) => {
    const backend = await openBackend({ workspacePath: path.join(dir, `${name}.sqlite`), transport: 'direct', now: () => FIXED_NOW, log: () => {} });
    backends.push(backend);
    seedImportAccounts(backend.workspace.sqlite!, 100);
    return backend;
  };

  beforeEach(() => {
    ({ dir, cleanup: cleanupDir } = makeTempDir());
  });
  afterEach(async () => {
    for (const backend of backends.splice(0)) await backend.close();
    cleanupDir();
  });

  it('writes every value a first import of over 100,000 values previewed, the same rows as a full pass, with rising progress', async () => {
    const file = path.join(dir, 'first.csv');
    const rows = writeLongMetricsCsv(file, { accounts: 100, metrics: 40, months: 26 });
    const reusing = await openSeeded('reusing');
    const preview = await reusing.client.call('import.preview', { source: { kind: 'path', path: file } });
    expect(preview.counts).toMatchObject({ rows, valid: rows, wouldAdd: rows });
    const { final, reports } = await importAndWait(reusing, { source: { kind: 'path', path: file }, mode: 'valid-rows' });
    expect(final.result).toMatchObject({ reusedPreview: true, committed: true, counts: { rows, valid: rows, added: rows, updated: 0, unchanged: 0 } });
    expect(final).toMatchObject({ rowsProcessed: rows, bytesRead: final.totalBytes });
    const bytes = reports.map((report) => report.bytesRead);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));

    const full = await openSeeded('full');
    const { final: fullFinal } = await importAndWait(full, { source: { kind: 'path', path: file }, mode: 'valid-rows' });
    expect(fullFinal.result!.reusedPreview).toBeUndefined();
    expect(dumpObservations(reusing)).toEqual(dumpObservations(full));
  });

  it('counts the values of accounts with observations and of accounts without any in one preview', async () => {
    const backend = await openSeeded('mixed');
    const first = path.join(dir, 'first-two.csv');
    writeLongMetricsCsv(first, { accounts: 2, metrics: 2, months: 3 });
    await importAndWait(backend, { source: { kind: 'path', path: first }, mode: 'valid-rows' });
    const more = path.join(dir, 'four.csv');
    writeLongMetricsCsv(more, { accounts: 4, metrics: 2, months: 3 });
    fs.appendFileSync(more, 'Account 0001,,rpm_enrolled_patients,2019-12,5\n');
    const preview = await backend.client.call('import.preview', { source: { kind: 'path', path: more } });
    expect(preview.counts).toMatchObject({ valid: 25, wouldAdd: 13, wouldUpdate: 0, unchanged: 12 });
  });

  it('counts a re-import right when months run long, go back, skip, change, and are missing from what is stored (preview and commit agree)', async () => {
    const backend = await openSeeded('runs');
    const base = path.join(dir, 'base.csv');
    writeLongMetricsCsv(base, { accounts: 3, metrics: 3, months: 80 });
    await importAndWait(backend, { source: { kind: 'path', path: base }, mode: 'valid-rows' });
    const deletedMonths = ['2020-06', '2023-01', '2026-07'];
    backend.workspace.sqlite!.prepare(`DELETE FROM metric_observations WHERE month IN (${deletedMonths.map(() => '?').join(', ')})`).run(...deletedMonths);
    const [header, ...lines] = fs.readFileSync(base, 'utf8').trim().split('\n');
    // Every 9th value changed, every 7th left out, the stored-deleted months new, and one group given backwards.
    const expected = { wouldAdd: 0, wouldUpdate: 0, unchanged: 0 };
    const kept = lines.flatMap((line, i) => {
      if (i % 7 === 3) return [];
      const cells = line.split(',');
      if (deletedMonths.includes(cells[3]!)) expected.wouldAdd += 1;
      else if (i % 9 === 0) expected.wouldUpdate += 1;
      else expected.unchanged += 1;
      return [i % 9 === 0 ? [...cells.slice(0, 4), String(Number(cells[4]) + 1)].join(',') : line];
    });
    const backwards = kept.filter((line) => line.startsWith(`Account 0002,Core program,${lines[0]!.split(',')[2]},`));
    const file = path.join(dir, 'again.csv');
    fs.writeFileSync(file, [header, ...kept.filter((line) => !backwards.includes(line)), ...backwards.reverse()].join('\n') + '\n');
    const preview = await backend.client.call('import.preview', { source: { kind: 'path', path: file } });
    expect(expected.wouldAdd).toBeGreaterThan(10);
    expect(preview.counts).toMatchObject({ rejected: 0, ...expected });
    const { final } = await importAndWait(backend, { source: { kind: 'path', path: file }, mode: 'valid-rows' });
    expect(final.result!.counts).toMatchObject({ added: expected.wouldAdd, updated: expected.wouldUpdate, unchanged: expected.unchanged });
  });

  it('a cancel while the previewed values are written rolls everything back', async () => {
    const file = path.join(dir, 'big.csv');
    const rows = writeLongMetricsCsv(file, { accounts: 100, metrics: 40, months: 50 });
    const backend = await openSeeded('cancelled');
    await backend.client.call('import.preview', { source: { kind: 'path', path: file } });
    const { jobId } = await backend.client.call('import.start', { source: { kind: 'path', path: file }, mode: 'valid-rows' });
    let progress = await backend.client.call('import.progress', { jobId });
    while (progress.state === 'running' && progress.rowsProcessed === 0) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      progress = await backend.client.call('import.progress', { jobId });
    }
    expect(progress.state).toBe('running');
    expect(progress.rowsProcessed).toBeLessThan(rows);
    await backend.client.call('import.cancel', { jobId });
    while (progress.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 2));
      progress = await backend.client.call('import.progress', { jobId });
    }
    expect(progress.state).toBe('cancelled');
    expect(dumpObservations(backend)).toEqual([]);
  });
});
