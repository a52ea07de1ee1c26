import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/*
 * Dual-dialect tests: a test file written as `describe.each(TEST_DIALECTS)(…, (dialect) => …)`
 * runs every case on a workspace file (SQLite) and on a team workspace (PostgreSQL, the private
 * server tests/support/postgres-global-setup.ts starts), each test in its own new database.
 */

export type TestDialect = 'sqlite' | 'postgres';

/** The dialects this run can test: both, or SQLite alone when PostgreSQL is not installed. */
export const TEST_DIALECTS: readonly TestDialect[] = inject('postgresUrl') ? ['sqlite', 'postgres'] : ['sqlite'];

/** A new empty database on the test server; `drop` removes it (closing any connection left). */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = inject('postgresUrl');
  if (!serverUrl) throw new Error('No PostgreSQL test server in this run (PostgreSQL is not installed).');
  const name = `qbr_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client(serverUrl);
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
