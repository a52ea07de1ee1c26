import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackendHost, type BackendHost } from '../../src/main/api/backend-host';
import { createRecentWorkspacesStore } from '../../src/main/api/host/recent-workspaces';
import { createTestDatabase } from '../support/test-dialects';
import { FIXED_NOW, makeTempDir, sequentialIds } from '../support/temp-backend';
import { TEST_DIALECTS } from '../support/test-dialects';

/*
 * Stopping the app or the harness closes the workspace. Calls still being answered then (a window
 * that was loading its portfolio) are answered first, not cut off with "Something went wrong" and
 * an error in the log.
 */
describe.each(TEST_DIALECTS)('closing the backend while calls are answered (%s)', (dialect) => {
  let temp: ReturnType<typeof makeTempDir>;
  let host: BackendHost;
  let logged: string[];
  let drop = async () => {};
  let location: string;

  beforeEach(async () => {
    temp = makeTempDir();
    logged = [];
    host = createBackendHost({ transport: 'direct', now: () => FIXED_NOW, newId: sequentialIds(), log: (line) => logged.push(line), recent: createRecentWorkspacesStore(path.join(temp.dir, 'recent.json')) });
    location = path.join(temp.dir, 'client.sqlite');
    if (dialect === 'postgres') {
      const database = await createTestDatabase();
      location = database.url;
      drop = () => database.drop();
    }
    await host.start(location);
    expect((await host.dispatch('demo.load', {})).ok).toBe(true);
  });
  afterEach(async () => {
    await drop();
    temp.cleanup();
  });

  it('answers the calls in flight before the workspace is let go', async () => {
    const calls = ['insights.portfolio', 'portfolio.facts', 'accounts.list', 'users.list'].map((method) => host.dispatch(method, {}));
    await host.close();
    for (const answer of await Promise.all(calls)) expect(answer).toMatchObject({ ok: true });
    expect(logged.filter((line) => line.includes('failed'))).toEqual([]);
  });

  it('switching to another workspace answers the calls in flight on the one it leaves', async () => {
    // A workspace file to switch to (from a team workspace too: the one left is the one that matters).
    const other = path.join(temp.dir, 'other.sqlite');
    const maker = createBackendHost({ transport: 'direct', now: () => FIXED_NOW, newId: sequentialIds(), log: () => {}, recent: createRecentWorkspacesStore(path.join(temp.dir, 'recent-2.json')) });
    await maker.start(other);
    await maker.close();

    const calls = ['insights.portfolio', 'portfolio.facts', 'accounts.list', 'users.list'].map((method) => host.dispatch(method, {}));
    const switched = await host.dispatch('workspace.open', { path: other });
    expect(switched).toMatchObject({ ok: true });
    for (const answer of await Promise.all(calls)) expect(answer).toMatchObject({ ok: true });
    expect(logged.filter((line) => line.includes('failed') || line.includes('destroyed'))).toEqual([]);
    await host.close();
  });

  it('closed at once after it opened (a team workspace asks for the first rows as it opens): nothing fails', async () => {
    await host.close();
    const again = createBackendHost({ transport: 'direct', now: () => FIXED_NOW, newId: sequentialIds(), log: (line) => logged.push(line), recent: createRecentWorkspacesStore(path.join(temp.dir, 'recent.json')) });
    await again.start(location);
    await again.close();
    expect(logged.filter((line) => line.includes('failed') || line.includes('destroyed'))).toEqual([]);
  });
});
