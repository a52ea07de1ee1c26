import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentificationAnswersInput } from '../../src/shared/framework/answers';
import type { ArchetypeKey, PaymentEnvironmentKey, RevenueModelKey, ValueOrientationKey } from '../../src/shared/framework/keys';
import { orient } from '../../src/shared/framework/orient';
import { openTempBackend } from '../support/temp-backend';

/*
 * Decisions the app makes in one place must read the same through every API path: the value map
 * of a saved assessment (assessments.evaluate / finalize) and the deck plan (decks.plan) tell the
 * same orientation to the same person, and name the same evidence gaps from the same current data.
 */

type Env = Awaited<ReturnType<typeof openTempBackend>>;
let env: Env;
const ids = new Map<string, string>();
const call: Env['backend']['client']['call'] = (...args) => env.backend.client.call(...args);

beforeAll(async () => {
  env = await openTempBackend();
  await call('demo.load', {});
  for (const account of await call('accounts.list', {})) ids.set(account.name.split(' ')[0]!, account.id);
});
afterAll(async () => env.cleanup());

const HOW_PAID: Record<Exclude<RevenueModelKey, 'hybrid'>, NonNullable<IdentificationAnswersInput['streams']>[number]['howPaid']> = {
  cpt_rpm: 'cpt_revenue_share',
  pmpm_pepm: 'per_member_per_month',
  saas_license: 'entity_license',
  value_based: 'shared_savings',
};

/** Finalizes a quarter whose one stream is stated with `orientation`; returns the stream. */
async function stateOrientation(accountId: string, quarter: string, orientation: ValueOrientationKey) {
  const [stream] = await call('streams.list', { accountId });
  const answers: IdentificationAnswersInput = {
    behaviourChange: 'patients',
    paymentEnvironments: stream!.paymentEnvironment ? [stream!.paymentEnvironment] : [],
    streams: [{ id: stream!.id, label: stream!.name, howPaid: HOW_PAID[stream!.revenueModel as Exclude<RevenueModelKey, 'hybrid'>], orientation, pathToRevenue: 'unknown' }],
  };
  return { stream: stream!, record: await call('assessments.finalize', { accountId, quarter, answers }) };
}

const opposite = (orientation: ValueOrientationKey): ValueOrientationKey => (orientation === 'generating_revenue' ? 'reducing_costs' : 'generating_revenue');

describe('stated orientation: the deck tells the story the CSM recorded', () => {
  it('Riverbend (RPM, fee-for-service): stated "reducing costs" leads the administrator deck with avoided cost, not the reimbursement view', async () => {
    const accountId = ids.get('Riverbend')!;
    const before = await call('decks.plan', { accountId, audience: ['clinic_administrator'], quarter: '2026Q4' });
    expect(before.orientation).toBe('generating_revenue');
    await stateOrientation(accountId, '2026Q4', 'reducing_costs');
    const after = await call('decks.plan', { accountId, audience: ['clinic_administrator'], quarter: '2026Q4' });
    expect(after.orientation).toBe('reducing_costs');
    const story = after.slides.find((slide) => slide.id === 'value-story')!;
    expect(story.subtitle).toMatch(/[Cc]osts (reduced|avoided)/);
    expect(story.title).not.toMatch(/reimbursement/i);
    expect(after.evidenceGaps.map((gap) => gap.need)).toContain('Dollar value of readmissions and ER visits avoided');
    expect(after.evidenceGaps.map((gap) => gap.need)).not.toContain('Reimbursement actually paid, per enrolled patient');
  });

  it('for every single-stream demo account and every mapped person, the value map and the deck agree on the orientation and the gaps', async () => {
    const disagreements: string[] = [];
    for (const [name, accountId] of ids) {
      const streams = await call('streams.list', { accountId });
      if (streams.length !== 1 || streams[0]!.revenueModel === 'hybrid') continue;
      const stream = streams[0]!;
      const expected = orient(stream.revenueModel, stream.paymentEnvironment as PaymentEnvironmentKey | null).orientation;
      const { record } = await stateOrientation(accountId, '2026Q3', opposite(expected));
      for (const entry of record.result!.valueMap!.entries) {
        const plan = await call('decks.plan', { accountId, audience: [entry.archetype as ArchetypeKey], quarter: '2026Q3' });
        if (plan.orientation !== entry.orientation) disagreements.push(`${name} / ${entry.archetype}: value map ${entry.orientation}, deck ${plan.orientation}`);
        const mapGaps = [...new Set(entry.evidenceGaps.map((gap) => gap.need))].sort();
        const deckGaps = [...new Set(plan.evidenceGaps.map((gap) => gap.need))].sort();
        if (JSON.stringify(mapGaps) !== JSON.stringify(deckGaps)) disagreements.push(`${name} / ${entry.archetype}: value map gaps ${mapGaps.join('; ')} vs deck gaps ${deckGaps.join('; ')}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('evidence gaps are recomputed from current data whenever a deck is planned', () => {
  it('Summit: once the missing metrics are entered, the deck names no more gaps than a fresh evaluation', async () => {
    const accountId = ids.get('Summit')!;
    const { stream, record } = await stateOrientation(accountId, '2026Q4', 'reducing_costs');
    const actuary = record.result!.valueMap!.entries.find((entry) => entry.archetype === 'health_plan_cfo_actuary')!;
    expect(actuary.evidenceGaps.length).toBeGreaterThan(0);
    const planBefore = await call('decks.plan', { accountId, audience: ['health_plan_cfo_actuary'], quarter: '2026Q4' });
    expect(planBefore.evidenceGaps.map((gap) => gap.need).sort()).toEqual([...new Set(actuary.evidenceGaps.map((gap) => gap.need))].sort());

    // Enter every metric the actuary's gaps name, for the report month.
    const missing = [...new Set(actuary.evidenceGaps.flatMap((gap) => [...gap.missingMetricKeys, ...gap.anyOfMetricKeys.slice(0, 1)]))];
    const values = Object.fromEntries(missing.map((key) => [key, key.endsWith('_pct') ? 12 : 50_000]));
    await call('metrics.saveMonth', { accountId, streamId: stream.id, month: planBefore.reportMonth, values });

    const evaluated = await call('assessments.evaluate', { accountId, quarter: '2026Q4', answers: record.answers });
    const fresh = evaluated.valueMap!.entries.find((entry) => entry.archetype === 'health_plan_cfo_actuary')!;
    const planAfter = await call('decks.plan', { accountId, audience: ['health_plan_cfo_actuary'], quarter: '2026Q4' });
    expect(fresh.evidenceGaps).toEqual([]);
    expect(planAfter.evidenceGaps).toEqual([]);
  });
});
