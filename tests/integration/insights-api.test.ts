import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/transports/cli/main';
import { makeTempDir, openTempBackend } from '../support/temp-backend';
import { TEST_DIALECTS } from '../support/test-dialects';

describe.each(TEST_DIALECTS)('insights API on the demo portfolio (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  let ids: Map<string, string>;
  beforeEach(async () => {
    ctx = await openTempBackend({ dialect });
    await ctx.backend.client.call('demo.load', {});
    const accounts = await ctx.backend.client.call('accounts.list', {});
    ids = new Map(accounts.map((account) => [account.name.split(' ')[0]!, account.id]));
  });
  afterEach(async () => ctx.cleanup());

  const call = {
    insights: (name: string, asOfMonth?: string) => ctx.backend.client.call('insights.account', { accountId: ids.get(name)!, ...(asOfMonth ? { asOfMonth } : {}) }),
    signalKeys: async (name: string) => (await call.insights(name)).signals.map((signal) => signal.key),
  };

  it('fires the framework failure stories on the right demo accounts', async () => {
    expect(await call.signalKeys('Riverbend')).toEqual(['rpm_billing_engagement_decoupling', 'rpm_management_code_leakage']);
    expect(await call.signalKeys('Lakeshore')).toEqual(['saas_adoption_erosion', 'sponsor_not_engaged']);
    expect(await call.signalKeys('Granite')).toEqual(['vbc_enrollment_too_small', 'vbc_data_quality_drop', 'vbc_target_above_benchmark']);
    expect(await call.signalKeys('Northwind')).toContain('pmpm_guaranteed_revenue_trap');
    expect(await call.signalKeys('Cascadia')).toEqual(['hybrid_switchover_phase']);
    expect(await call.signalKeys('Summit')).toEqual([]);
  });

  it('returns KPIs with formulas and traceable inputs, health with components, for the last complete month', async () => {
    const insights = await call.insights('Riverbend');
    expect(insights.month).toBe('2026-10');
    const days = insights.streams[0]!.kpis.find((kpi) => kpi.key === 'rpm_avg_device_days_per_patient')!;
    expect(days.current.formula).toBe('rpm_device_days_total ÷ rpm_enrolled_patients');
    const [total, enrolled] = days.current.inputs as { metricKey: string; value: number; month: string; streamId: string }[];
    expect(total!.metricKey).toBe('rpm_device_days_total');
    expect(days.current.value).toBeCloseTo(total!.value / enrolled!.value, 10);
    expect(total!.streamId).toBe(insights.streams[0]!.streamId);
    expect(insights.health.score).toBeGreaterThan(0);
    expect(insights.health.components.map((c) => c.key)).toContain('management_capture');
    expect(insights.health.trend).toHaveLength(6);
    // A month in the past is reported as asked.
    expect((await call.insights('Riverbend', '2026-04')).month).toBe('2026-04');
  });

  it('lists the portfolio with health and worst severity for sorting', async () => {
    const portfolio = await ctx.backend.client.call('insights.portfolio', {});
    expect(portfolio).toHaveLength(9);
    const byId = new Map(portfolio.map((row) => [row.accountId, row]));
    expect(byId.get(ids.get('Summit')!)).toMatchObject({ worstSeverity: null, signalCount: 0 });
    expect(byId.get(ids.get('Granite')!)).toMatchObject({ worstSeverity: 'critical', signalCount: 3 });
    expect(byId.get(ids.get('Summit')!)!.healthScore!).toBeGreaterThan(byId.get(ids.get('Lakeshore')!)!.healthScore!);
  });

  it('health weights from settings change the score', async () => {
    const before = (await call.insights('Riverbend')).health.score!;
    await ctx.backend.client.call('settings.update', { healthWeights: { cpt_rpm: { device_engagement: 0, management_capture: 0 } } });
    const after = (await call.insights('Riverbend')).health;
    expect(after.components.map((c) => c.key)).not.toContain('device_engagement');
    expect(after.score).not.toBe(before);
    await expect(ctx.backend.client.call('settings.update', { healthWeights: { cpt_rpm: { made_up: 5 } } } as never)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe.each(TEST_DIALECTS)('metrics.list and metrics.saveMonth (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  let accountId: string;
  let streamId: string;
  beforeEach(async () => {
    ctx = await openTempBackend({ dialect });
    accountId = (await ctx.backend.client.call('accounts.create', { name: 'Oak Clinic', customerSegment: 'physician_practice', buyerType: 'provider' })).id;
    streamId = (await ctx.backend.client.call('streams.create', { accountId, name: 'RPM', revenueModel: 'cpt_rpm', terms: {} })).id;
  });
  afterEach(async () => ctx.cleanup());

  const list = () => ctx.backend.client.call('metrics.list', { accountId });

  it('writes, updates and removes a month of values; the KPIs follow', async () => {
    expect(await ctx.backend.client.call('metrics.saveMonth', { accountId, streamId, month: '2026-10', values: { rpm_enrolled_patients: 100, rpm_device_days_total: 1500 } })).toEqual({ written: 2, removed: 0 });
    await ctx.backend.client.call('metrics.saveMonth', { accountId, streamId, month: '2026-10', values: { rpm_enrolled_patients: 120 } });
    expect((await list()).map((o) => [o.metricKey, o.value, o.source])).toEqual([
      ['rpm_device_days_total', 1500, 'manual'],
      ['rpm_enrolled_patients', 120, 'manual'],
    ]);
    const kpi = (await ctx.backend.client.call('insights.account', { accountId })).streams[0]!.kpis.find((k) => k.key === 'rpm_avg_device_days_per_patient')!;
    expect(kpi.current.value).toBe(12.5);
    expect(await ctx.backend.client.call('metrics.saveMonth', { accountId, streamId, month: '2026-10', values: { rpm_enrolled_patients: null } })).toEqual({ written: 0, removed: 1 });
    const after = (await ctx.backend.client.call('insights.account', { accountId })).streams[0]!.kpis.find((k) => k.key === 'rpm_avg_device_days_per_patient')!;
    expect(after.current).toMatchObject({ value: null, missingInputs: ['rpm_enrolled_patients'] });
  });

  it('filters by month range', async () => {
    for (const month of ['2026-08', '2026-09', '2026-10']) await ctx.backend.client.call('metrics.saveMonth', { accountId, streamId: '', month, values: { outcome_care_gaps_closed: 3 } });
    expect((await ctx.backend.client.call('metrics.list', { accountId, fromMonth: '2026-09', toMonth: '2026-09' })).map((o) => o.month)).toEqual(['2026-09']);
  });

  it.each([
    ['an unknown metric', { rpm_patient_names: 3 }, /not a metric/],
    ['a negative count', { rpm_enrolled_patients: -5 }, /negative/],
    ['a percentage above 100', { rpm_retention_30d_pct: 140 }, /from 0 to 100/],
    ['a metric of another model', { saas_licensed_seats: 40 }, /not a metric of a cpt_rpm stream/],
  ])('refuses %s with invalid_input and writes nothing, not even the valid values', async (_label, bad, message) => {
    await ctx.backend.client.call('metrics.saveMonth', { accountId, streamId, month: '2026-09', values: { rpm_enrolled_patients: 50 } });
    const before = await list();
    await expect(
      ctx.backend.client.call('metrics.saveMonth', { accountId, streamId, month: '2026-10', values: { rpm_device_days_total: 900, ...bad } }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) });
    expect(await list()).toEqual(before);
  });

  it('refuses a bad month, a stream of another account, and an unknown account', async () => {
    await expect(ctx.backend.dispatch('metrics.saveMonth', { accountId, streamId, month: '2026-13', values: {} })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await expect(ctx.backend.client.call('metrics.saveMonth', { accountId, streamId: 'nope', month: '2026-10', values: {} })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(ctx.backend.client.call('metrics.list', { accountId: 'missing' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('qbr signals', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  async function run(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
    return { code, stdout, stderr };
  }

  it('prints KPIs, health with components and signals, as text and as JSON', async () => {
    const db = path.join(dir, 'w.sqlite');
    expect((await run(['demo', '--db', db])).code).toBe(0);
    const text = await run(['signals', '--db', db, '--account', 'Riverbend Cardiology Associates']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Average device days per patient');
    expect(text.stdout).toMatch(/Health: \d+(\.\d)?\/100/);
    expect(text.stdout).toContain('Management-code capture');
    expect(text.stdout).toContain('[CRITICAL] Billing looks healthy, engagement does not');
    const json = JSON.parse((await run(['signals', '--db', db, '--account', 'lakeshore health system', '--json'])).stdout);
    expect(json.account).toBe('Lakeshore Health System');
    expect(json.signals.map((s: { key: string }) => s.key)).toEqual(['saas_adoption_erosion', 'sponsor_not_engaged']);
    expect(json.health.components.length).toBeGreaterThan(0);
  });

  it('exits 1 for an unknown account and 2 without --account', async () => {
    const db = path.join(dir, 'w.sqlite');
    await run(['demo', '--db', db]);
    const unknown = await run(['signals', '--db', db, '--account', 'Nobody']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no account called "Nobody" in this workspace.');
    expect((await run(['signals', '--db', db])).code).toBe(2);
  });
});
