import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackendHost, type BackendHost } from '../../src/main/api/backend-host';
import { createRecentWorkspacesStore } from '../../src/main/api/host/recent-workspaces';
import { FIXED_NOW, makeTempDir, sequentialIds } from '../support/temp-backend';
import { createTestDatabase, TEST_DIALECTS } from '../support/test-dialects';

/*
 * Where exported files go unless the person chooses: beside a workspace file; for a team workspace
 * (a postgres:// URL has no folder) the browser harness's first --allow-dir folder. The deck
 * builder used to cut the URL at its last "/" and offer to save "postgres://host:port/Account-QBR.pptx".
 */

describe('app.info filesFolder', () => {
  let host: BackendHost | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    await host?.close();
    host = undefined;
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function harness(dialect: (typeof TEST_DIALECTS)[number]) {
    const work = makeTempDir();
    const decks = makeTempDir('qbr-decks-');
    cleanups.push(work.cleanup, decks.cleanup);
    let workspacePath = path.join(work.dir, 'client.sqlite');
    if (dialect === 'postgres') {
      const database = await createTestDatabase();
      cleanups.push(database.drop);
      workspacePath = database.url;
    }
    host = createBackendHost({
      transport: 'web-harness',
      allowedFolders: [decks.dir],
      now: () => FIXED_NOW,
      newId: sequentialIds(),
      log: () => {},
      recent: createRecentWorkspacesStore(path.join(work.dir, 'app-data', 'recent.json')),
    });
    expect((await host.start(workspacePath)).isOpen).toBe(true);
    return { workspacePath, decksDir: decks.dir, workDir: work.dir };
  }

  it.each(TEST_DIALECTS)('is a folder files may be written to (%s)', async (dialect) => {
    const { decksDir, workDir } = await harness(dialect);
    const info = await host!.client.call('app.info', {});
    expect(info.filesFolder).toBe(dialect === 'sqlite' ? workDir : decksDir);
    expect(info.filesFolder).not.toMatch(/^postgres/);
  });
});
