import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempBackend } from '../support/temp-backend';

/*
 * Repositories hand out validated domain objects: a stored row no write path could have produced
 * (a hand-edited file, a newer version's data) is refused with a message naming it, at every API
 * that reads it, instead of being cast and failing later as "Something went wrong".
 */

let env: Awaited<ReturnType<typeof openTempBackend>>;
let accountId: string;

beforeEach(async () => {
  env = await openTempBackend();
  accountId = (await env.backend.client.call('accounts.create', { name: 'Hand-edited Health', customerSegment: 'health_plan', buyerType: 'payer' })).id;
  await env.backend.client.call('streams.create', { accountId, name: 'PMPM base', revenueModel: 'pmpm_pepm', paymentEnvironment: 'commercial_insurance', terms: { eligiblePopulation: 5000 } });
  await env.backend.client.call('stakeholders.create', { accountId, archetype: 'health_plan_executive_sponsor', personName: 'Ana Ruiz', isExecutiveSponsor: true });
});
afterEach(async () => env.cleanup());

const corrupt = (sql: string) => env.backend.workspace.sqlite!.prepare(sql).run();

describe('stored rows are validated when read', () => {
  it('streams with terms that do not fit their model are refused by name on every path', async () => {
    corrupt(`UPDATE revenue_streams SET terms_json = 'null'`);
    const calls = [
      env.backend.dispatch('streams.list', { accountId }),
      env.backend.dispatch('insights.account', { accountId }),
      env.backend.dispatch('decks.plan', { accountId, audience: ['health_plan_executive_sponsor'] }),
      env.backend.dispatch('assessments.evaluate', { accountId, quarter: '2026Q3', answers: {} }),
    ];
    for (const result of await Promise.all(calls)) {
      expect(result).toMatchObject({ ok: false, error: { code: 'stored_data_invalid', message: expect.stringContaining('Revenue stream "PMPM base"') } });
    }
  });

  it('a stream of a model this version does not know, and a stakeholder in an unknown role, are named too', async () => {
    corrupt(`UPDATE revenue_streams SET revenue_model = 'crypto_rewards'`);
    expect(await env.backend.dispatch('streams.list', { accountId })).toMatchObject({ ok: false, error: { code: 'stored_data_invalid', message: expect.stringMatching(/revenue model "crypto_rewards"/) } });
    corrupt(`UPDATE revenue_streams SET revenue_model = 'pmpm_pepm'`);
    corrupt(`UPDATE stakeholders SET archetype = 'chief_vibes_officer'`);
    expect(await env.backend.dispatch('stakeholders.list', { accountId })).toMatchObject({ ok: false, error: { code: 'stored_data_invalid', message: expect.stringContaining('Stakeholder "Ana Ruiz"') } });
  });

  it('valid rows come back as typed objects: terms parsed, flags as booleans', async () => {
    const [stream] = await env.backend.client.call('streams.list', { accountId });
    expect(stream!.terms).toEqual({ eligiblePopulation: 5000 });
    const [person] = await env.backend.client.call('stakeholders.list', { accountId });
    expect(person).toMatchObject({ archetype: 'health_plan_executive_sponsor', isExecutiveSponsor: true, isBudgetHolder: false });
  });
});
