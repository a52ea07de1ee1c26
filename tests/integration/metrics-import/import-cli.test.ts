import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/transports/cli/main';
import { makeTempDir } from '../../support/temp-backend';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  return { code, stdout, stderr };
}

const R = 'Riverbend Cardiology Associates';
const HEADER = 'account,stream,metric,month,value';

describe('qbr import', () => {
  let dir: string;
  let cleanup: () => void;
  let db: string;
  const csv = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  beforeEach(async () => {
    ({ dir, cleanup } = makeTempDir());
    db = path.join(dir, 'w.sqlite');
    expect((await run(['demo', '--db', db])).code).toBe(0);
  });
  afterEach(() => cleanup());

  it('imports, prints counts, and exits 0; the same file again is all unchanged', async () => {
    const file = csv('ok.csv', `${HEADER}\n${R},,rpm_enrolled_patients,2010-01,5\n${R},,rpm_enrolled_patients,2010-02,6\n`);
    const first = await run(['import', '--db', db, '--csv', file]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Added 2, updated 0, unchanged 0, rejected 0.');
    expect(first.stdout).toContain('pre-import');
    const again = JSON.parse((await run(['import', '--db', db, '--csv', file, '--json'])).stdout);
    expect(again.counts).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
  });

  it('--dry-run writes nothing and says what would happen', async () => {
    const file = csv('ok.csv', `${HEADER}\n${R},,rpm_enrolled_patients,2010-01,5\n`);
    const dry = await run(['import', '--db', db, '--csv', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Would add 1, update 0, leave 0 unchanged. Nothing was written.');
    const real = JSON.parse((await run(['import', '--db', db, '--csv', file, '--json'])).stdout);
    expect(real.counts.added).toBe(1);
  });

  it('exits 1 with the row errors when nothing was imported', async () => {
    const file = csv('bad.csv', `${HEADER}\n${R},,rpm_enrolled_patients,2010-13,5\nNobody,,rpm_enrolled_patients,2010-01,1\n`);
    const result = await run(['import', '--db', db, '--csv', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Nothing was imported');
    expect(result.stderr).toContain('line 2 [month] bad_month');
    expect(result.stderr).toContain('line 3 [account] unknown_account');
    expect((await run(['import', '--db', db, '--csv', file, '--dry-run'])).code).toBe(1);
  });

  it('--all-or-nothing exits 1 when any row is bad; valid rows mode imports the rest and exits 0', async () => {
    const file = csv('mixed.csv', `${HEADER}\n${R},,rpm_enrolled_patients,2010-01,5\n${R},,rpm_enrolled_patients,2010-02,x\n`);
    expect((await run(['import', '--db', db, '--csv', file, '--all-or-nothing'])).code).toBe(1);
    const partial = await run(['import', '--db', db, '--csv', file]);
    expect(partial.code).toBe(0);
    expect(partial.stdout).toContain('line 3 [value] not_numeric');
  });

  it('a refused file exits 1 with the reason', async () => {
    const file = csv('phi.csv', `Account,Month,Patient Name\n${R},2010-01,Jane Roe\n`);
    const result = await run(['import', '--db', db, '--csv', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Patient Name');
    expect(result.stderr).toContain('aggregate account data only');
  });

  it('--account NAME forces the account (any case); an unknown name exits 1', async () => {
    const file = csv('wide.csv', 'Month,Enrolled Patients\n2010-01,120\n');
    const ok = await run(['import', '--db', db, '--csv', file, '--account', 'riverbend cardiology associates', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ format: 'wide', counts: { added: 1 } });
    const unknown = await run(['import', '--db', db, '--csv', file, '--account', 'Nobody']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no account called "Nobody"');
  });

  it('usage errors exit 2; a missing file exits 1', async () => {
    expect((await run(['import', '--db', db])).code).toBe(2);
    expect((await run(['import', '--db', db, '--csv', 'x.csv', '--bogus'])).code).toBe(2);
    const missing = await run(['import', '--db', db, '--csv', path.join(dir, 'nope.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no file');
  });
});
