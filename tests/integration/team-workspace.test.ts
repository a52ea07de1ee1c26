import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { MIGRATIONS } from '../../src/main/storage/db/migrations';
import { openWorkspace } from '../../src/main/storage/workspace/open-workspace';
import { runCli } from '../../src/main/transports/cli/main';
import { FIXED_NOW } from '../support/temp-backend';
import { createTestDatabase } from '../support/test-dialects';

/*
 * A team workspace is a PostgreSQL database named by a postgres:// URL: opening one makes or
 * upgrades the schema once, refuses databases that are not ours, and the CLI takes the URL
 * wherever it takes a file. (The API itself runs on both engines in the dual-dialect tests.)
 */

async function query(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  return { code, stdout, stderr };
}

describe.skipIf(!inject('postgresUrl'))('team workspace on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeEach(async () => (database = await createTestDatabase()));
  afterEach(async () => database.drop());

  it('makes an empty database a workspace at the latest schema, and two clients opening at once migrate it once', async () => {
    const [a, b] = await Promise.all([openWorkspace(database.url, { now: () => FIXED_NOW }), openWorkspace(database.url, { now: () => FIXED_NOW })]);
    expect(a.dialect).toBe('postgres');
    expect(a.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    await Promise.all([a.close(), b.close()]);
    const marker = await query(database.url, 'SELECT schema_version FROM qbr_workspace');
    expect(marker.rows).toEqual([{ schema_version: MIGRATIONS.at(-1)!.version }]);
  });

  it('refuses a database that holds other tables, and changes nothing in it', async () => {
    await query(database.url, 'CREATE TABLE invoices (id int)');
    await expect(openWorkspace(database.url, { now: () => FIXED_NOW })).rejects.toMatchObject({ code: 'not_a_workspace' });
    const tables = await query(database.url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.rows).toEqual([{ tablename: 'invoices' }]);
  });

  it('refuses a workspace written by a newer version, without touching it', async () => {
    const ws = await openWorkspace(database.url, { now: () => FIXED_NOW });
    await ws.close();
    await query(database.url, 'UPDATE qbr_workspace SET schema_version = 999');
    await expect(openWorkspace(database.url, { now: () => FIXED_NOW })).rejects.toMatchObject({ code: 'workspace_newer_than_app' });
  });

  it('never shows the password: the workspace path and messages carry the URL without it', async () => {
    const url = new URL(database.url);
    url.password = 'not-the-real-one';
    url.port = '1';
    const failure = (await openWorkspace(url.toString(), { now: () => FIXED_NOW }).catch((error: unknown) => error)) as Error;
    expect(failure).toMatchObject({ code: 'not_available' });
    expect(failure.message).not.toContain('not-the-real-one');
    expect(failure.message).toContain(':***@');
  });

  it('qbr demo loads the demo into the database and qbr accounts reads it back; read commands never create a workspace', async () => {
    const before = await run(['accounts', '--db', database.url]);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain('There is no workspace in the database');
    expect((await query(database.url, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).rows).toEqual([{ n: 0 }]);
    const demo = await run(['demo', '--db', database.url, '--json']);
    expect(demo.code).toBe(0);
    expect(JSON.parse(demo.stdout)).toMatchObject({ accountsCreated: 9 });
    const listed = JSON.parse((await run(['accounts', '--db', database.url, '--json', '--search', 'cardio'])).stdout);
    expect(listed.map((a: { name: string }) => a.name)).toEqual(['Riverbend Cardiology Associates']);
  });
});
