import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectedPortfolioHealth, portfolioHealthOf } from '../support/expected-health';
import { FIXED_NOW, openTempBackend } from '../support/temp-backend';

/*
 * insights.portfolio keeps each account's summary until that account's data changes (issue 14):
 * a write through the API refreshes only the account it names; a write by another connection, or
 * a settings change, refreshes everything. Large portfolios are summarised on worker threads, over
 * only the months the summary reads, and must give what the engine gives over all the data.
 */
describe('portfolio health cache', () => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  beforeEach(async () => {
    ctx = await openTempBackend();
    await ctx.backend.client.call('demo.load', {});
  });
  afterEach(async () => ctx.cleanup());

  const expectedSummaries = () => expectedPortfolioHealth(ctx.backend, FIXED_NOW.toISOString().slice(0, 10));

  const portfolio = () => portfolioHealthOf(ctx.backend);

  it('a metric saved through the API changes that account’s health at the next request', async () => {
    const accounts = await ctx.backend.client.call('accounts.list', { search: 'Riverbend' });
    const riverbend = accounts[0]!;
    const before = await portfolio();
    const stream = (await ctx.backend.client.call('streams.list', { accountId: riverbend.id }))[0]!;
    await ctx.backend.client.call('metrics.saveMonth', { accountId: riverbend.id, streamId: stream.id, month: '2026-10', values: { rpm_device_days_total: 1 } });
    const after = await portfolio();
    expect(after.get(riverbend.id)).not.toEqual(before.get(riverbend.id));
    expect(after).toEqual(await expectedSummaries());
  });

  it('a write by another connection (the CLI, an import) is seen', async () => {
    await portfolio();
    const other = new SqliteDatabase(ctx.workspacePath);
    other.prepare("UPDATE metric_observations SET value = value * 3 WHERE metric_key = 'rpm_device_days_total'").run();
    other.close();
    expect(await portfolio()).toEqual(await expectedSummaries());
  });

  it('settings that change health (weights) refresh every account', async () => {
    await portfolio();
    await ctx.backend.client.call('settings.update', { healthWeights: { cpt_rpm: { device_engagement: 0 } } });
    expect(await portfolio()).toEqual(await expectedSummaries());
  });

  it('many accounts are summarised on the health threads and agree with the engine', async () => {
    // 9 demo accounts plus copies with their own data: more than the inline limit.
    for (let copy = 0; copy < 2; copy++) {
      const raw = ctx.backend.workspace.sqlite!;
      raw.exec(`
        INSERT INTO accounts (id, name, customer_segment, buyer_type, notes, renewal_date, contract_start_date, created_at, updated_at, deleted_at)
          SELECT id || '-copy${copy}', name || ' copy ${copy}', customer_segment, buyer_type, notes, renewal_date, contract_start_date, created_at, updated_at, deleted_at FROM accounts WHERE id NOT LIKE '%-copy%';
        INSERT INTO revenue_streams (id, account_id, name, revenue_model, payment_environment, terms_json, start_date, end_date, created_at, updated_at)
          SELECT id || '-copy${copy}', account_id || '-copy${copy}', name, revenue_model, payment_environment, terms_json, start_date, end_date, created_at, updated_at FROM revenue_streams WHERE id NOT LIKE '%-copy%';
        INSERT INTO metric_observations (account_id, stream_id, metric_key, month, value, source, updated_at)
          SELECT account_id || '-copy${copy}', CASE stream_id WHEN '' THEN '' ELSE stream_id || '-copy${copy}' END, metric_key, month, value * ${copy + 2}, source, updated_at FROM metric_observations WHERE account_id NOT LIKE '%-copy%';`);
    }
    const summaries = await portfolio();
    expect(summaries.size).toBe(27);
    expect(summaries).toEqual(await expectedSummaries());
  });
});
