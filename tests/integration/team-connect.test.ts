import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createBackendHost, type BackendHost } from '../../src/main/api/backend-host';
import { createRecentWorkspacesStore, RECENT_WORKSPACES_FILE_NAME } from '../../src/main/api/host/recent-workspaces';
import { createEncryptedPasswordStore, TEAM_PASSWORDS_FILE_NAME, type SafeStorageLike } from '../../src/main/api/host/team-passwords';
import { teamWorkspaceUrl } from '../../src/shared/api/schemas/team-workspace-schemas';
import { MIGRATIONS } from '../../src/main/storage/db/migrations';
import { FIXED_NOW, makeTempDir, sequentialIds } from '../support/temp-backend';
import { adminQuery, createPasswordDatabase, type PasswordDatabase } from '../support/postgres-password-role';

/*
 * The desktop app's "Connect to a team workspace": the server's fields and a password through the
 * API of a real backend host, against a PostgreSQL role that must give its password. The
 * password reaches the driver only: it is kept encrypted by the host's store (Electron's
 * safeStorage in the app; a fake with the same interface here, since Electron cannot launch), or
 * in memory in the browser harness, and never lands in the recent list, settings, logs or messages.
 */

/** safeStorage's interface with a reversible, keyed scrambling: enough to prove the store keeps only what the cipher returned. */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageLike & { encrypted: number } {
  const key = 0x5a;
  const fake = {
    encrypted: 0,
    isEncryptionAvailable: () => options.available ?? true,
    encryptString(plainText: string) {
      if (!(options.available ?? true)) throw new Error('Encryption is not available.');
      fake.encrypted += 1;
      return Buffer.concat([Buffer.from('v10'), Buffer.from(plainText, 'utf8').map((byte) => byte ^ key)]);
    },
    decryptString(encrypted: Buffer) {
      if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(encrypted.subarray(3).map((byte) => byte ^ key)).toString('utf8');
    },
    ...(options.backend ? { getSelectedStorageBackend: () => options.backend! } : {}),
  };
  return fake;
}

/** Every byte the app wrote under `folder`, as text. */
function everythingUnder(folder: string): string {
  if (!fs.existsSync(folder)) return '';
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'latin1'))
    .join('\n');
}

