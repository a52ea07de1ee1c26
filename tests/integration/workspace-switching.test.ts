import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackendHost, type BackendHost } from '../../src/main/api/backend-host';
import type { HostServices } from '../../src/main/api/host/host-services';
import { userDataFolder, webHarnessAppDataFolder } from '../../src/main/api/host/default-workspace-path';
import { createRecentWorkspacesStore } from '../../src/main/api/host/recent-workspaces';
import { startupWorkspacePath } from '../../src/main/api/host/startup-workspace';
import { startHarnessServer } from '../../src/main/transports/web/harness-server';
import { FIXED_NOW, makeTempDir, openTempBackend, sequentialIds } from '../support/temp-backend';
import { sha256File } from '../support/workspace-files';

describe('several workspaces', () => {
  let dir: string;
  let cleanup: () => void;
  let host: BackendHost;
  let recentFile: string;
  let dialogAnswer: string | null;

  const dialogs: HostServices = {
    chooseFileToOpen: async () => dialogAnswer,
    chooseFileToSave: async () => dialogAnswer,
  };

  beforeEach(() => {
    ({ dir, cleanup } = makeTempDir());
    recentFile = path.join(dir, 'app-data', 'recent-workspaces.json');
    host = createBackendHost({ transport: 'direct', now: () => FIXED_NOW, newId: sequentialIds(), log: () => {}, recent: createRecentWorkspacesStore(recentFile), hostServices: dialogs });
  });
  afterEach(async () => {
    await host.close();
    cleanup();
  });

  const create = (name: string) => host.client.call('accounts.create', { name, customerSegment: 'employer', buyerType: 'employer' });

  it('creates, switches between and lists recent workspaces; each keeps its own accounts', async () => {
    const a = path.join(dir, 'acme.sqlite');
    const b = path.join(dir, 'birch.sqlite');
    await host.start(a);
    await create('Acme account');
    expect(await host.client.call('workspace.create', { path: b })).toMatchObject({ path: b, isOpen: true, canSwitch: true });
    expect(await host.client.call('accounts.list', {})).toEqual([]);
    await create('Birch account');
    await host.client.call('workspace.open', { path: a });
    expect((await host.client.call('accounts.list', {})).map((x) => x.name)).toEqual(['Acme account']);
    expect((await host.client.call('app.info', {})).workspacePath).toBe(a);
    const recent = await host.client.call('workspace.recent', {});
    expect(recent.map((r) => [r.path, r.isCurrent, r.exists])).toEqual([[a, true, true], [b, false, true]]);
    // Stored outside the workspaces, in the app data folder.
    expect(JSON.parse(fs.readFileSync(recentFile, 'utf8')).workspaces.map((w: { path: string }) => w.path)).toEqual([a, b]);
  });

  it('forgets a recent workspace whose file is gone, and only that one', async () => {
    const a = path.join(dir, 'acme.sqlite');
    const gone = path.join(dir, 'gone.sqlite');
    await host.start(gone);
    await host.client.call('workspace.create', { path: a });
    fs.rmSync(gone);
    expect((await host.client.call('workspace.recent', {})).map((r) => [r.path, r.exists])).toEqual([[a, true], [gone, false]]);
    const after = await host.client.call('workspace.forgetRecent', { path: gone });
    expect(after.map((r) => r.path)).toEqual([a]);
    expect((await host.client.call('workspace.recent', {})).map((r) => r.path)).toEqual([a]);
    expect(JSON.parse(fs.readFileSync(recentFile, 'utf8')).workspaces.map((w: { path: string }) => w.path)).toEqual([a]);
    // A path that is not on the list changes nothing.
    expect((await host.client.call('workspace.forgetRecent', { path: path.join(dir, 'never.sqlite') })).map((r) => r.path)).toEqual([a]);
  });

  it('refuses to open a file that is not a workspace, untouched, and keeps the current workspace open', async () => {
    const current = path.join(dir, 'current.sqlite');
    await host.start(current);
    await create('Still here');
    const notes = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(notes, 'meeting notes, not a database\n'.repeat(100));
    const other = path.join(dir, 'other-app.sqlite');
    const raw = new SqliteDatabase(other);
    raw.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    raw.close();
    for (const file of [notes, other]) {
      const before = sha256File(file);
      await expect(host.client.call('workspace.open', { path: file })).rejects.toMatchObject({
        code: 'not_a_workspace',
        message: expect.stringMatching(/not a QBR Workbench workspace.*left untouched/),
      });
      expect(sha256File(file)).toBe(before);
    }
    expect((await host.client.call('workspace.current', {})).path).toBe(current);
    expect((await host.client.call('accounts.list', {})).map((x) => x.name)).toEqual(['Still here']);
  });

  it('open needs an existing file; create refuses an existing one and a missing folder', async () => {
    const current = path.join(dir, 'current.sqlite');
    await host.start(current);
    await expect(host.client.call('workspace.open', { path: path.join(dir, 'nope.sqlite') })).rejects.toMatchObject({ code: 'not_found' });
    await expect(host.client.call('workspace.create', { path: current })).rejects.toMatchObject({ code: 'conflict' });
    await expect(host.client.call('workspace.create', { path: path.join(dir, 'no-folder', 'x.sqlite') })).rejects.toMatchObject({ code: 'not_found' });
    await expect(host.client.call('workspace.open', { path: 'relative.sqlite' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(fs.existsSync(path.join(dir, 'nope.sqlite'))).toBe(false);
  });

  it('asks the host for a path when none is given, and does nothing when the user cancels', async () => {
    await host.start(path.join(dir, 'first.sqlite'));
    dialogAnswer = null;
    expect(await host.client.call('workspace.create', {})).toBeNull();
    dialogAnswer = path.join(dir, 'picked.sqlite');
    expect(await host.client.call('workspace.create', {})).toMatchObject({ path: dialogAnswer });
  });

  it('warns about a workspace in a synced folder', async () => {
    fs.mkdirSync(path.join(dir, 'Dropbox'));
    const state = await host.start(path.join(dir, 'Dropbox', 'client.sqlite'));
    expect(state.syncWarning).toMatchObject({ provider: 'Dropbox', kind: 'cloud-sync' });
  });

  it('the browser harness switches through the same host; its dialogs say to type a path', async () => {
    const web = createBackendHost({ transport: 'web-harness', log: () => {}, recent: createRecentWorkspacesStore(recentFile) });
    await web.start(path.join(dir, 'web-a.sqlite'));
    const server = await startHarnessServer({ dispatch: web.dispatch, staticDir: path.join(dir, 'no-renderer') });
    const post = async (method: string, body: unknown) =>
      (await fetch(`${server.origin}/api/${method}`, { method: 'POST', headers: { 'x-qbr-token': server.token }, body: JSON.stringify(body) })).json();
    try {
      expect(await post('workspace.open', {})).toMatchObject({ ok: false, error: { code: 'not_available', message: expect.stringMatching(/type the full path/) } });
      const b = path.join(dir, 'web-b.sqlite');
      expect(await post('workspace.create', { path: b })).toMatchObject({ ok: true, value: { path: b } });
      expect(await post('app.info', {})).toMatchObject({ ok: true, value: { workspacePath: b, transport: 'web-harness' } });
    } finally {
      await server.close();
      await web.close();
    }
  });

  it('the CLI and tests serve one fixed workspace: it is reported, switching is refused', async () => {
    const ctx = await openTempBackend();
    try {
      expect(await ctx.backend.client.call('workspace.current', {})).toMatchObject({ path: ctx.workspacePath, isOpen: true, canSwitch: false });
      await expect(ctx.backend.client.call('workspace.open', { path: path.join(dir, 'x.sqlite') })).rejects.toMatchObject({ code: 'not_available' });
      await expect(ctx.backend.client.call('workspace.forgetRecent', { path: path.join(dir, 'x.sqlite') })).rejects.toMatchObject({ code: 'not_available' });
    } finally {
      await ctx.cleanup();
    }
  });

  it("the browser harness keeps its own recent list, apart from the desktop app's", () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const env = { APPDATA: 'C:\\Users\\dana\\AppData\\Roaming', XDG_CONFIG_HOME: '/home/dana/.config' };
      const desktop = userDataFolder(env, platform);
      const harness = webHarnessAppDataFolder(env, platform);
      expect(harness).not.toBe(desktop);
      expect(harness.startsWith(desktop)).toBe(true);
    }
  });

  it('start-up reopens the most recent workspace that still exists', () => {
    const recent = [
      { path: '/gone.sqlite', openedAt: 'x' },
      { path: '/here.sqlite', openedAt: 'x' },
    ];
    expect(startupWorkspacePath(undefined, recent, '/default.sqlite', (p) => p === '/here.sqlite')).toBe('/here.sqlite');
    expect(startupWorkspacePath('/explicit.sqlite', recent, '/default.sqlite', () => true)).toBe('/explicit.sqlite');
    expect(startupWorkspacePath(undefined, [], '/default.sqlite')).toBe('/default.sqlite');
  });
});
