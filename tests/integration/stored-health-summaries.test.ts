import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../src/main/api/backend';
import { readAccountDataVersions } from '../../src/main/storage/db/repositories/health-summaries-repository';
import { expectedPortfolioHealth, portfolioHealthOf } from '../support/expected-health';
import { FIXED_NOW, openTempBackend, sequentialIds } from '../support/temp-backend';
import { TEST_DIALECTS } from '../support/test-dialects';
import { SIGNAL_RULES } from '../../src/shared/metrics/signals/evaluate-signals';
import { importAndWait } from './metrics-import/import-test-helpers';

/*
 * The portfolio's health summaries are kept in the workspace (issue 14), so a big book opens
 * without recomputing them; a kept summary must never be served once anything it read has
 * changed: observations written by any connection or program (the API, an import job, raw SQL
 * from another tool, a second team client), the account's stakeholders, or a month that reaches
 * data recorded ahead; a new day decides the kept facts again on that day.
 */
describe.each(TEST_DIALECTS)('stored health summaries (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  const others: Backend[] = [];
  const today = FIXED_NOW.toISOString().slice(0, 10);
  beforeEach(async () => {
    ctx = await openTempBackend({ dialect });
    await ctx.backend.client.call('demo.load', {});
  });
  afterEach(async () => {
    for (const other of others.splice(0)) await other.close();
    await ctx.cleanup();
  });

  /** Another backend on the same workspace: a second window, the CLI, a colleague's app. */
  async function secondClient(now = FIXED_NOW): Promise<Backend> {
    const other = await openBackend({ workspacePath: ctx.workspacePath, transport: 'direct', now: () => now, newId: sequentialIds('other'), log: () => {} });
    others.push(other);
    return other;
  }

  /** Runs SQL on the workspace as another program would, outside the app; returns the rows it reads. */
  async function rawSql(text: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
    if (dialect === 'postgres') {
      const client = new pg.Client(ctx.workspacePath);
      await client.connect();
      try {
        return (await client.query(text.replace(/\?/g, (_, i: number) => `$${text.slice(0, i).split('?').length}`), values)).rows as Record<string, unknown>[];
      } finally {
        await client.end();
      }
    } else {
      const other = new SqliteDatabase(ctx.workspacePath);
      try {
        const statement = other.prepare(text);
        if (statement.reader) return statement.all(...values) as Record<string, unknown>[];
        statement.run(...values);
        return [];
      } finally {
        other.close();
      }
    }
  }

  const riverbend = async (backend: Backend) => (await backend.client.call('accounts.list', { search: 'Riverbend' }))[0]!;

  it('a reopened workspace serves what the engine gives, and a second client sees the same', async () => {
    const first = await portfolioHealthOf(ctx.backend);
    expect(first).toEqual(await expectedPortfolioHealth(ctx.backend, today));
    const other = await secondClient();
    expect(await portfolioHealthOf(other)).toEqual(first);
  });

  it('observations changed by another program after the summaries were kept are seen', async () => {
    const before = await portfolioHealthOf(ctx.backend);
    const account = await riverbend(ctx.backend);
    await rawSql("UPDATE metric_observations SET value = 1 WHERE account_id = ? AND metric_key = 'rpm_device_days_total' AND month = '2026-10'", [account.id]);
    const after = await portfolioHealthOf(ctx.backend);
    expect(after.get(account.id)).not.toEqual(before.get(account.id));
    expect(after).toEqual(await expectedPortfolioHealth(ctx.backend, today));
    // And by a client that never computed anything: it reads what the first one kept.
    expect(await portfolioHealthOf(await secondClient())).toEqual(after);

    await rawSql("DELETE FROM metric_observations WHERE account_id = ? AND month = '2026-10'", [account.id]);
    expect(await portfolioHealthOf(ctx.backend)).toEqual(await expectedPortfolioHealth(ctx.backend, today));
  });

  it('a metric month saved by a second client is seen by the first', async () => {
    await portfolioHealthOf(ctx.backend);
    const other = await secondClient();
    const account = await riverbend(other);
    const stream = (await other.client.call('streams.list', { accountId: account.id }))[0]!;
    await other.client.call('metrics.saveMonth', { accountId: account.id, streamId: stream.id, month: '2026-10', values: { rpm_device_days_total: 1 } });
    expect(await portfolioHealthOf(ctx.backend)).toEqual(await expectedPortfolioHealth(ctx.backend, today));
  });

  it('a CSV import by a second client is seen, and an unchanged re-import keeps every summary valid', async () => {
    await portfolioHealthOf(ctx.backend);
    const other = await secondClient();
    const account = await riverbend(other);
    const stream = (await other.client.call('streams.list', { accountId: account.id }))[0]!;
    const csv = path.join(ctx.dir, 'device-days.csv');
    fs.writeFileSync(csv, `account,stream,metric,month,value\n${account.name},${stream.name},rpm_device_days_total,2026-10,1\n`);
    const { final } = await importAndWait(other, { source: { kind: 'path', path: csv }, mode: 'valid-rows' });
    expect(final.state).toBe('done');
    const after = await portfolioHealthOf(ctx.backend);
    expect(after).toEqual(await expectedPortfolioHealth(ctx.backend, today));

    // The import suspended the version triggers inside its own transaction: they are back.
    await rawSql("UPDATE metric_observations SET value = 2 WHERE account_id = ? AND metric_key = 'rpm_device_days_total' AND month = '2026-10'", [account.id]);
    expect(await portfolioHealthOf(ctx.backend)).toEqual(await expectedPortfolioHealth(ctx.backend, today));
  });

  /** The accounts whose data version differs between two reads, each with how far it moved. */
  const movedVersions = (before: Map<string, number>, after: Map<string, number>) =>
    new Map([...new Set([...before.keys(), ...after.keys()])].filter((id) => before.get(id) !== after.get(id)).map((id) => [id, (after.get(id) ?? 0) - (before.get(id) ?? 0)]));

  it('metric values put back by a workspace restore are seen: the restore moves each account it wrote values of once, and leaves the triggers in place', async () => {
    const account = await riverbend(ctx.backend);
    const exported = path.join(ctx.dir, 'export.json');
    await ctx.backend.client.call('workspace.exportJson', { path: exported });
    await rawSql("UPDATE metric_observations SET value = 1 WHERE account_id = ? AND metric_key = 'rpm_device_days_total' AND month = '2026-10'", [account.id]);
    // Kept for the edited value; the restore takes the file's value back, touching no account row.
    const edited = await portfolioHealthOf(ctx.backend);
    const before = await readAccountDataVersions(ctx.backend.workspace.db);
    const { preview } = await ctx.backend.client.call('workspace.importJson', { path: exported, mode: 'merge', conflicts: 'take-file' });
    expect(preview.tables.metricObservations.updated).toBe(1);
    expect(movedVersions(before, await readAccountDataVersions(ctx.backend.workspace.db))).toEqual(new Map([[account.id, 1]]));
    const restored = await portfolioHealthOf(ctx.backend);
    expect(restored.get(account.id)).not.toEqual(edited.get(account.id));
    expect(restored).toEqual(await expectedPortfolioHealth(ctx.backend, today));

    // The triggers the restore stood aside are back for the next writer.
    const afterRestore = await readAccountDataVersions(ctx.backend.workspace.db);
    await rawSql("UPDATE metric_observations SET value = 2 WHERE account_id = ? AND metric_key = 'rpm_device_days_total' AND month = '2026-10'", [account.id]);
    expect([...movedVersions(afterRestore, await readAccountDataVersions(ctx.backend.workspace.db)).keys()]).toEqual([account.id]);
    expect(await portfolioHealthOf(ctx.backend)).toEqual(await expectedPortfolioHealth(ctx.backend, today));
  });

  it('a replace restore moves every account it emptied or filled', async () => {
    const [kept, dropped] = await ctx.backend.client.call('accounts.list', {});
    const exported = path.join(ctx.dir, 'export.json');
    await ctx.backend.client.call('workspace.exportJson', { path: exported });
    await portfolioHealthOf(ctx.backend);
    const before = await readAccountDataVersions(ctx.backend.workspace.db);
    await ctx.backend.client.call('workspace.importJson', { path: exported, mode: 'replace' });
    const moved = movedVersions(before, await readAccountDataVersions(ctx.backend.workspace.db));
    expect(moved.has(kept!.id) && moved.has(dropped!.id)).toBe(true);
    expect(await portfolioHealthOf(ctx.backend)).toEqual(await expectedPortfolioHealth(ctx.backend, today));
  });

  it('metric values brought back from a laptop are seen: the bring-back moves each account it wrote values of once', async () => {
    const account = await riverbend(ctx.backend);
    const laptopPath = path.join(ctx.dir, 'laptop.qbr');
    await ctx.backend.client.call('offline.takeOut', { accountIds: [account.id], path: laptopPath });
    const laptop = await openBackend({ workspacePath: laptopPath, transport: 'direct', now: () => FIXED_NOW, newId: sequentialIds('laptop'), log: () => {}, ifMissing: 'refuse' });
    try {
      const stream = (await laptop.client.call('streams.list', { accountId: account.id }))[0]!;
      await laptop.client.call('metrics.saveMonth', { accountId: account.id, streamId: stream.id, month: '2026-10', values: { rpm_device_days_total: 1 } });
    } finally {
      await laptop.close();
    }
    const kept = await portfolioHealthOf(ctx.backend);
    const before = await readAccountDataVersions(ctx.backend.workspace.db);
    const done = await ctx.backend.client.call('offline.bringBack', { path: laptopPath, resolutions: {} });
    expect(done.written).toBeGreaterThan(0);
    expect(movedVersions(before, await readAccountDataVersions(ctx.backend.workspace.db))).toEqual(new Map([[account.id, 1]]));
    const after = await portfolioHealthOf(ctx.backend);
    expect(after.get(account.id)).not.toEqual(kept.get(account.id));
    expect(after).toEqual(await expectedPortfolioHealth(ctx.backend, today));
  });

  it('a stakeholder edit, which touches no observation, is seen', async () => {
    const before = await portfolioHealthOf(ctx.backend);
    const account = await riverbend(ctx.backend);
    const people = await ctx.backend.client.call('stakeholders.list', { accountId: account.id });
    for (const person of people) await ctx.backend.client.call('stakeholders.delete', { id: person.id });
    const after = await portfolioHealthOf(ctx.backend);
    expect(after.get(account.id)).not.toEqual(before.get(account.id));
    expect(after).toEqual(await expectedPortfolioHealth(ctx.backend, today));
  });

  it('a renewal date changed by another program, which touches no observation, is seen', async () => {
    const before = await portfolioHealthOf(ctx.backend);
    await rawSql("UPDATE accounts SET renewal_date = '2026-12-01'");
    const after = await portfolioHealthOf(ctx.backend);
    expect([...after].some(([id, summary]) => JSON.stringify(summary) !== JSON.stringify(before.get(id)))).toBe(true);
    expect(after).toEqual(await expectedPortfolioHealth(ctx.backend, today));
  });

  it('a later day of the month decides the kept facts on that day: renewal countdowns and days since engaged move', async () => {
    const first = await portfolioHealthOf(ctx.backend);
    const answers = [first];
    for (const day of [1, 8, 15]) {
      const later = new Date(FIXED_NOW.getTime() + day * 86_400_000);
      const other = await secondClient(later);
      const health = await portfolioHealthOf(other);
      expect(health, `day +${day}`).toEqual(await expectedPortfolioHealth(other, later.toISOString().slice(0, 10)));
      answers.push(health);
    }
    // The kept facts were decided again, not served as they were on the first day.
    expect(answers.at(-1)).not.toEqual(first);
  });

  it('kept facts serve later days and later months until the month reaches data recorded ahead', async () => {
    const accounts = await ctx.backend.client.call('accounts.list', {});
    const { id: ahead } = await riverbend(ctx.backend);
    const quiet = accounts.find((account) => account.id !== ahead)!.id;
    // Riverbend has December's values recorded ahead (a forecast, an early feed) before anything is kept.
    await rawSql(
      "INSERT INTO metric_observations (account_id, stream_id, metric_key, month, value, source, updated_at) SELECT account_id, stream_id, metric_key, '2026-12', value, source, updated_at FROM metric_observations WHERE account_id = ? AND month = '2026-10'",
      [ahead],
    );
    await portfolioHealthOf(ctx.backend);
    // Another program rewrites two kept rows as facts for a healthy account with no signals; a
    // client that serves them has read no data for those accounts.
    const planted = { month: '2026-10', health: { slots: [{ weight: 1, score: 88.8 }], stakeholders: [], contractStartDate: null }, signals: SIGNAL_RULES.map(() => ({ severities: [] })) };
    for (const id of [ahead, quiet]) {
      const [row] = await rawSql('SELECT summary FROM account_health_summaries WHERE account_id = ?', [id]);
      const kept = JSON.parse(String(row!.summary)) as { holds: unknown; facts: unknown };
      await rawSql('UPDATE account_health_summaries SET summary = ? WHERE account_id = ?', [JSON.stringify({ ...kept, facts: planted }), id]);
    }
    const plantedSummary = { healthScore: 88.8, worstSeverity: null, signalCount: 0 };
    const sameMonth = await portfolioHealthOf(await secondClient(new Date(FIXED_NOW.getTime() + 5 * 86_400_000)));
    expect([sameMonth.get(ahead), sameMonth.get(quiet)]).toEqual([plantedSummary, plantedSummary]);
    // December: the report month of an account without December data stays October (still
    // served); Riverbend's moves to December, so its facts are gathered again from the data.
    const december = new Date(FIXED_NOW.getTime() + 20 * 86_400_000);
    const other = await secondClient(december);
    const health = await portfolioHealthOf(other);
    expect(health.get(quiet)).toEqual(plantedSummary);
    expect(health.get(ahead)).toEqual((await expectedPortfolioHealth(other, december.toISOString().slice(0, 10))).get(ahead));
    expect((await other.client.call('insights.account', { accountId: ahead })).month).toBe('2026-12');
  });

  it('the kept rows of an account that no longer exists are pruned when rows are next kept', async () => {
    await portfolioHealthOf(ctx.backend);
    const accounts = await ctx.backend.client.call('accounts.list', {});
    const [gone, changed] = [accounts[0]!.id, accounts[1]!.id];
    await rawSql('DELETE FROM accounts WHERE id = ?', [gone]);
    const kept = async (id: string) => (await rawSql('SELECT account_id FROM account_health_summaries WHERE account_id = ?', [id])).length;
    expect(await kept(gone)).toBe(1);
    await rawSql("UPDATE metric_observations SET value = value + 1 WHERE account_id = ? AND month = '2026-10'", [changed]);
    expect(await portfolioHealthOf(ctx.backend)).toEqual(await expectedPortfolioHealth(ctx.backend, today));
    expect(await kept(gone)).toBe(0);
    expect(await kept(changed)).toBe(1);
  });

  it('kept facts that cannot be read (damaged, or written by another release) are gathered again', async () => {
    await portfolioHealthOf(ctx.backend);
    const { id } = await riverbend(ctx.backend);
    const damagedFacts = { month: '2026-10', health: { slots: [] }, signals: [] };
    for (const damaged of ['{"holds": {"from": "2026-10"', JSON.stringify(damagedFacts), JSON.stringify({ holds: { from: '2026-10', until: null }, facts: damagedFacts })]) {
      await rawSql('UPDATE account_health_summaries SET summary = ? WHERE account_id = ?', [damaged, id]);
      const other = await secondClient();
      expect(await portfolioHealthOf(other)).toEqual(await expectedPortfolioHealth(other, today));
    }
  });
});