describe.skipIf(!inject('postgresUrl'))('connecting to a team workspace', () => {
  let team: PasswordDatabase;
  let temp: ReturnType<typeof makeTempDir>;
  let host: BackendHost;
  let appData: string;
  let filePath: string;
  let logged: string[];
  let cipher: ReturnType<typeof fakeSafeStorage>;

  async function startHost(safe: SafeStorageLike | 'memory'): Promise<BackendHost> {
    const started = createBackendHost({
      transport: 'direct',
      now: () => FIXED_NOW,
      newId: sequentialIds(),
      log: (message) => logged.push(message),
      recent: createRecentWorkspacesStore(path.join(appData, RECENT_WORKSPACES_FILE_NAME)),
      ...(safe === 'memory' ? {} : { teamPasswords: createEncryptedPasswordStore({ filePath: path.join(appData, TEAM_PASSWORDS_FILE_NAME), cipher: safe }) }),
    });
    await started.start(filePath);
    return started;
  }

  const connect = (input: Record<string, unknown>) => host.dispatch('workspace.connectTeam', input);

  beforeEach(async () => {
    team = await createPasswordDatabase(inject('postgresUrl')!);
    temp = makeTempDir();
    appData = path.join(temp.dir, 'app-data');
    filePath = path.join(temp.dir, 'laptop.sqlite');
    logged = [];
    cipher = fakeSafeStorage();
    host = await startHost(cipher);
  });

  afterEach(async () => {
    await host.close();
    await team.drop();
    temp.cleanup();
  });

  it('connects with the typed password, switches to the team workspace, and lists it by its URL without the password', async () => {
    const result = await connect({ server: team.server, password: team.password, rememberPassword: true });
    expect(result).toMatchObject({ ok: true, value: { location: teamWorkspaceUrl(team.server), workspace: { isOpen: true, path: teamWorkspaceUrl(team.server) }, password: { kept: 'encrypted' } } });
    expect(host.state()).toMatchObject({ isOpen: true, path: teamWorkspaceUrl(team.server), schemaVersion: MIGRATIONS.at(-1)!.version });
    // The team workspace works: an account saved through the API is in the server's tables.
    await host.client.call('accounts.create', { name: 'Team Clinic', customerSegment: 'physician_practice', buyerType: 'provider' });
    expect((await adminQuery(team.adminUrl, 'SELECT name FROM accounts')).rows).toEqual([{ name: 'Team Clinic' }]);
    const recent = await host.client.call('workspace.recent', {});
    expect(recent[0]).toEqual({ path: teamWorkspaceUrl(team.server), openedAt: FIXED_NOW.toISOString(), exists: true, isCurrent: true, passwordKept: true });
  });

  it('never writes the password to the recent list, settings, the app data folder or the log, and stores only what safeStorage encrypted', async () => {
    await connect({ server: team.server, password: team.password, rememberPassword: true });
    await host.client.call('settings.update', { csmName: 'Ana' });
    // A refused attempt logs and reports too: neither may carry the password.
    const wrong = await connect({ server: { ...team.server, port: 1 }, password: team.password, rememberPassword: true });
    expect(wrong.ok).toBe(false);
    const written = everythingUnder(appData);
    expect(written).toContain(teamWorkspaceUrl(team.server));
    expect(written).not.toContain(team.password);
    expect(written).not.toContain(encodeURIComponent(team.password));
    expect(written).not.toContain(Buffer.from(team.password).toString('base64'));
    expect(cipher.encrypted).toBe(1);
    expect(JSON.stringify(logged)).not.toContain(team.password);
    expect(JSON.stringify(wrong)).not.toContain(team.password);
    const settings = await adminQuery(team.adminUrl, 'SELECT * FROM settings');
    expect(JSON.stringify(settings.rows)).not.toContain(team.password);
    expect(fs.statSync(path.join(appData, TEAM_PASSWORDS_FILE_NAME)).mode & 0o077).toBe(0);
  });

  it('reopens a team workspace from the list with the kept password, after the app restarts', async () => {
    await connect({ server: team.server, password: team.password, rememberPassword: true });
    await host.client.call('workspace.open', { path: filePath });
    await host.close();
    host = await startHost(fakeSafeStorage());
    const reopened = await connect({ server: team.server });
    expect(reopened).toMatchObject({ ok: true, value: { workspace: { isOpen: true, path: teamWorkspaceUrl(team.server) }, password: { kept: 'encrypted' } } });
  });

  it('says which part is wrong and keeps the current workspace open: wrong or missing password, no such database, unreachable server', async () => {
    const cases: Array<[Record<string, unknown>, string, string | undefined]> = [
      [{ server: team.server, password: 'not-it' }, 'forbidden', 'wrong_password'],
      [{ server: team.server }, 'forbidden', 'password_required'],
      [{ server: { ...team.server, database: 'no_such_book' }, password: team.password }, 'not_found', undefined],
      [{ server: { ...team.server, port: 1 }, password: team.password }, 'not_available', 'unreachable'],
      [{ server: { ...team.server, tls: 'verify-full' }, password: team.password }, 'not_available', 'tls_unavailable'],
    ];
    for (const [input, code, reason] of cases) {
      const result = await connect(input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code } });
      if (reason) expect((result as { error: { details: { reason: string } } }).error.details.reason).toBe(reason);
      expect(JSON.stringify(result)).not.toContain(team.password);
      expect(host.state()).toMatchObject({ isOpen: true, path: filePath });
    }
    expect(fs.existsSync(path.join(appData, TEAM_PASSWORDS_FILE_NAME))).toBe(false);
  });

  it('refuses a database that is not a workspace, or is from a newer app, without changing it', async () => {
    await adminQuery(team.adminUrl, 'CREATE TABLE invoices (id int)');
    expect(await connect({ server: team.server, password: team.password })).toMatchObject({ ok: false, error: { code: 'not_a_workspace' } });
    await adminQuery(team.adminUrl, 'DROP TABLE invoices');
    await connect({ server: team.server, password: team.password });
    await host.client.call('workspace.open', { path: filePath });
    await adminQuery(team.adminUrl, 'UPDATE qbr_workspace SET schema_version = 999');
    expect(await connect({ server: team.server })).toMatchObject({ ok: false, error: { code: 'workspace_newer_than_app' } });
    expect(host.state()).toMatchObject({ isOpen: true, path: filePath });
  });

  it('deletes a kept password the server no longer accepts, and asks for the new one', async () => {
    await connect({ server: team.server, password: team.password, rememberPassword: true });
    await host.client.call('workspace.open', { path: filePath });
    await team.changePassword('the-new-one');
    const refused = await connect({ server: team.server });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', details: { reason: 'wrong_password' } } });
    expect((refused as { error: { message: string } }).error.message).toContain('it was deleted');
    expect((await host.client.call('workspace.recent', {})).find((entry) => entry.path === teamWorkspaceUrl(team.server))?.passwordKept).toBe(false);
    expect(await connect({ server: team.server })).toMatchObject({ ok: false, error: { details: { reason: 'password_required' } } });
    expect(await connect({ server: team.server, password: 'the-new-one' })).toMatchObject({ ok: true });
  });

  it('keeps nothing when asked not to, or when there is no usable keychain, and says so', async () => {
    const notAsked = await connect({ server: team.server, password: team.password, rememberPassword: false });
    expect(notAsked).toMatchObject({ ok: true, value: { password: { kept: 'not-kept' } } });
    await host.close();
    for (const safe of [fakeSafeStorage({ available: false }), fakeSafeStorage({ backend: 'basic_text' })]) {
      host = await startHost(safe);
      expect(await host.client.call('workspace.passwordStorage', {})).toMatchObject({ kind: 'unavailable' });
      const result = await connect({ server: team.server, password: team.password, rememberPassword: true });
      expect(result).toMatchObject({ ok: true, value: { password: { kept: 'not-kept' } } });
      expect((result as { value: { password: { message: string } } }).value.password.message).toContain('asked for it next time');
      await host.client.call('workspace.open', { path: filePath });
      expect(await connect({ server: team.server })).toMatchObject({ ok: false, error: { details: { reason: 'password_required' } } });
      await host.close();
    }
    expect(fs.existsSync(path.join(appData, TEAM_PASSWORDS_FILE_NAME))).toBe(false);
    host = await startHost(cipher);
  });

  it('keeps the password in memory only in the browser harness: reused while it runs, gone after a restart', async () => {
    await host.close();
    host = await startHost('memory');
    expect(await host.client.call('workspace.passwordStorage', {})).toMatchObject({ kind: 'memory' });
    expect(await connect({ server: team.server, password: team.password })).toMatchObject({ ok: true, value: { password: { kept: 'memory' } } });
    await host.client.call('workspace.open', { path: filePath });
    expect(await connect({ server: team.server })).toMatchObject({ ok: true });
    expect(everythingUnder(appData)).not.toContain(team.password);
    await host.close();
    host = await startHost('memory');
    expect(await connect({ server: team.server })).toMatchObject({ ok: false, error: { details: { reason: 'password_required' } } });
  });

  it('tests a connection without changing anything: an empty database stays empty, a workspace reports its schema', async () => {
    const empty = await host.client.call('workspace.testTeamConnection', { server: team.server, password: team.password });
    expect(empty).toMatchObject({ found: 'empty-database', schemaVersion: null, location: teamWorkspaceUrl(team.server) });
    expect((await adminQuery(team.adminUrl, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).rows).toEqual([{ n: 0 }]);
    expect(host.state()).toMatchObject({ path: filePath });
    expect(fs.existsSync(path.join(appData, TEAM_PASSWORDS_FILE_NAME))).toBe(false);
    await connect({ server: team.server, password: team.password });
    const workspace = await host.client.call('workspace.testTeamConnection', { server: team.server });
    expect(workspace).toMatchObject({ found: 'workspace', schemaVersion: MIGRATIONS.at(-1)!.version });
    expect(await host.dispatch('workspace.testTeamConnection', { server: team.server, password: 'not-it' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('Remove from the list also deletes the kept password', async () => {
    await connect({ server: team.server, password: team.password });
    await host.client.call('workspace.open', { path: filePath });
    const location = teamWorkspaceUrl(team.server);
    const after = await host.client.call('workspace.forgetRecent', { path: location });
    expect(after.map((entry) => entry.path)).not.toContain(location);
    expect(await connect({ server: team.server })).toMatchObject({ ok: false, error: { details: { reason: 'password_required' } } });
  });
});
