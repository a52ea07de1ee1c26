import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackendHost, type BackendHost } from '../../src/main/api/backend-host';
import { openBackend } from '../../src/main/api/backend';
import { LATEST_SCHEMA_VERSION } from '../../src/main/storage/db/migrations';
import { BACKUPS_FOLDER_NAME, newBackupPath } from '../../src/main/storage/workspace/backup-files';
import { backupBeforeBulkImport, backupWorkspace, listBackups, verifyBackup } from '../../src/main/storage/workspace/backups';
import { openWorkspace } from '../../src/main/storage/workspace/open-workspace';
import { createRecentWorkspacesStore } from '../../src/main/api/host/recent-workspaces';
import { ApiFailure } from '../../src/shared/api/errors';
import { FIXED_NOW, makeTempDir, sequentialIds } from '../support/temp-backend';
import { corruptMiddlePages, sha256File } from '../support/workspace-files';

/** A clock that ticks one second per call, so every backup gets its own timestamp. */
function tickingClock(): () => Date {
  let t = FIXED_NOW.getTime();
  return () => new Date((t += 1000));
}

async function expectFailure(promise: Promise<unknown> | (() => unknown), code: string): Promise<ApiFailure> {
  const error = typeof promise === 'function'
    ? (() => { try { promise(); return null; } catch (e) { return e; } })()
    : await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiFailure);
  expect((error as ApiFailure).code).toBe(code);
  return error as ApiFailure;
}

