import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackendHost, type BackendHost, type BackendHostOptions } from '../../src/main/api/backend-host';
import { createRecentWorkspacesStore } from '../../src/main/api/host/recent-workspaces';
import { FIXED_NOW, makeTempDir, sequentialIds } from '../support/temp-backend';
import { corruptMiddlePages } from '../support/workspace-files';

/*
 * A cleanly closed workspace opens without its integrity check; a big one's check (and the warm-up
 * of the health and deck threads) waits until the window's start-up calls have been answered, so
 * the first rows do not share the cores with it. Nothing may be written before the check passed.
 * The file here is damaged, so "the check ran" shows as the workspace being closed as corrupt.
 */
describe('background work of a newly opened workspace', () => {
  let dir: string;
  let cleanup: () => void;
  let host: BackendHost;
  let file: string;
  const NEVER = 60_000;

  beforeEach(async () => {
    ({ dir, cleanup } = makeTempDir());
    file = path.join(dir, 'client.sqlite');
    const setup = makeHost({});
    await setup.start(file);
    await setup.client.call('demo.load', {});
    await setup.close();
    corruptMiddlePages(file);
  });
  afterEach(async () => {
    await host?.close();
    cleanup();
  });

  function makeHost(startUp: BackendHostOptions['startUp']): BackendHost {
    return createBackendHost({ transport: 'direct', now: () => FIXED_NOW, newId: sequentialIds(), log: () => {}, recent: createRecentWorkspacesStore(path.join(dir, 'app-data', 'recent.json')), startUp });
  }

  const corrupt = () => expect(host.state()).toMatchObject({ isOpen: false, problem: { code: 'workspace_corrupt' } });

  it('a big file is checked once the start-up calls are answered and the backend is quiet, not before', async () => {
    host = makeHost({ checkAtOnceMaxBytes: 0, quietMs: 50, latestMs: NEVER });
    expect(await host.start(file)).toMatchObject({ isOpen: true, problem: null });
    // No call answered yet: the window is still loading, nothing starts.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(host.state().isOpen).toBe(true);
    expect(await host.client.call('workspace.current', {})).toMatchObject({ isOpen: true });
    await vi.waitFor(corrupt, { timeout: 20_000 });
  });

  it('a write starts a waiting check at once and is refused when the file is damaged', async () => {
    host = makeHost({ checkAtOnceMaxBytes: 0, quietMs: NEVER, latestMs: NEVER });
    await host.start(file);
    await expect(host.client.call('accounts.create', { name: 'Too soon', customerSegment: 'employer', buyerType: 'employer' })).rejects.toMatchObject({ code: 'workspace_not_open' });
    corrupt();
  });

  it('integrityCheck() starts a waiting check and settles when it is done', async () => {
    host = makeHost({ checkAtOnceMaxBytes: 0, quietMs: NEVER, latestMs: NEVER });
    await host.start(file);
    await host.integrityCheck();
    corrupt();
  });

  it('the check starts at the latest a while after the open, even if no window ever asks', async () => {
    host = makeHost({ checkAtOnceMaxBytes: 0, quietMs: NEVER, latestMs: 100 });
    await host.start(file);
    await vi.waitFor(corrupt, { timeout: 20_000 });
  });

  it('a small file is checked as soon as it opens, before any call', async () => {
    host = makeHost({ quietMs: NEVER, latestMs: NEVER });
    await host.start(file);
    await vi.waitFor(corrupt, { timeout: 20_000 });
  });
});
