import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TeamServer } from '../../src/shared/api/schemas/team-workspace-schemas';
import { PASSWORD_LOGIN_GROUP } from './postgres-server';

/*
 * A database on the test server owned by a new role that must log in with a password (the server
 * trusts every other role; see postgres-server.ts), for the team-connect tests: right, wrong and
 * missing passwords behave as on a real team server.
 */

export interface PasswordDatabase {
  server: TeamServer;
  password: string;
  /** Superuser URL of the same database, for inspecting it. */
  adminUrl: string;
  /** Sets a new password on the server (as an admin would). */
  changePassword(next: string): Promise<void>;
  drop(): Promise<void>;
}

/** On the test server at `serverUrl` (superuser): creates the role (password random, with characters a URL must escape) and its empty database. */
export async function createPasswordDatabase(serverUrl: string): Promise<PasswordDatabase> {
  const suffix = randomBytes(5).toString('hex');
  const role = `csm_${suffix}`;
  const database = `team_${suffix}`;
  const password = `pw ${randomBytes(6).toString('hex')}/@:%?#`;
  await adminQuery(serverUrl, `DO $$ BEGIN CREATE ROLE ${PASSWORD_LOGIN_GROUP} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
  await adminQuery(serverUrl, `CREATE ROLE ${role} LOGIN PASSWORD ${pg.escapeLiteral(password)} IN ROLE ${PASSWORD_LOGIN_GROUP}`);
  await adminQuery(serverUrl, `CREATE DATABASE ${database} OWNER ${role}`);
  const url = new URL(serverUrl);
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = `/${database}`;
  return {
    server: { host: url.hostname, port: Number(url.port), database, user: role, tls: 'disable' },
    password,
    adminUrl: adminUrl.toString(),
    changePassword: async (next) => {
      await adminQuery(serverUrl, `ALTER ROLE ${role} PASSWORD ${pg.escapeLiteral(next)}`);
    },
    async drop() {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await adminQuery(serverUrl, `DROP ROLE IF EXISTS ${role}`);
    },
  };
}

export async function adminQuery(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}
