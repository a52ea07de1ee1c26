import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/main/api/backend';
import { createBackendHost, type BackendHost } from '../../src/main/api/backend-host';
import { createRecentWorkspacesStore } from '../../src/main/api/host/recent-workspaces';
import { runCli } from '../../src/main/transports/cli/main';
import { FIXED_NOW, makeTempDir, sequentialIds } from '../support/temp-backend';
import { sha256File } from '../support/workspace-files';

/*
 * Issue 13, item 10: files that are not (or no longer) whole workspaces. A truncated workspace is
 * damaged, not "not a QBR Workbench workspace", and its newest good backup is offered; a read-only
 * volume says so; a zero-byte file never silently becomes a workspace; a read command never creates
 * a file.
 */

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  return { code, stdout, stderr };
}

/** A demo workspace with one manual backup; closed again. */
async function workspaceWithBackup(file: string) {
  const backend = await openBackend({ workspacePath: file, transport: 'direct', now: () => FIXED_NOW, newId: sequentialIds(), log: () => {} });
  await backend.client.call('demo.load', {});
  const backup = await backend.client.call('workspace.backupNow', {});
  await backend.close();
  return backup;
}

describe('damaged and unusual workspace files', () => {
  let dir: string;
  let cleanup: () => void;
  let host: BackendHost;
  beforeEach(() => {
    ({ dir, cleanup } = makeTempDir());
    host = createBackendHost({ transport: 'direct', now: () => FIXED_NOW, newId: sequentialIds(), log: () => {}, recent: createRecentWorkspacesStore(path.join(dir, 'app-data', 'recent.json')) });
  });
  afterEach(async () => {
    await host.close();
    cleanup();
  });

  it.each([
    ['to its first 50 bytes', () => 50],
    ['to its first page', () => 4096],
    ['to half its size', (size: number) => Math.floor(size / 2)],
    ['by one page', (size: number) => size - 4096],
  ])('a workspace truncated %s is damaged, left untouched, and its newest good backup is offered and restores', async (_label, cut) => {
    const file = path.join(dir, 'client.sqlite');
    const backup = await workspaceWithBackup(file);
    fs.truncateSync(file, cut(fs.statSync(file).size));
    const damaged = sha256File(file);

    const state = await host.start(file);
    expect(state).toMatchObject({ path: file, isOpen: false, problem: { code: 'workspace_corrupt' } });
    expect(state.problem!.message).toMatch(/damaged|truncated/);
    expect(state.problem!.message).not.toMatch(/not a QBR Workbench workspace/);
    expect(state.newestGoodBackup?.path).toBe(backup.path);
    expect(sha256File(file)).toBe(damaged);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);

    const restored = await host.client.call('workspace.restoreBackup', { backupPath: backup.path });
    expect(restored.workspace).toMatchObject({ isOpen: true, problem: null });
    expect(await host.client.call('accounts.list', {})).toHaveLength(9);
  });

  it('the CLI calls a truncated workspace damaged and names the newest good backup', async () => {
    const file = path.join(dir, 'client.sqlite');
    const backup = await workspaceWithBackup(file);
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    const result = await cli(['accounts', '--db', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/damaged/);
    expect(result.stderr).not.toMatch(/not a QBR Workbench workspace/);
    expect(result.stderr).toContain(backup.path);
  });

  it('a zero-byte file is refused, by the app and by every CLI command, and stays zero bytes', async () => {
    const file = path.join(dir, 'empty.sqlite');
    fs.writeFileSync(file, '');
    const state = await host.start(file);
    expect(state).toMatchObject({ isOpen: false, problem: { code: 'workspace_corrupt' } });
    expect(state.problem!.message).toMatch(/empty \(0 bytes\)/);

    for (const argv of [['demo', '--db', file], ['accounts', '--db', file], ['restore-workspace', '--db', file, '--file', path.join(dir, 'x.json')]]) {
      const result = await cli(argv);
      expect(result.code, argv.join(' ')).toBe(1);
      expect(result.stderr).toMatch(/empty \(0 bytes\)/);
    }
    expect(fs.statSync(file).size).toBe(0);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('empty'))).toEqual(['empty.sqlite']);
  });

  it('read commands with a mistyped --db create no file; demo still creates a new workspace', async () => {
    const missing = path.join(dir, 'clinet.sqlite');
    const out = path.join(dir, 'out');
    const reads = [
      ['accounts', '--db', missing],
      ['signals', '--db', missing, '--account', 'Riverbend Cardiology Associates'],
      ['export', '--db', missing, '--out', `${out}.json`],
      ['backup', '--db', missing, '--out', `${out}.sqlite`],
      ['deck', '--db', missing, '--account', 'Riverbend Cardiology Associates', '--audience', 'clinic_administrator', '--out', `${out}.pptx`],
      ['import', '--db', missing, '--csv', path.resolve('tests/fixtures/csv/01-long-basic.csv'), '--dry-run'],
      ['restore-workspace', '--db', missing, '--file', `${out}.json`, '--dry-run'],
    ];
    for (const argv of reads) {
      const result = await cli(argv);
      expect(result.code, argv[0]).toBe(1);
      expect(result.stderr, argv[0]).toContain(`There is no workspace at ${missing}`);
    }
    expect(fs.readdirSync(dir)).toEqual([]);

    const created = await cli(['demo', '--db', missing]);
    expect(created.code).toBe(0);
    expect(fs.existsSync(missing)).toBe(true);
  });

  it('opening a missing file in the app is not_found and creates nothing', async () => {
    const missing = path.join(dir, 'nope.sqlite');
    await host.start(path.join(dir, 'current.sqlite'));
    await expect(host.client.call('workspace.open', { path: missing })).rejects.toMatchObject({ code: 'not_found' });
    expect(fs.existsSync(missing)).toBe(false);
  });

  // A real read-only mount, in a private mount namespace (unshare), so no privileges are needed
  // where user namespaces are allowed; skipped where they are not (macOS, Windows, locked-down CI).
  const canMountReadOnly = process.platform === 'linux' && spawnSync('unshare', ['--map-root-user', '--mount', 'true']).status === 0;
  it.runIf(canMountReadOnly)('a workspace on a read-only volume gets its own message, not "not a workspace"', async () => {
    const volume = path.join(dir, 'volume');
    fs.mkdirSync(volume);
    await workspaceWithBackup(path.join(volume, 'client.sqlite'));
    const script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && exec "$2" "$3" accounts --db "$1/client.sqlite"';
    let stderr = '';
    let status = 0;
    try {
      execFileSync('unshare', ['--map-root-user', '--mount', 'sh', '-c', script, 'sh', volume, process.execPath, path.resolve('bin/qbr.mjs')], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      ({ stderr, status } = error as { stderr: string; status: number });
    }
    expect(status).toBe(1);
    expect(stderr).toMatch(/read-only/);
    expect(stderr).not.toMatch(/not a QBR Workbench workspace/);
  });
});
