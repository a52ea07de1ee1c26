import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/storage/db/migrations';
import { openWorkspace, WORKSPACE_APPLICATION_ID } from '../../src/main/storage/workspace/open-workspace';
import { ApiFailure } from '../../src/shared/api/errors';
import { FIXED_NOW, makeTempDir } from '../support/temp-backend';

const now = () => FIXED_NOW;
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function expectFailure(promise: Promise<unknown>, code: string): Promise<ApiFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiFailure);
  expect((error as ApiFailure).code).toBe(code);
  return error as ApiFailure;
}

describe('workspace migrations', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('creates every table on an empty file, marks it as a workspace and turns on WAL and foreign keys', async () => {
    const file = path.join(dir, 'new.sqlite');
    const ws = await openWorkspace(file, { now });
    expect(ws.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(ws.preMigrationBackupPath).toBeNull();
    const tables = ws.sqlite!.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['account_data_versions', 'account_health_summaries', 'account_owners', 'accounts', 'assessments', 'audit_log', 'commitments', 'deck_drafts', 'decks', 'goals', 'metric_observations', 'revenue_streams', 'settings', 'stakeholders', 'take_out_base', 'take_out_origin', 'users']);
    expect(ws.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.sqlite!.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.sqlite!.pragma('application_id', { simple: true })).toBe(WORKSPACE_APPLICATION_ID);
    expect(ws.sqlite!.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    await ws.close();
  });

  it('upgrades a file at the previous version: writes a backup beside it first and keeps the data', async () => {
    const file = path.join(dir, 'old.sqlite');
    const old = await openWorkspace(file, { now, migrations: MIGRATIONS.slice(0, -1) });
    expect(old.schemaVersion).toBe(LATEST_SCHEMA_VERSION - 1);
    await sql`INSERT INTO accounts (id, name, customer_segment, buyer_type, created_at, updated_at) VALUES ('a1', 'Kept Clinic', 'physician_practice', 'provider', 'x', 'x')`.execute(old.db);
    await old.close();

    const upgraded = await openWorkspace(file, { now });
    expect(upgraded.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(upgraded.sqlite!.prepare('SELECT name FROM accounts').pluck().all()).toEqual(['Kept Clinic']);
    expect(upgraded.sqlite!.prepare("SELECT count(*) FROM sqlite_master WHERE name='metric_observations'").pluck().get()).toBe(1);

    const backup = upgraded.preMigrationBackupPath!;
    expect(path.dirname(backup)).toBe(path.join(dir, 'backups'));
    expect(path.basename(backup)).toMatch(/^old\.\d{8}T\d{9}Z\.pre-migration\.sqlite$/);
    expect(fs.existsSync(backup)).toBe(true);
    await upgraded.close();
    const copy = new SqliteDatabase(backup, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION - 1);
    expect(copy.prepare('SELECT name FROM accounts').pluck().all()).toEqual(['Kept Clinic']);
    copy.close();
  });

  it('does not back up or migrate a file that is already current', async () => {
    const file = path.join(dir, 'current.sqlite');
    await (await openWorkspace(file, { now })).close();
    const again = await openWorkspace(file, { now });
    expect(again.preMigrationBackupPath).toBeNull();
    await again.close();
    expect(fs.readdirSync(dir).filter((name) => name.includes('backup'))).toEqual([]);
  });

  it('refuses a workspace written by a newer app and leaves its bytes untouched', async () => {
    const file = path.join(dir, 'future.sqlite');
    await (await openWorkspace(file, { now })).close();
    const raw = new SqliteDatabase(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = sha256(file);
    const error = await expectFailure(openWorkspace(file, { now }), 'workspace_newer_than_app');
    expect(error.message).toMatch(/newer version/);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['future.sqlite']);
  });

  it('refuses a SQLite file that belongs to another application, untouched', async () => {
    const file = path.join(dir, 'other.sqlite');
    const raw = new SqliteDatabase(file);
    raw.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    raw.close();
    const before = sha256(file);
    await expectFailure(openWorkspace(file, { now }), 'not_a_workspace');
    expect(sha256(file)).toBe(before);
  });

  it('refuses a file that is not a database at all, untouched', async () => {
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(file, 'Quarterly notes, definitely not SQLite.\n'.repeat(50));
    const before = sha256(file);
    await expectFailure(openWorkspace(file, { now }), 'not_a_workspace');
    expect(sha256(file)).toBe(before);
  });

  it('rolls back a migration that fails, leaving the file at its last good version', async () => {
    const file = path.join(dir, 'broken.sqlite');
    await (await openWorkspace(file, { now, migrations: MIGRATIONS.slice(0, 1) })).close();
    const failing = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: 'fails-halfway',
        up: async (db: Parameters<(typeof MIGRATIONS)[number]['up']>[0]) => {
          await sql`CREATE TABLE half_done (id TEXT)`.execute(db);
          throw new Error('injected failure');
        },
      },
    ];
    await expectFailure(openWorkspace(file, { now, migrations: failing }), 'migration_failed');
    const raw = new SqliteDatabase(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name='half_done'").pluck().get()).toBe(0);
    raw.close();
  });

  /** Everything that defines the file's schema and data, to compare before and after a failed upgrade. */
  function snapshot(file: string): { version: unknown; schema: unknown[]; rows: Record<string, unknown[]> } {
    const raw = new SqliteDatabase(file, { readonly: true });
    try {
      const schema = raw.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all();
      const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
      const rows = Object.fromEntries(tables.map((table) => [table, raw.prepare(`SELECT * FROM "${table}"`).all()]));
      return { version: raw.pragma('user_version', { simple: true }), schema, rows };
    } finally {
      raw.close();
    }
  }

  it.each(MIGRATIONS.map((migration, index) => [migration.name, index] as const))(
    'a failure injected at the end of migration %s leaves the file exactly as it was',
    async (_name, index) => {
      const file = path.join(dir, `inject-${index}.sqlite`);
      if (index > 0) {
        const before = await openWorkspace(file, { now, migrations: MIGRATIONS.slice(0, index) });
        await sql`INSERT INTO accounts (id, name, customer_segment, buyer_type, created_at, updated_at) VALUES ('a1', 'Kept', 'employer', 'employer', 'x', 'x')`.execute(before.db);
        await before.close();
      }
      const expected = index > 0 ? snapshot(file) : null;
      const sabotaged = MIGRATIONS.map((migration, i) =>
        i === index
          ? {
              ...migration,
              // Run all of the migration's DDL, then fail: the transaction must take all of it back.
              up: async (db: Parameters<typeof migration.up>[0]) => {
                await migration.up(db);
                throw new Error(`injected failure after ${migration.name}`);
              },
            }
          : migration,
      );
      await expectFailure(openWorkspace(file, { now, migrations: sabotaged }), 'migration_failed');
      if (expected) {
        expect(snapshot(file)).toEqual(expected);
      } else {
        // A brand-new file that failed its first migration holds no schema at all.
        expect(snapshot(file)).toEqual({ version: 0, schema: [], rows: {} });
      }
    },
  );
});