describe('backups', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  async function workspaceWithDemo(name = 'client.sqlite', now = tickingClock()) {
    const backend = await openBackend({ workspacePath: path.join(dir, name), transport: 'direct', now, newId: sequentialIds(), log: () => {} });
    await backend.client.call('demo.load', {});
    return backend;
  }

  it('backs up into backups/ beside the workspace and keeps only the newest backupsToKeep', async () => {
    const backend = await workspaceWithDemo();
    await backend.client.call('settings.update', { backupsToKeep: 3 });
    const made = [];
    for (let i = 0; i < 5; i += 1) made.push(await backend.client.call('workspace.backupNow', {}));
    const listed = await backend.client.call('workspace.listBackups', {});
    expect(listed.map((b) => b.path)).toEqual(made.slice(2).map((b) => b.path).reverse());
    expect(listed.every((b) => path.dirname(b.path) === path.join(dir, BACKUPS_FOLDER_NAME) && b.reason === 'manual')).toBe(true);
    expect(listed[0]!.fileName).toMatch(/^client\.\d{8}T\d{9}Z\.manual\.sqlite$/);
    // Self-contained: no -wal/-shm beside backups, even after verifying them.
    for (const backup of listed) expect(verifyBackup(backup.path).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(fs.readdirSync(path.join(dir, BACKUPS_FOLDER_NAME)).filter((n) => /-(wal|shm|journal)$/.test(n))).toEqual([]);
    await backend.close();
  });

  it('backups taken within one millisecond stay in order, and the newest survives pruning', async () => {
    const backend = await workspaceWithDemo('client.sqlite', () => FIXED_NOW);
    await backend.client.call('settings.update', { backupsToKeep: 2 });
    const made = [];
    for (let i = 0; i < 12; i += 1) made.push(await backend.client.call('workspace.backupNow', {}));
    expect((await backend.client.call('workspace.listBackups', {})).map((b) => b.path)).toEqual([made[11]!.path, made[10]!.path]);
    expect(made[11]!.fileName).toMatch(/Z-12\.manual\.sqlite$/);
    await backend.close();
  });

  it('a backup holds the data as it was and lists only its own workspace', async () => {
    const backend = await workspaceWithDemo();
    const other = await workspaceWithDemo('other-client.sqlite');
    await other.client.call('workspace.backupNow', {});
    const backup = await backupBeforeBulkImport(backend.workspace, FIXED_NOW);
    expect(backup.reason).toBe('pre-import');
    await backend.client.call('accounts.create', { name: 'Added after the backup', customerSegment: 'employer', buyerType: 'employer' });
    const copy = new SqliteDatabase(backup.path, { readonly: true });
    expect(copy.prepare("SELECT count(*) FROM accounts WHERE name = 'Added after the backup'").pluck().get()).toBe(0);
    expect(copy.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(9);
    copy.close();
    expect(listBackups(backend.workspace.path).map((b) => b.path)).toEqual([backup.path]);
    await backend.close();
    await other.close();
  });

  it('verification refuses damaged files, other databases and backups from a newer app', async () => {
    const backend = await workspaceWithDemo();
    const good = await backupWorkspace(backend.workspace, 'manual', FIXED_NOW);
    await backend.close();

    const damaged = path.join(dir, 'damaged.sqlite');
    fs.copyFileSync(good.path, damaged);
    corruptMiddlePages(damaged);
    await expectFailure(() => verifyBackup(damaged), 'backup_invalid');

    const foreign = path.join(dir, 'foreign.sqlite');
    new SqliteDatabase(foreign).exec('CREATE TABLE t (x)');
    await expectFailure(() => verifyBackup(foreign), 'backup_invalid');

    const newer = path.join(dir, 'newer.sqlite');
    fs.copyFileSync(good.path, newer);
    const raw = new SqliteDatabase(newer);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    expect((await expectFailure(() => verifyBackup(newer), 'backup_invalid')).message).toMatch(/schema/);

    fs.writeFileSync(path.join(dir, 'text.sqlite'), 'not a database at all, just text '.repeat(200));
    await expectFailure(() => verifyBackup(path.join(dir, 'text.sqlite')), 'backup_invalid');
    await expectFailure(() => verifyBackup(path.join(dir, 'missing.sqlite')), 'not_found');
  });

  it('start-up quick check after an unclean shutdown: a damaged workspace is refused with workspace_corrupt and not modified', async () => {
    const backend = await workspaceWithDemo();
    const file = backend.workspace.path;
    await backend.close();
    corruptMiddlePages(file);
    // A crash leaves the write-ahead log beside the file; a clean close removes it.
    fs.writeFileSync(`${file}-wal`, '');
    const before = sha256File(file);
    const error = await expectFailure(openWorkspace(file, { now: () => FIXED_NOW }), 'workspace_corrupt');
    expect(error.message).toMatch(/damaged.*Restore the newest good backup/);
    expect(sha256File(file)).toBe(before);
  });

  it('a cleanly closed workspace opens without the check unless one is asked for', async () => {
    const backend = await workspaceWithDemo();
    const file = backend.workspace.path;
    await backend.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const clean = await openWorkspace(file, { now: () => FIXED_NOW });
    expect(clean.integrityChecked).toBe(false);
    await clean.close();
    corruptMiddlePages(file);
    await expectFailure(openWorkspace(file, { now: () => FIXED_NOW, integrityCheck: 'quick' }), 'workspace_corrupt');
  });

  describe('with the backend host', () => {
    let host: BackendHost;
    beforeEach(() => {
      host = createBackendHost({
        transport: 'direct',
        now: tickingClock(),
        newId: sequentialIds(),
        log: () => {},
        recent: createRecentWorkspacesStore(path.join(dir, 'app-data', 'recent-workspaces.json')),
      });
    });
    afterEach(async () => host.close());

    it('restores a verified backup, keeping the current file aside, and reopens it', async () => {
      const file = path.join(dir, 'client.sqlite');
      await host.start(file);
      await host.client.call('demo.load', {});
      const backup = await host.client.call('workspace.backupNow', {});
      const accounts = await host.client.call('accounts.list', {});
      await host.client.call('accounts.delete', { id: accounts[0]!.id });
      await host.client.call('accounts.create', { name: 'Only in the current file', customerSegment: 'employer', buyerType: 'employer' });

      const result = await host.client.call('workspace.restoreBackup', { backupPath: backup.path });
      expect(result.restoredFrom).toBe(backup.path);
      expect(result.workspace).toMatchObject({ path: file, isOpen: true, problem: null });
      expect((await host.client.call('accounts.list', {})).map((a) => a.name)).toEqual(accounts.map((a) => a.name));

      // The file as it was before the restore is kept, listed, and never pruned.
      const aside = result.keptAsidePath!;
      expect(path.basename(aside)).toMatch(/^client\.\d{8}T\d{9}Z\.before-restore\.sqlite$/);
      const keptRaw = new SqliteDatabase(aside, { readonly: true });
      expect(keptRaw.prepare("SELECT count(*) FROM accounts WHERE name = 'Only in the current file'").pluck().get()).toBe(1);
      keptRaw.close();
      await host.client.call('settings.update', { backupsToKeep: 1 });
      for (let i = 0; i < 3; i += 1) await host.client.call('workspace.backupNow', {});
      const reasons = (await host.client.call('workspace.listBackups', {})).map((b) => b.reason);
      expect(reasons.filter((r) => r === 'before-restore')).toHaveLength(1);
      expect(reasons.filter((r) => r !== 'before-restore')).toHaveLength(1);
    });

    it('refuses to restore a file that is not one of the workspace backups, or a damaged backup, changing nothing', async () => {
      const file = path.join(dir, 'client.sqlite');
      await host.start(file);
      await host.client.call('demo.load', {});
      const backup = await host.client.call('workspace.backupNow', {});
      const stray = path.join(dir, 'stray.sqlite');
      fs.copyFileSync(backup.path, stray);
      await expect(host.client.call('workspace.restoreBackup', { backupPath: stray })).rejects.toMatchObject({ code: 'not_found' });
      corruptMiddlePages(backup.path);
      await expect(host.client.call('workspace.restoreBackup', { backupPath: backup.path })).rejects.toMatchObject({ code: 'backup_invalid' });
      expect(await host.client.call('accounts.list', {})).toHaveLength(9);
      expect((await host.client.call('workspace.listBackups', {})).map((b) => b.reason)).toEqual(['manual']);
    });

    it('a damaged workspace at start-up: no crash, a workspace_corrupt problem, the newest good backup offered and restorable', async () => {
      const file = path.join(dir, 'client.sqlite');
      await host.start(file);
      await host.client.call('demo.load', {});
      const older = await host.client.call('workspace.backupNow', {});
      const newest = await host.client.call('workspace.backupNow', {});
      await host.close();
      corruptMiddlePages(newest.path); // the newest backup is damaged too: the older one must be offered
      corruptMiddlePages(file);
      const damagedBytes = sha256File(file);

      // Closed cleanly, so the file opens at once and is checked in the background; a write sent
      // meanwhile waits for the check and, the file being damaged, is refused without touching it.
      await host.start(file);
      await expect(host.client.call('accounts.create', { name: 'Too soon', customerSegment: 'employer', buyerType: 'employer' })).rejects.toMatchObject({ code: 'workspace_not_open' });
      await host.integrityCheck();
      const state = host.state();
      expect(state).toMatchObject({ path: file, isOpen: false, problem: { code: 'workspace_corrupt' } });
      expect(state.newestGoodBackup?.path).toBe(older.path);
      await expect(host.client.call('accounts.list', {})).rejects.toMatchObject({ code: 'workspace_not_open' });
      expect(await host.client.call('workspace.current', {})).toEqual(state);
      expect(sha256File(file)).toBe(damagedBytes);

      const restored = await host.client.call('workspace.restoreBackup', { backupPath: older.path });
      expect(restored.workspace).toMatchObject({ isOpen: true, problem: null });
      expect(await host.client.call('accounts.list', {})).toHaveLength(9);
      expect(sha256File(restored.keptAsidePath!)).toBe(damagedBytes);
    });

    it('moves the automatic pre-migration backup into the same folder and naming', async () => {
      const file = path.join(dir, 'old.sqlite');
      const { MIGRATIONS } = await import('../../src/main/storage/db/migrations');
      await (await openWorkspace(file, { now: () => FIXED_NOW, migrations: MIGRATIONS.slice(0, -1) })).close();
      await host.start(file);
      expect((await host.client.call('workspace.listBackups', {})).map((b) => b.reason)).toEqual(['pre-migration']);
      expect(newBackupPath(file, 'manual', FIXED_NOW)).toMatch(/backups[\\/]old\.20261115T100000000Z\.manual\.sqlite$/);
    });
  });
});
