import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { createBackendHost, type BackendHost } from '../../src/main/api/backend-host';
import { createRecentWorkspacesStore } from '../../src/main/api/host/recent-workspaces';
import { createTestDatabase } from '../support/test-dialects';
import { FIXED_NOW, makeTempDir, sequentialIds } from '../support/temp-backend';

/*
 * The window asks for its first rows, the portfolio's health and its setup facts at once. On a team
 * workspace the three would run side by side, sharing the backend's thread and the server while
 * the rows are worked out; health and facts wait for a list already asked for, so the rows come
 * first (a file answers in that order anyway: its one connection is synchronous). Seen from the
 * server: while another session holds the accounts table, only the list's query may be waiting.
 */
describe.skipIf(!inject('postgresUrl'))('the first rows before the whole portfolio', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let temp: ReturnType<typeof makeTempDir>;
  let host: BackendHost;
  let admin: pg.Client;

  beforeEach(async () => {
    database = await createTestDatabase();
    temp = makeTempDir();
    host = createBackendHost({ transport: 'direct', now: () => FIXED_NOW, newId: sequentialIds(), log: () => {}, recent: createRecentWorkspacesStore(path.join(temp.dir, 'recent.json')) });
    await host.start(database.url);
    await host.client.call('demo.load', {});
    // Connections open, so a call reaches the server at once.
    await Promise.all(Array.from({ length: 8 }, () => host.client.call('accounts.list', {})));
    admin = new pg.Client(database.url);
    await admin.connect();
  });

  afterEach(async () => {
    await admin.end().catch(() => {});
    await host.close();
    await database.drop();
    temp.cleanup();
  });

  /** Queries of other sessions on this database waiting for a lock. */
  async function waitingForLock(): Promise<string[]> {
    const { rows } = await admin.query<{ query: string }>(
      `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
    );
    return rows.map((row) => row.query);
  }

  it('health and the setup facts start once a list asked for before them has been answered', async () => {
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE');
    const list = host.dispatch('accounts.list', { limit: 100 });
    const health = host.dispatch('insights.portfolio', {});
    const facts = host.dispatch('portfolio.facts', {});
    await vi.waitFor(async () => expect((await waitingForLock()).length).toBeGreaterThan(0), { timeout: 10_000 });
    // Time enough for the other two to reach the server if they were not held back.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await waitingForLock()).toHaveLength(1);
    await admin.query('COMMIT');
    const [listed, summaries, setup] = await Promise.all([list, health, facts]);
    expect(listed).toMatchObject({ ok: true });
    expect(summaries).toMatchObject({ ok: true });
    expect(setup).toMatchObject({ ok: true });
  });

  it('a list that fails still lets them go, and a list asked for after them does not hold them', async () => {
    const refused = host.dispatch('accounts.list', { limit: -1 });
    const health = host.dispatch('insights.portfolio', {});
    expect(await refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await health).toMatchObject({ ok: true });

    await admin.query('BEGIN');
    await admin.query('LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE');
    const facts = host.dispatch('portfolio.facts', {});
    await vi.waitFor(async () => expect((await waitingForLock()).length).toBeGreaterThan(0), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const factsQueries = (await waitingForLock()).length;
    // A list asked for while the facts are being worked out reaches the server too.
    const list = host.dispatch('accounts.list', {});
    await vi.waitFor(async () => expect((await waitingForLock()).length).toBe(factsQueries + 1), { timeout: 10_000 });
    await admin.query('COMMIT');
    expect(await facts).toMatchObject({ ok: true });
    expect(await list).toMatchObject({ ok: true });
  });
});
