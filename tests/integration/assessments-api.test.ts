import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/transports/cli/main';
import type { IdentificationAnswersInput } from '../../src/shared/framework/answers';
import { openTempBackend } from '../support/temp-backend';
import { TEST_DIALECTS } from '../support/test-dialects';

describe.each(TEST_DIALECTS)('assessments API (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  let accountId: string;
  let baseId: string;
  let bonusId: string;

  beforeEach(async () => {
    ctx = await openTempBackend({ dialect });
    const call = ctx.backend.client.call;
    accountId = (await call('accounts.create', { name: 'Meridian', customerSegment: 'health_plan', buyerType: 'payer' })).id;
    baseId = (await call('streams.create', { accountId, name: 'PMPM base', revenueModel: 'pmpm_pepm', paymentEnvironment: 'commercial_insurance', terms: { eligiblePopulation: 60000 } })).id;
    bonusId = (
      await call('streams.create', {
        accountId,
        name: 'Outcomes bonus',
        revenueModel: 'value_based',
        paymentEnvironment: 'commercial_insurance',
        terms: { structure: 'shared_savings', measurementPeriodMonths: 24, targets: [{ metric: 'A1c at goal', targetPct: 70, benchmarkPct: 38 }] },
      })
    ).id;
    await call('stakeholders.create', { accountId, archetype: 'health_plan_cfo_actuary', personName: 'Jonah Weiss' });
  });
  afterEach(async () => ctx.cleanup());

  const answers = (orientation: 'reducing_costs' | 'unknown'): IdentificationAnswersInput => ({
    behaviourChange: 'patients',
    paymentEnvironments: ['commercial_insurance'],
    streams: [
      { id: baseId, label: 'PMPM base', howPaid: 'per_member_per_month', orientation: 'reducing_costs', pathToRevenue: 'at_renewal', contractTerms: { revenueSharePct: 75 } },
      { id: bonusId, label: 'Outcomes bonus', howPaid: 'shared_savings', orientation, pathToRevenue: 'measurement_period_18_24_months', contractTerms: { revenueSharePct: 25 } },
    ],
    conflictingIncentives: { answer: 'yes' },
  });

  it('evaluates a hybrid without saving: models, readiness of the outcomes stream, value map gaps', async () => {
    const result = await ctx.backend.client.call('assessments.evaluate', { accountId, quarter: '2026Q3', answers: answers('unknown') });
    expect(result.identification.isHybrid).toBe(true);
    expect(result.identification.primaryModel).toBe('hybrid');
    expect(result.contractReadiness).toHaveLength(1);
    expect(result.contractReadiness[0]!.readiness.targetFlags.length).toBeGreaterThan(0); // 70% vs a 38% benchmark
    expect(result.valueMap?.entries[0]?.evidenceGaps.length).toBeGreaterThan(0); // no metrics recorded yet
    expect(result.openQuestions.some((q) => q.priority === 'first_conversation')).toBe(true);
    expect(await ctx.backend.client.call('assessments.list', { accountId })).toEqual([]);
  });

  it('autosaves drafts, finalizes a quarter, and reports what changed since the previous quarter', async () => {
    const draft = await ctx.backend.client.call('assessments.saveDraft', { accountId, quarter: '2026Q2', answers: answers('unknown') });
    expect(draft).toMatchObject({ status: 'draft', result: null });
    const q2 = await ctx.backend.client.call('assessments.finalize', { accountId, quarter: '2026Q2', answers: answers('unknown') });
    expect(q2.status).toBe('final');
    expect(q2.result?.changesSinceLast).toBeNull();

    const q3 = await ctx.backend.client.call('assessments.finalize', {
      accountId,
      quarter: '2026Q3',
      answers: answers('reducing_costs'),
      orientationNotes: { [bonusId]: 'CFO confirmed on the October call' },
    });
    expect(q3.result?.previousQuarter).toBe('2026Q2');
    expect(q3.result?.changesSinceLast?.map((c) => c.key)).toContain(`orientation:${bonusId}`);
    expect(q3.orientationNotes[bonusId]).toBe('CFO confirmed on the October call');

    const history = await ctx.backend.client.call('assessments.list', { accountId });
    expect(history.map((h) => [h.quarter, h.status, h.primaryModel])).toEqual([
      ['2026Q3', 'final', 'hybrid'],
      ['2026Q2', 'final', 'hybrid'],
    ]);
    const reread = await ctx.backend.client.call('assessments.get', { accountId, quarter: '2026Q3' });
    expect(reread.result?.identification.primaryModel).toBe('hybrid');
  });

  it('rejects a malformed quarter and reports a missing one as not found', async () => {
    await expect(ctx.backend.client.call('assessments.saveDraft', { accountId, quarter: 'Q3 2026', answers: {} })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(ctx.backend.client.call('assessments.get', { accountId, quarter: '2025Q1' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('qbr framework and qbr identify', () => {
  async function run(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
    return { code, stdout, stderr };
  }

  it('prints the catalog with the archetype keys used as deck audiences', async () => {
    const text = await run(['framework']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('health_plan_cfo_actuary');
    const json = JSON.parse((await run(['framework', '--json'])).stdout);
    expect(json.revenueModels.map((m: { key: string }) => m.key)).toEqual(['cpt_rpm', 'pmpm_pepm', 'saas_license', 'value_based', 'hybrid']);
  });

  it.each(fs.readdirSync('resources/examples').filter((f) => f.startsWith('identify-')))('identifies the example %s', async (file) => {
    const result = await run(['identify', '--answers', path.join('resources/examples', file), '--json']);
    expect(result.code).toBe(0);
    const expected = file.replace(/^identify-|\.json$/g, '').replace(/-/g, '_');
    expect(JSON.parse(result.stdout).primaryModel).toBe(expected);
  });

  it('explains a file that does not match the answers format', async () => {
    const bad = path.join(fs.mkdtempSync('/tmp/qbr-identify-'), 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ behaviourChange: 'robots' }));
    const result = await run(['identify', '--answers', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('behaviourChange');
    expect((await run(['identify'])).code).toBe(2);
  });
});
