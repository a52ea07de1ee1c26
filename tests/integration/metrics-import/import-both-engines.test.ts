import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../src/main/api/backend';
import { runCli } from '../../../src/main/transports/cli/main';
import { openTempBackend } from '../../support/temp-backend';
import { seedImportAccountsInto, writeLongMetricsCsv } from '../../support/metrics-import-fixtures';
import { TEST_DIALECTS } from '../../support/test-dialects';
import { importAndWait } from './import-test-helpers';

/*
 * The CSV metric import through the API, as the UI drives it (import.preview, import.start,
 * import.progress, import.cancel), on a workspace file and on a team workspace alike: the same
 * row checks (src/shared/metrics/metric-validation.ts through the shared row validator), the same
 * counts and results, one transaction that commits whole or leaves the workspace as it was.
 * Only the pre-import backup differs: a team workspace has no file to copy (pg_dump covers it).
 */

const R = 'Riverbend Cardiology Associates';
const RS = 'RPM revenue share';
const N = 'Northwind Logistics';
const HEADER = 'account,stream,metric,month,value';

/** Every stored observation, for whole-table before/after comparisons on either engine. */
async function observations(backend: Backend) {
  return backend.workspace.db.selectFrom('metricObservations').selectAll().orderBy('accountId').orderBy('streamId').orderBy('metricKey').orderBy('month').execute();
}

