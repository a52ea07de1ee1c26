import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/transports/cli/main';
import { openTempBackend } from '../../support/temp-backend';
import { importAndWait } from './import-test-helpers';

/*
 * CSV values and months that used to get in: a 309-digit number stored as Infinity over a good
 * value; "1.234" in a semicolon file silently read as 1234; month 99999 and 2199-12 accepted; a
 * "(USD)" header mapped to a count; and a wide file without a stream column whose values were
 * stored where no KPI reads them while the result said "Added 9".
 * The temp backend's clock is 2026-11-15, so the latest month a value may be for is 2026-11.
 */

const R = 'Riverbend Cardiology Associates';
const HEADER = 'account,stream,metric,month,value\n';

describe('CSV values and months', () => {
  let env: Awaited<ReturnType<typeof openTempBackend>>;
  const stored = (metric: string, month: string, accountId?: string) =>
    env.backend.workspace.sqlite!
      .prepare(`SELECT stream_id AS streamId, value FROM metric_observations WHERE metric_key = ? AND month = ?${accountId ? ' AND account_id = ?' : ''}`)
      .all(...[metric, month, ...(accountId ? [accountId] : [])]) as { streamId: string; value: number }[];
  const preview = (text: string, extra: Record<string, unknown> = {}) => env.backend.client.call('import.preview', { source: { kind: 'text', fileName: 'x.csv', text }, ...extra });
  const commit = (text: string, extra: Record<string, unknown> = {}) => importAndWait(env.backend, { source: { kind: 'text', fileName: 'x.csv', text }, mode: 'valid-rows', ...extra });
  beforeEach(async () => {
    env = await openTempBackend();
    await env.backend.client.call('demo.load', {});
  });
  afterEach(async () => env.cleanup());

  it('a number too large to be finite is a row error and never replaces a stored value', async () => {
    expect((await commit(`${HEADER}${R},,rpm_device_days_total,2019-01,346\n`)).final.result?.committed).toBe(true);
    for (const huge of ['9'.repeat(309), '1'.repeat(400), '1e400', '-1e999']) {
      const { final } = await commit(`${HEADER}${R},,rpm_device_days_total,2019-01,${huge}\n`);
      expect(final.result, huge).toMatchObject({ committed: false, counts: { valid: 0, rejected: 1 } });
      expect(final.result!.rowErrors[0]).toMatchObject({ line: 2, column: 'value' });
      expect(final.result!.rowErrors[0]!.message).not.toContain('999999');
      expect(stored('rpm_device_days_total', '2019-01').map((row) => row.value)).toEqual([346]);
    }
  });

  it('months outside 2000-01 .. the current month are refused with a clear error', async () => {
    const text = `${HEADER}${R},,rpm_provider_logins,99999,1\n${R},,rpm_provider_logins,2199-12,2\n${R},,rpm_provider_logins,1999-12,3\n${R},,rpm_provider_logins,2026-12,4\n${R},,rpm_provider_logins,2026-11,5\n${R},,rpm_provider_logins,2000-01,6\n`;
    const result = (await commit(text)).final.result!;
    expect(result.counts).toMatchObject({ valid: 2, rejected: 4 });
    const errors = result.rowErrors.map((error) => [error.line, error.code, error.message]);
    expect(errors).toEqual([
      [2, 'bad_month', expect.stringMatching(/"99999" reads as 2173-10 \(an Excel date\), which has not happened yet: months run from 2000-01 to 2026-11/)],
      [3, 'bad_month', expect.stringMatching(/2199-12 has not happened yet: months run from 2000-01 to 2026-11/)],
      [4, 'bad_month', expect.stringMatching(/1999-12 is before 2000-01/)],
      [5, 'bad_month', expect.stringMatching(/2026-12 has not happened yet/)],
    ]);
    expect(stored('rpm_provider_logins', '2173-10')).toEqual([]);
    expect(stored('rpm_provider_logins', '2199-12')).toEqual([]);
  });

  it('"1.234" in a semicolon or tab file is ambiguous: a warning, a choice, and no import until it is made', async () => {
    for (const delimiter of [';', '\t']) {
      const text = [['account', 'stream', 'metric', 'month', 'value'], [R, '', 'rpm_device_days_total', '2019-02', '1.234'], [R, '', 'rpm_device_days_total', '2019-03', '2.500']].map((row) => row.join(delimiter)).join('\n');
      const look = await preview(text);
      expect(look.decimalSeparatorAmbiguous).toBe(true);
      expect(look.warnings.join(' ')).toMatch(/"1\.234" could be 1\.234 or 1234/);
      const { final } = await commit(text);
      expect(final).toMatchObject({ state: 'failed', error: { code: 'ambiguous_numbers' } });
      expect(stored('rpm_device_days_total', '2019-02')).toEqual([]);
      expect((await preview(text, { decimalSeparator: ',' })).decimalSeparatorAmbiguous).toBe(false);
      expect((await commit(text, { decimalSeparator: ',' })).final.result?.committed).toBe(true);
      expect(stored('rpm_device_days_total', '2019-02').map((row) => row.value)).toEqual([1234]);
      expect((await commit(text, { decimalSeparator: '.' })).final.result?.counts.updated).toBe(2);
      expect(stored('rpm_device_days_total', '2019-02').map((row) => row.value)).toEqual([1.234]);
      env.backend.workspace.sqlite!.prepare("DELETE FROM metric_observations WHERE month IN ('2019-02', '2019-03')").run();
    }
    // A file that shows its reading (1.234,5 or 12,5) is not ambiguous.
    expect((await preview(`account;stream;metric;month;value\n${R};;rpm_device_days_total;2019-02;1.234\n${R};;rpm_device_days_total;2019-03;12,5\n`)).decimalSeparatorAmbiguous).toBe(false);
  });

  it('qbr import says how to choose the reading: --decimal point|comma', async () => {
    await env.backend.close();
    const file = path.join(env.dir, 'semi.csv');
    fs.writeFileSync(file, `account;stream;metric;month;value\n${R};;rpm_device_days_total;2019-02;1.234\n`);
    let out = '';
    const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (out += t), env: {} };
    expect(await runCli(['import', '--db', env.workspacePath, '--csv', file], io)).toBe(1);
    expect(out).toMatch(/--decimal point/);
    out = '';
    expect(await runCli(['import', '--db', env.workspacePath, '--csv', file, '--decimal', 'comma', '--json'], io)).toBe(0);
    expect(JSON.parse(out).counts.added).toBe(1);
    expect(await runCli(['import', '--db', env.workspacePath, '--csv', file, '--decimal', 'nonsense'], io)).toBe(2);
    env = await openTempBackend();
  });

  it('a header whose unit disagrees with the metric is not mapped to it', async () => {
    const look = await preview(`Account,Month,Claims paid 99454 (USD),Claims paid 99457,Enrolled patients ($)\n${R},2019-04,99454,40,12\n`);
    const byHeader = Object.fromEntries(look.columns.map((column) => [column.header, column.metricKey]));
    expect(byHeader).toEqual({ Account: null, Month: null, 'Claims paid 99454 (USD)': null, 'Claims paid 99457': 'rpm_claims_paid_99457', 'Enrolled patients ($)': null });
    expect(look.warnings.join(' ')).toMatch(/"Claims paid 99454 \(USD\)" is in dollars, but rpm_claims_paid_99454 is a count/);
    const long = (await commit(`${HEADER}${R},,Claims paid 99454 (USD),2019-04,99454\n`)).final.result!;
    expect(long.rowErrors[0]).toMatchObject({ code: 'unknown_metric', message: expect.stringMatching(/dollars, but rpm_claims_paid_99454 is a count/) });
  });

  it('a wide file without a stream column stores values on the stream that reads them, or refuses naming the fix', async () => {
    const client = env.backend.client;
    const [riverbend] = await client.call('accounts.list', { search: R });
    const [rpmStream] = await client.call('streams.list', { accountId: riverbend!.id });
    const wide = (account: string) => `Account,Month,Enrolled Patients,Provider logins\n${account},2019-05,150,2400\n`;
    const one = (await commit(wide(R))).final.result!;
    expect(one).toMatchObject({ committed: true, counts: { added: 2 } });
    expect(stored('rpm_enrolled_patients', '2019-05', riverbend!.id)).toEqual([{ streamId: rpmStream!.id, value: 150 }]);

    const two = await client.call('accounts.create', { name: 'Two Stream Clinic', customerSegment: 'physician_practice', buyerType: 'provider' });
    await client.call('streams.create', { accountId: two.id, name: 'RPM A', revenueModel: 'cpt_rpm' });
    await client.call('streams.create', { accountId: two.id, name: 'RPM B', revenueModel: 'cpt_rpm' });
    const ambiguous = (await commit(wide('Two Stream Clinic'))).final.result!;
    expect(ambiguous).toMatchObject({ committed: false, counts: { added: 0, valid: 0, rejected: 2 } });
    expect(ambiguous.rowErrors[0]!.message).toMatch(/Two Stream Clinic has 2 revenue streams that record rpm_enrolled_patients \(RPM A, RPM B\).*add a Stream column/);

    const none = await client.call('accounts.create', { name: 'Platform Only', customerSegment: 'hospital_health_system', buyerType: 'provider' });
    await client.call('streams.create', { accountId: none.id, name: 'Platform', revenueModel: 'saas_license' });
    const missing = (await commit(wide('Platform Only'))).final.result!;
    expect(missing).toMatchObject({ committed: false, counts: { added: 0 } });
    expect(missing.rowErrors[0]!.message).toMatch(/Platform Only has no revenue stream that records rpm_enrolled_patients/);
    expect(stored('rpm_enrolled_patients', '2019-05')).toHaveLength(1);
  });
});
