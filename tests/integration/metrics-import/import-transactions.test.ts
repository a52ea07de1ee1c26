import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../src/main/api/backend';
import { FIXED_NOW, makeTempDir } from '../../support/temp-backend';
import { sha256File } from '../../support/workspace-files';
import { dumpObservations, importAndWait, importedRows } from './import-test-helpers';

/*
 * Preview and commit through the API on a real workspace holding the demo portfolio: every row
 * error kind, all-or-nothing versus valid rows, byte-for-byte unchanged files after refused or
 * rolled-back imports, idempotent re-imports, backups, forced accounts and remembered mappings.
 */

const R = 'Riverbend Cardiology Associates';
const RS = 'RPM revenue share';
const HEADER = 'account,stream,metric,month,value';

describe('metrics import: preview, commit and the one-transaction guarantee', () => {
  let dir: string;
  let cleanupDir: () => void;
  let workspacePath: string;
  let backend: Backend | null = null;

  const open = async () => (backend = await openBackend({ workspacePath, transport: 'direct', now: () => FIXED_NOW, log: () => {} }));
  const close = async () => {
    await backend?.close();
    backend = null;
  };
  const writeCsv = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  beforeEach(async () => {
    ({ dir, cleanup: cleanupDir } = makeTempDir());
    workspacePath = path.join(dir, 'workspace.sqlite');
    await open();
    await backend!.client.call('demo.load', {});
  });
  afterEach(async () => {
    await close();
    cleanupDir();
  });

  it('all-or-nothing with one bad row writes nothing; the workspace file is byte-for-byte unchanged', async () => {
    await close();
    const before = sha256File(workspacePath);
    await open();
    const dumpBefore = dumpObservations(backend!);
    const file = writeCsv('one-bad.csv', `${HEADER}\n${R},,rpm_enrolled_patients,2010-01,1\n${R},,rpm_enrolled_patients,2010-02,x\n`);
    const { final } = await importAndWait(backend!, { source: { kind: 'path', path: file }, mode: 'all-or-nothing' });
    expect(final.state).toBe('done');
    expect(final.result).toMatchObject({ committed: false, counts: { valid: 1, rejected: 1, added: 0, updated: 0, unchanged: 0 } });
    expect(dumpObservations(backend!)).toEqual(dumpBefore);
    await close();
    expect(sha256File(workspacePath)).toBe(before);
  });

  it('valid-rows imports the good rows of the same file and reports the rejected one', async () => {
    const file = writeCsv('one-bad.csv', `${HEADER}\n${R},,rpm_enrolled_patients,2010-01,1\n${R},,rpm_enrolled_patients,2010-02,x\n`);
    const { final } = await importAndWait(backend!, { source: { kind: 'path', path: file }, mode: 'valid-rows' });
    expect(final.result).toMatchObject({ committed: true, counts: { added: 1, rejected: 1 } });
    // No stream given: stored on Riverbend's one RPM stream, where its KPIs read it.
    expect(importedRows(backend!, 'one-bad.csv')).toEqual([[R, RS, 'rpm_enrolled_patients', '2010-01', 1]]);
  });

  for (const [what, text, code] of [
    ['an unclosed quote', `${HEADER}\n${R},,rpm_enrolled_patients,2010-01,1\n${R},,rpm_enrolled_patients,2010-02,"2\n`, 'malformed'],
    ['a patient-level column', `${HEADER},patient name\n${R},,rpm_enrolled_patients,2010-01,1,Jane Roe\n`, 'phi'],
    ['a phone number deep in the file', `${HEADER},note\n${R},,rpm_enrolled_patients,2010-01,1,\n${R},,rpm_enrolled_patients,2010-02,2,call (555) 201-3344\n`, 'phi'],
    // A file that is all ASCII up to the bad bytes is windows-1252 with a late accent (text-encoding-and-names.test.ts); with a BOM it is UTF-8.
    ['bytes that are not UTF-8 after the first 64 KB of a UTF-8 file', null, 'encoding'],
  ] as const) {
    it(`a file with ${what} is refused and leaves the workspace byte-for-byte unchanged`, async () => {
      const content =
        text ??
        Buffer.concat([
          Buffer.from(`\uFEFF${HEADER}\n${Array.from({ length: 3000 }, (_, i) => `${R},,rpm_enrolled_patients,${2000 + (Math.floor(i / 12) % 25)}-${String((i % 12) + 1).padStart(2, '0')},${i}`).join('\n')}\n`),
          Buffer.from([0xc3, 0x28, 0x0a]),
        ]);
      const file = path.join(dir, 'refused.csv');
      fs.writeFileSync(file, content);
      await close();
      const before = sha256File(workspacePath);
      await open();
      const { final } = await importAndWait(backend!, { source: { kind: 'path', path: file }, mode: 'valid-rows' });
      expect(final.state).toBe('failed');
      expect(final.error?.code).toBe(code);
      await close();
      expect(sha256File(workspacePath)).toBe(before);
    });
  }

  it('re-importing the same file changes nothing; a changed value is one update', async () => {
    const text = `${HEADER}\n${R},${RS},rpm_enrolled_patients,2010-01,10\n${R},${RS},rpm_enrolled_patients,2010-02,11\n${R},,rpm_eligible_patients,2010-02,50\n`;
    const file = writeCsv('monthly.csv', text);
    const first = await importAndWait(backend!, { source: { kind: 'path', path: file }, mode: 'valid-rows' });
    expect(first.final.result?.counts).toMatchObject({ added: 3, updated: 0, unchanged: 0, rejected: 0 });
    const afterFirst = dumpObservations(backend!);
    const second = await importAndWait(backend!, { source: { kind: 'path', path: file }, mode: 'valid-rows' });
    expect(second.final.result?.counts).toMatchObject({ added: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(dumpObservations(backend!)).toEqual(afterFirst);
    writeCsv('monthly.csv', text.replace('2010-02,11', '2010-02,12'));
    const preview = await backend!.client.call('import.preview', { source: { kind: 'path', path: file } });
    expect(preview.counts).toMatchObject({ wouldAdd: 0, wouldUpdate: 1, unchanged: 2 });
    const third = await importAndWait(backend!, { source: { kind: 'path', path: file }, mode: 'valid-rows' });
    expect(third.final.result?.counts).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
  });

  it('takes a pre-import backup with the SQLite backup API and keeps only backupsToKeep of them', async () => {
    await backend!.client.call('settings.update', { backupsToKeep: 2 });
    const file = writeCsv('b.csv', `${HEADER}\n${R},,rpm_enrolled_patients,2010-01,1\n`);
    const paths: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { final } = await importAndWait(backend!, { source: { kind: 'path', path: file }, mode: 'valid-rows' });
      paths.push(final.result!.backupPath!);
    }
    expect(paths[0]).toMatch(/workspace\..*\.pre-import\.sqlite$/);
    expect(fs.existsSync(paths[0]!)).toBe(false);
    expect(fs.existsSync(paths[2]!)).toBe(true);
    expect(fs.readdirSync(path.dirname(paths[2]!)).filter((name) => name.includes('pre-import'))).toHaveLength(2);
  });

  it('a forced account takes a wide file without an account column; a file naming two accounts is not merged', async () => {
    const accounts = await backend!.client.call('accounts.list', { search: 'Riverbend' });
    const accountId = accounts[0]!.id;
    const wide = `Month,Enrolled Patients,Provider logins\n2010-01,120,40\n2010-02,125,41\n`;
    const { final } = await importAndWait(backend!, { source: { kind: 'text', fileName: 'wide.csv', text: wide }, accountId, mode: 'valid-rows' });
    expect(final.result).toMatchObject({ format: 'wide', counts: { added: 4 } });
    expect(importedRows(backend!, 'wide.csv')).toHaveLength(4);
    const mixed = `${HEADER}\nRiverbend,,rpm_enrolled_patients,2011-01,1\nSomeone Else,,rpm_enrolled_patients,2011-02,2\n`;
    const preview = await backend!.client.call('import.preview', { source: { kind: 'text', fileName: 'mixed.csv', text: mixed }, accountId });
    expect(preview.rowErrors.map((e) => [e.line, e.code])).toEqual([[3, 'account_conflict']]);
  });

  it('remembers a confirmed mapping for the same header layout and offers it next time', async () => {
    const text = `Org,When,Device patients,Logins\n${R},2010-01,120,40\n`;
    const first = await backend!.client.call('import.preview', { source: { kind: 'text', fileName: 'odd.csv', text } });
    expect(first.refusal?.code).toBe('mapping');
    const mapping = { format: 'wide' as const, account: 0, stream: null, month: 1, metricColumns: [{ column: 2, metricKey: 'rpm_enrolled_patients' }, { column: 3, metricKey: 'rpm_provider_logins' }] };
    const { final } = await importAndWait(backend!, { source: { kind: 'text', fileName: 'odd.csv', text }, mapping, mode: 'valid-rows' });
    expect(final.result).toMatchObject({ mappingOrigin: 'given', counts: { added: 2 } });
    const again = await backend!.client.call('import.preview', { source: { kind: 'text', fileName: 'odd-2.csv', text: text.replace('2010-01', '2010-02') } });
    expect(again).toMatchObject({ mappingOrigin: 'remembered', mapping, refusal: null, counts: { wouldAdd: 2 } });
    expect(Object.keys((await backend!.client.call('settings.get', {})).importMappings)).toEqual([again.headerFingerprint]);
  });

  it('rejects a mapping that points outside the file or at an unknown metric, before reading rows', async () => {
    const text = `${HEADER}\n${R},,rpm_enrolled_patients,2010-01,1\n`;
    const preview = await backend!.client.call('import.preview', {
      source: { kind: 'text', fileName: 'x.csv', text },
      mapping: { format: 'wide', account: 0, stream: null, month: 9, metricColumns: [{ column: 4, metricKey: 'nope' }] },
    });
    expect(preview.refusal?.code).toBe('mapping');
    expect(preview.refusal?.message).toContain('number 10');
    expect(preview.refusal?.message).toContain('"nope"');
  });

  it('unknown files and accounts are API errors, not jobs', async () => {
    await expect(backend!.client.call('import.start', { source: { kind: 'path', path: path.join(dir, 'missing.csv') }, mode: 'valid-rows' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(backend!.client.call('import.preview', { source: { kind: 'text', fileName: 'a.csv', text: 'a' }, accountId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(backend!.client.call('import.progress', { jobId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