async function observationCount(backend: Backend): Promise<number> {
  const row = await backend.workspace.db.selectFrom('metricObservations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The values one file wrote, by its source label, as [account, stream, metric, month, value]. */
async function importedRows(backend: Backend, source: string) {
  const rows = await backend.workspace.db
    .selectFrom('metricObservations as m')
    .innerJoin('accounts as a', 'a.id', 'm.accountId')
    .leftJoin('revenueStreams as s', 's.id', 'm.streamId')
    .select(['a.name as account', 's.name as stream', 'm.metricKey', 'm.month', 'm.value'])
    .where('m.source', '=', source)
    .orderBy('m.metricKey').orderBy('m.month')
    .execute();
  return rows.map((r) => [r.account, r.stream ?? '', r.metricKey, r.month, r.value]);
}

describe.each(TEST_DIALECTS)('CSV metric import through the API (%s)', (dialect) => {
  let env: Awaited<ReturnType<typeof openTempBackend>>;
  const text = (fileName: string, csv: string) => ({ kind: 'text' as const, fileName, text: csv });

  beforeEach(async () => {
    env = await openTempBackend({ dialect });
    await env.backend.client.call('demo.load', {});
  });
  afterEach(async () => {
    await env.cleanup();
  });

  it('preview reports every row error kind with its line and column (the shared checks) and counts what would change, writing nothing', async () => {
    const before = await observations(env.backend);
    const csv = [
      HEADER,
      `${R},${RS},rpm_enrolled_patients,2010-01,10`,
      `Nobody Health,,rpm_enrolled_patients,2010-01,1`,
      `${R},Imaginary stream,rpm_enrolled_patients,2010-01,1`,
      `${R},,rpm_not_a_metric,2010-01,1`,
      `${R},,rpm_enrolled_patients,2010-13,1`,
      `${R},,rpm_enrolled_patients,2010-02,`,
      `${R},,rpm_enrolled_patients,2010-03,lots`,
      `${R},,rpm_enrolled_patients,2010-04,-1`,
      `${R},,rpm_retention_30d_pct,2010-04,101`,
      `${N},,pmpm_nps,2010-04,150`,
      `${R},${RS},rpm_enrolled_patients,2010-01,11`,
      `${R},,rpm_enrolled_patients,2010-05,12,surplus`,
    ].join('\n');
    const preview = await env.backend.client.call('import.preview', { source: text('errors.csv', csv) });
    expect(preview.refusal).toBeNull();
    expect(preview.rowErrors.map((e) => [e.line, e.code, e.column])).toEqual([
      [3, 'unknown_account', 'account'],
      [4, 'unknown_stream', 'stream'],
      [5, 'unknown_metric', 'metric'],
      [6, 'bad_month', 'month'],
      [7, 'missing_value', 'value'],
      [8, 'not_numeric', 'value'],
      [9, 'negative_count', 'value'],
      [10, 'percent_out_of_range', 'value'],
      [11, 'out_of_range', 'value'],
      [12, 'duplicate', null],
      [13, 'ragged_row', null],
    ]);
    expect(preview.counts).toMatchObject({ rows: 12, values: 12, valid: 1, rejected: 11, wouldAdd: 1, wouldUpdate: 0, unchanged: 0 });
    expect(preview.rowErrors[0]!.message).toContain('Nobody Health');
    expect(preview.rowErrors[1]!.message).toContain(RS);
    expect(await observations(env.backend)).toEqual(before);
  });

  it('all-or-nothing with one bad row is refused with nothing written; valid-rows imports the rest', async () => {
    const before = await observations(env.backend);
    const csv = `${HEADER}\n${R},,rpm_enrolled_patients,2010-01,1\n${R},,rpm_enrolled_patients,2010-02,x\n`;
    const refused = await importAndWait(env.backend, { source: text('one-bad.csv', csv), mode: 'all-or-nothing' });
    expect(refused.final.state).toBe('done');
    expect(refused.final.result).toMatchObject({ committed: false, counts: { valid: 1, rejected: 1, added: 0, updated: 0, unchanged: 0 } });
    expect(refused.final.result?.rowErrors.map((e) => [e.line, e.code])).toEqual([[3, 'not_numeric']]);
    expect(await observations(env.backend)).toEqual(before);

    const partial = await importAndWait(env.backend, { source: text('one-bad.csv', csv), mode: 'valid-rows' });
    expect(partial.final.result).toMatchObject({ committed: true, counts: { added: 1, rejected: 1 } });
    // No stream given: stored on Riverbend's one RPM stream, where its KPIs read it.
    expect(await importedRows(env.backend, 'one-bad.csv')).toEqual([[R, RS, 'rpm_enrolled_patients', '2010-01', 1]]);
    // A file gets a pre-import backup; a team workspace has no file to copy (the server's pg_dump covers it).
    if (dialect === 'sqlite') expect(fs.existsSync(partial.final.result!.backupPath!)).toBe(true);
    else expect(partial.final.result!.backupPath).toBeNull();
  });

  it('re-importing unchanged rows changes nothing (not even their source); a changed value is one update', async () => {
    const csv = `${HEADER}\n${R},${RS},rpm_enrolled_patients,2010-01,10\n${R},${RS},rpm_enrolled_patients,2010-02,11\n${R},,rpm_eligible_patients,2010-02,50\n`;
    const first = await importAndWait(env.backend, { source: text('monthly.csv', csv), mode: 'valid-rows' });
    expect(first.final.result?.counts).toMatchObject({ added: 3, updated: 0, unchanged: 0 });
    const afterFirst = await observations(env.backend);

    const preview = await env.backend.client.call('import.preview', { source: text('monthly-again.csv', csv) });
    expect(preview.counts).toMatchObject({ wouldAdd: 0, wouldUpdate: 0, unchanged: 3 });
    const second = await importAndWait(env.backend, { source: text('monthly-again.csv', csv), mode: 'valid-rows' });
    expect(second.final.result?.counts).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    expect(await observations(env.backend)).toEqual(afterFirst);

    const changed = csv.replace('2010-02,11', '2010-02,12');
    expect((await env.backend.client.call('import.preview', { source: text('fix.csv', changed) })).counts).toMatchObject({ wouldAdd: 0, wouldUpdate: 1, unchanged: 2 });
    const third = await importAndWait(env.backend, { source: text('fix.csv', changed), mode: 'valid-rows' });
    expect(third.final.result?.counts).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
    expect(await importedRows(env.backend, 'fix.csv')).toEqual([[R, RS, 'rpm_enrolled_patients', '2010-02', 12]]);
    expect(await importedRows(env.backend, 'monthly.csv')).toHaveLength(2);
  });

  it('a file with a patient-level column is refused whole and writes nothing', async () => {
    const before = await observations(env.backend);
    const { final } = await importAndWait(env.backend, { source: text('roster.csv', `${HEADER},patient name\n${R},,rpm_enrolled_patients,2010-01,1,Jane Roe\n`), mode: 'valid-rows' });
    expect(final.state).toBe('failed');
    expect(final.error?.code).toBe('phi');
    expect(await observations(env.backend)).toEqual(before);
  });

  it('qbr import --db takes the workspace as a file or a postgres:// URL alike', async () => {
    const file = path.join(env.dir, 'ok.csv');
    fs.writeFileSync(file, `${HEADER}\n${R},,rpm_enrolled_patients,2010-01,5\n${R},,rpm_enrolled_patients,2010-02,6\n`);
    const run = async (argv: string[]) => {
      let stdout = '';
      const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t), env: {} });
      return { code, stdout };
    };
    const first = await run(['import', '--db', env.workspacePath, '--csv', file]);
    expect(first).toMatchObject({ code: 0, stdout: expect.stringContaining('Added 2, updated 0, unchanged 0, rejected 0.') });
    expect(first.stdout.includes('Backup taken before the import')).toBe(dialect === 'sqlite');
    const again = await run(['import', '--db', env.workspacePath, '--csv', file, '--json']);
    expect(JSON.parse(again.stdout).counts).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(await importedRows(env.backend, 'ok.csv')).toEqual([
      [R, RS, 'rpm_enrolled_patients', '2010-01', 5],
      [R, RS, 'rpm_enrolled_patients', '2010-02', 6],
    ]);
  });

  it('a bigger file streams with rising progress, invisible to the app until it commits; cancelling rolls it all back', async () => {
    await seedImportAccountsInto(env.backend.workspace.db, 60);
    const file = path.join(env.dir, 'big.csv');
    const rows = writeLongMetricsCsv(file, { accounts: 60, metrics: 20, months: 50 });
    const before = await observationCount(env.backend);

    // Cancel part-way: the job stops between chunks and its transaction is rolled back.
    const { jobId } = await env.backend.client.call('import.start', { source: { kind: 'path', path: file }, mode: 'valid-rows' });
    let progress = await env.backend.client.call('import.progress', { jobId });
    while (progress.state === 'running' && progress.rowsProcessed < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      progress = await env.backend.client.call('import.progress', { jobId });
    }
    expect(progress.state).toBe('running');
    expect(await env.backend.client.call('import.cancel', { jobId })).toEqual({ jobId, state: 'running' });
    while (progress.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 2));
      progress = await env.backend.client.call('import.progress', { jobId });
    }
    expect(progress.state).toBe('cancelled');
    expect(progress.rowsProcessed).toBeLessThan(rows);
    expect(await observationCount(env.backend)).toBe(before);

    // The whole file: progress rises, and the app's own reads never see a half-done import.
    const started = await env.backend.client.call('import.start', { source: { kind: 'path', path: file }, mode: 'valid-rows' });
    const seen: { rows: number; bytes: number; visible: number }[] = [];
    for (;;) {
      // Counted before asking: a job still running afterwards had not committed when the count was read.
      const visible = await observationCount(env.backend);
      progress = await env.backend.client.call('import.progress', { jobId: started.jobId });
      if (progress.state !== 'running') break;
      seen.push({ rows: progress.rowsProcessed, bytes: progress.bytesRead, visible });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(progress.state).toBe('done');
    expect(progress.result?.counts).toMatchObject({ rows, valid: rows, added: rows, updated: 0, unchanged: 0, rejected: 0 });
    expect(seen.every((s) => s.visible === before)).toBe(true);
    expect(seen.some((s) => s.rows > 0 && s.rows < rows)).toBe(true);
    expect(seen.map((s) => s.bytes)).toEqual([...seen.map((s) => s.bytes)].sort((a, b) => a - b));
    expect(await observationCount(env.backend)).toBe(before + rows);

    // And all of it again: nothing added or updated.
    const again = await importAndWait(env.backend, { source: { kind: 'path', path: file }, mode: 'valid-rows' });
    expect(again.final.result?.counts).toMatchObject({ rows, added: 0, updated: 0, unchanged: rows });
  });
});
