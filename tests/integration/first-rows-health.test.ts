import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempBackend } from '../support/temp-backend';
import { TEST_DIALECTS } from '../support/test-dialects';

/*
 * The window's first rows bring what the rows' other cells show as far as it is already known: the
 * health the workspace has kept for them (services/insights/portfolio-health.ts) and their setup
 * facts, so the first screen paints whole while health and the facts of every account are worked
 * out. The list answers with the same figures those two calls give, never with a health it would
 * have to work out (that stays with insights.portfolio, off the rows' path).
 */
describe.each(TEST_DIALECTS)('accounts.list with health and setup (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  beforeEach(async () => {
    ctx = await openTempBackend({ dialect });
    await ctx.backend.client.call('demo.load', {});
  });
  afterEach(async () => ctx.cleanup());

  it('gives each row the health insights.portfolio gives and the setup portfolio.facts gives', async () => {
    const call = ctx.backend.client.call;
    const health = new Map((await call('insights.portfolio', {})).map((row) => [row.accountId, row]));
    const setup = new Map((await call('portfolio.facts', {})).map((row) => [row.accountId, row]));
    const rows = await call('accounts.list', { search: '', sortBy: 'name', direction: 'asc', limit: 5, withHealthAndSetup: true });
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.health, row.name).toEqual(health.get(row.id));
      expect(row.setup, row.name).toEqual(setup.get(row.id));
    }
    // The same rows, in the same order, as the list without them.
    const plain = await call('accounts.list', { search: '', sortBy: 'name', direction: 'asc', limit: 5 });
    expect(rows.map(({ health: _health, setup: _setup, ...row }) => row)).toEqual(plain);
    expect(plain.every((row) => !('health' in row) && !('setup' in row))).toBe(true);
  });

  it('leaves out health it has not kept or that the data has moved past, and still gives the setup', async () => {
    const call = ctx.backend.client.call;
    // Nothing kept yet: the demo was just loaded and no health asked for.
    const before = await call('accounts.list', { search: '', sortBy: 'name', direction: 'asc', withHealthAndSetup: true });
    expect(before.length).toBeGreaterThan(2);
    expect(before.filter((row) => row.health !== undefined)).toEqual([]);
    expect(before.every((row) => row.setup?.accountId === row.id)).toBe(true);

    await call('insights.portfolio', {});
    const [changed] = before;
    await call('accounts.update', { id: changed!.id, patch: { notes: 'Renewal call moved' }, expectedUpdatedAt: changed!.updatedAt });
    const after = await call('accounts.list', { search: '', sortBy: 'name', direction: 'asc', withHealthAndSetup: true });
    const fresh = new Map((await call('insights.portfolio', {})).map((row) => [row.accountId, row]));
    for (const row of after) {
      if (row.id === changed!.id) expect(row.health, 'changed since its health was kept').toBeUndefined();
      else expect(row.health, row.name).toEqual(fresh.get(row.id));
    }
  });
});
