import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackendHost, type BackendHost } from '../../src/main/api/backend-host';
import type { HostServices } from '../../src/main/api/host/host-services';
import { createRecentWorkspacesStore } from '../../src/main/api/host/recent-workspaces';
import { FIXED_NOW, makeTempDir, sequentialIds } from '../support/temp-backend';
import { sha256File } from '../support/workspace-files';

/*
 * Issue 13, item 12: in the desktop app the page is untrusted input. API methods that take a path
 * used to read the first lines of any file (import.preview on a password file) and overwrite any
 * file (workspace.exportJson). In Electron a path must now come from the native dialog the main
 * process showed (it remembers what the person chose) or from a short allow-list (recent
 * workspaces to open; new files beside the open workspace). The browser harness, which has no
 * dialogs, reads and writes only inside its allowed folders; the CLI keeps plain paths.
 */

/** Electron's dialogs, answering with whatever the test sets next. */
function fakeDialogs() {
  const next: { answer: string | null } = { answer: null };
  const services: HostServices = {
    chooseFileToOpen: async () => next.answer,
    chooseFileToSave: async () => next.answer,
  };
  return { services, next };
}

describe('paths from the page', () => {
  let dir: string;
  let outside: string;
  let cleanups: (() => void)[];
  let host: BackendHost;
  beforeEach(() => {
    const work = makeTempDir();
    const elsewhere = makeTempDir('qbr-elsewhere-');
    dir = work.dir;
    outside = elsewhere.dir;
    cleanups = [work.cleanup, elsewhere.cleanup];
  });
  afterEach(async () => {
    await host?.close();
    for (const cleanup of cleanups) cleanup();
  });

  async function startHost(transport: 'electron' | 'web-harness', hostServices?: HostServices) {
    host = createBackendHost({ transport, hostServices, now: () => FIXED_NOW, newId: sequentialIds(), log: () => {}, recent: createRecentWorkspacesStore(path.join(dir, 'app-data', 'recent.json')) });
    const workspacePath = path.join(dir, 'client.sqlite');
    expect((await host.start(workspacePath)).isOpen).toBe(true);
    await host.client.call('demo.load', {});
    return workspacePath;
  }

  const secretCsv = () => {
    const file = path.join(outside, 'passwd.csv');
    fs.writeFileSync(file, 'root:x:0:0:root:/root:/bin/bash\naccount,metric,month,value\n');
    return file;
  };
  const precious = () => {
    const file = path.join(outside, 'thesis.json');
    fs.writeFileSync(file, '{"years of work": true}\n');
    return file;
  };

  it('Electron: a typed path cannot read a file the person did not choose, nor overwrite one', async () => {
    await startHost('electron', fakeDialogs().services);
    const secret = secretCsv();
    const target = precious();
    const before = sha256File(target);
    const [account] = await host.client.call('accounts.list', {});

    await expect(host.client.call('import.preview', { source: { kind: 'path', path: secret } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(host.client.call('workspace.previewImport', { path: target, mode: 'merge' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(host.client.call('decks.readBrandFromTemplate', { filePath: secret })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(host.client.call('workspace.exportJson', { path: target })).rejects.toMatchObject({ code: 'forbidden' });
    const deckOverTarget = path.join(outside, 'board.pptx');
    fs.writeFileSync(deckOverTarget, 'a deck someone finished by hand');
    await expect(
      host.client.call('decks.export', { accountId: account!.id, audience: ['clinic_administrator'], filePath: deckOverTarget, overwrite: true }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(host.client.call('workspace.open', { path: secret })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(host.client.call('workspace.create', { path: path.join(outside, 'new.sqlite') })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(host.client.call('decks.exportPortfolio', { audience: 'auto', outDir: outside })).rejects.toMatchObject({ code: 'forbidden' });

    expect(sha256File(target)).toBe(before);
    expect(fs.readFileSync(deckOverTarget, 'utf8')).toBe('a deck someone finished by hand');
    expect(fs.readdirSync(outside).sort()).toEqual(['board.pptx', 'passwd.csv', 'thesis.json']);
  });

  it('Electron: a path the person chose in the native dialog works, for that use', async () => {
    const dialogs = fakeDialogs();
    await startHost('electron', dialogs.services);
    const [account] = await host.client.call('accounts.list', {});
    const csv = path.join(outside, 'metrics.csv');
    fs.writeFileSync(csv, 'account,stream,metric,month,value\n');

    dialogs.next.answer = csv;
    expect((await host.client.call('files.chooseOpenPath', { title: 'Import metrics' })).path).toBe(csv);
    await expect(host.client.call('import.preview', { source: { kind: 'path', path: csv } })).resolves.toMatchObject({ fileName: 'metrics.csv' });
    // Chosen to open is not chosen to overwrite.
    await expect(host.client.call('workspace.exportJson', { path: csv })).rejects.toMatchObject({ code: 'forbidden' });

    const deck = path.join(outside, 'board.pptx');
    fs.writeFileSync(deck, 'an older deck');
    dialogs.next.answer = deck;
    expect((await host.client.call('files.chooseSavePath', { title: 'Save deck as' })).path).toBe(deck);
    await expect(
      host.client.call('decks.export', { accountId: account!.id, audience: ['clinic_administrator'], filePath: deck, overwrite: true }),
    ).resolves.toMatchObject({ filePath: deck });
  });

  it('Electron: the allow-list — new decks beside the open workspace, and recent workspaces to reopen', async () => {
    const dialogs = fakeDialogs();
    const workspacePath = await startHost('electron', dialogs.services);
    const [account] = await host.client.call('accounts.list', {});
    const beside = path.join(dir, 'Riverbend-QBR-2026Q4.pptx');
    await expect(host.client.call('decks.export', { accountId: account!.id, audience: ['clinic_administrator'], filePath: beside })).resolves.toMatchObject({ filePath: beside });
    // Beside the workspace, only new files: replacing one needs the Save dialog.
    await expect(host.client.call('decks.export', { accountId: account!.id, audience: ['clinic_administrator'], filePath: beside, overwrite: true })).rejects.toMatchObject({ code: 'forbidden' });

    const other = path.join(outside, 'other.sqlite');
    dialogs.next.answer = other;
    // Made through the dialog, it joins the recent list; reopening the first one from there needs no dialog.
    await host.client.call('workspace.create', {});
    await expect(host.client.call('workspace.open', { path: workspacePath })).resolves.toMatchObject({ path: workspacePath, isOpen: true });
  });

  it('browser harness: typed paths work inside its allowed folders only', async () => {
    await startHost('web-harness');
    const secret = secretCsv();
    const target = precious();
    await expect(host.client.call('import.preview', { source: { kind: 'path', path: secret } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(host.client.call('workspace.exportJson', { path: target })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(host.client.call('workspace.exportJson', { path: path.join(dir, '..', path.basename(outside), 'sneaky.json') })).rejects.toMatchObject({ code: 'forbidden' });
    const inside = path.join(dir, 'export.json');
    await expect(host.client.call('workspace.exportJson', { path: inside })).resolves.toMatchObject({ path: inside });
  });
});
