import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { ApiFailure } from '../../../shared/api/errors';
import type { Database, WorkspaceDb } from '../db/database';
import { MIGRATIONS, type Migration } from '../db/migrations';
import type { PostgresWorkspace } from './open-workspace';
import { redactedUrl } from './workspace-location';

/*
 * A team workspace: the same schema and repositories as a workspace file, in a PostgreSQL
 * database. The schema version lives in a one-row table `qbr_workspace` (SQLite keeps it in PRAGMA
 * user_version); migrations run in one transaction under an advisory lock, so two clients starting
 * at once never migrate twice and a failure leaves the database at the last good version.
 */

/** Same number as the file's PRAGMA application_id ("QBRW"): marks a database as ours. */
const WORKSPACE_APPLICATION_ID = 0x51425257;
/** Advisory lock key held while migrating (any constant; "QBRM"). */
const MIGRATION_LOCK_KEY = 0x5142524d;
/** Connections per client; the server's max_connections bounds the team size times this. */
const POOL_SIZE = 8;

/** int8 (count(*), sums) and numeric arrive as strings from pg; the workspace's values fit a double. */
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** How long a connection attempt waits for the server (a firewall that drops packets would otherwise hang forever). */
const CONNECT_TIMEOUT_MS = 10_000;

export interface OpenPostgresOptions {
  migrations?: readonly Migration[];
  /** 'refuse': a database that is not a workspace yet is `not_found` and left empty (the CLI's read commands). */
  ifMissing?: 'create' | 'refuse';
  /**
   * The password, kept apart from the URL so the URL can be shown, logged and remembered as it is.
   * Absent: the URL's own password, else PGPASSWORD or ~/.pgpass as the driver finds them.
   */
  password?: string;
}

/**
 * Connects to a team workspace and brings its schema up to date (an empty database becomes a
 * workspace). Refuses a database holding other tables (`not_a_workspace`), one written by a newer
 * app (`workspace_newer_than_app`) and a server it cannot reach (`not_available`).
 * @example const ws = await openPostgresWorkspace('postgres://ana@db.example.com/qbr', {});
 */
export async function openPostgresWorkspace(url: string, options: OpenPostgresOptions = {}): Promise<PostgresWorkspace> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const shown = redactedUrl(url);
  const { plain, pool } = await connect(url, options.password, POOL_SIZE);
  try {
    await migrate(plain, migrations, latest, shown, options.ifMissing ?? 'create');
  } catch (error) {
    await plain.destroy();
    throw error;
  }
  const db: WorkspaceDb = plain.withPlugin(new CamelCasePlugin()) as unknown as Kysely<Database>;
  return {
    dialect: 'postgres',
    path: shown,
    db,
    sqlite: null,
    pool,
    schemaVersion: latest,
    preMigrationBackupPath: null,
    integrityChecked: true,
    close: async () => {
      await plain.destroy();
    },
  };
}

/**
 * What a team workspace's database holds, without changing anything: its schema version, or null
 * for an empty database (which opening would make a workspace). Refuses exactly as opening would:
 * an unreachable server, a refused password, a database holding other tables, a newer schema.
 * @example const { schemaVersion } = await probePostgresWorkspace('postgres://ana@db.example.com/book', { password });
 */
export async function probePostgresWorkspace(url: string, options: { password?: string; migrations?: readonly Migration[] } = {}): Promise<{ schemaVersion: number | null }> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const shown = redactedUrl(url);
  const { plain } = await connect(url, options.password, 1);
  try {
    const schemaVersion = await plain.transaction().execute(async (trx) => {
      // Read-only, so a probe can never create or change anything, even by mistake.
      await sql`SET TRANSACTION READ ONLY`.execute(trx);
      return workspaceVersion(trx, shown);
    });
    if (schemaVersion !== null) assertNotNewer(schemaVersion, latest, shown);
    return { schemaVersion };
  } finally {
    await plain.destroy();
  }
}

/** A pool on the server with one round trip made, or the reason it could not be had as an ApiFailure. */
async function connect(url: string, password: string | undefined, max: number): Promise<{ plain: Kysely<any>; pool: pg.Pool }> {
  const shown = redactedUrl(url);
  const pool = new pg.Pool({ connectionString: withPassword(url, password), max, types: typeParsers, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, Client: ClosingClient });
  // An idle connection the server drops must not crash the process.
  pool.on('error', () => {});
  const plain = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`SELECT 1`.execute(plain);
    return { plain, pool };
  } catch (error) {
    await plain.destroy();
    throw connectionFailure(error, shown, password);
  }
}

/**
 * A pg client that closes its socket when connecting fails. pg leaves it open after an error it
 * raises itself (no password for a SCRAM login): the server then holds the half-authenticated
 * connection for a minute, and DROP DATABASE waits for it.
 */
class ClosingClient extends pg.Client {
  override connect(): Promise<pg.Client>;
  override connect(callback: (error: Error | null, client?: pg.Client) => void): void;
  override connect(callback?: (error: Error | null, client?: pg.Client) => void): Promise<pg.Client> | void {
    const closeOnFailure = (error: unknown) => {
      if (error) (this as unknown as { connection?: { stream?: { destroy?: () => void } } }).connection?.stream?.destroy?.();
    };
    if (callback) {
      super.connect(((error: Error | null, client?: pg.Client) => {
        closeOnFailure(error);
        callback(error, client);
      }) as (error: Error) => void);
      return;
    }
    return super.connect().catch((error: unknown) => {
      closeOnFailure(error);
      throw error;
    });
  }
}

/** The URL with the password in it, for the driver only (its connection string overrides a separate password field). */
function withPassword(url: string, password: string | undefined): string {
  if (password === undefined) return url.trim();
  const parsed = new URL(url.trim());
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/**
 * Why connecting failed, in words a CSM can act on, with the existing error codes: `forbidden`
 * (password refused or missing, user not allowed; `details.reason` says which), `not_found` (no
 * such database), `not_available` (server unreachable, TLS not offered). The password never
 * appears in the message, even if a driver message were to echo it.
 */
export function connectionFailure(error: unknown, shown: string, password?: string): ApiFailure {
  const code = (error as { code?: unknown } | null)?.code;
  const raw = error instanceof Error ? error.message : String(error);
  const said = password && password.length >= 4 ? raw.split(password).join('***') : raw;
  const server = serverOf(shown);
  const user = userOf(shown);
  if (code === '28P01') {
    return new ApiFailure('forbidden', `The server at ${server} refused the password for user "${user}". Check the password and try again.`, { path: shown, reason: 'wrong_password', field: 'password' });
  }
  if (/client password must be a string|password authentication|no password (was )?supplied/i.test(said) && !password) {
    return new ApiFailure('forbidden', `The server at ${server} asks for a password for user "${user}". Type the password to connect.`, { path: shown, reason: 'password_required', field: 'password' });
  }
  if (code === '28000') {
    return new ApiFailure('forbidden', `The server at ${server} does not let user "${user}" connect: ${said}.`, { path: shown, reason: 'not_allowed', field: 'user' });
  }
  if (code === '3D000') {
    return new ApiFailure('not_found', `There is no database "${databaseOf(shown)}" on the server at ${server}. Ask the server's admin to create it (createdb), or check the name.`, { path: shown, field: 'database' });
  }
  if (/does not support SSL/i.test(said)) {
    return new ApiFailure('not_available', `The server at ${server} does not offer encrypted (TLS) connections. Ask its admin to turn TLS on, or choose "Off" for a server on a trusted network.`, { path: shown, reason: 'tls_unavailable', field: 'tls' });
  }
  if (/certificate|self[- ]signed|SSL|TLS/i.test(said)) {
    return new ApiFailure('not_available', `The server at ${server} could not prove who it is over TLS: ${said}.`, { path: shown, reason: 'tls_refused', field: 'tls' });
  }
  return new ApiFailure('not_available', `Could not connect to the team workspace at ${shown}: ${said}. Check the host and port, and that this computer can reach the server.`, { path: shown, reason: 'unreachable', field: 'host' });
}

function serverOf(shown: string): string {
  try {
    const url = new URL(shown);
    return url.port ? `${url.hostname}:${url.port}` : url.hostname;
  } catch {
    return shown;
  }
}

function userOf(shown: string): string {
  try {
    return decodeURIComponent(new URL(shown).username) || '(none given)';
  } catch {
    return '(none given)';
  }
}

function databaseOf(shown: string): string {
  try {
    return decodeURIComponent(new URL(shown).pathname.replace(/^\//, ''));
  } catch {
    return shown;
  }
}

/** The workspace's schema version, null for an empty database; refuses a database holding other tables. */
async function workspaceVersion(trx: Kysely<any>, shown: string): Promise<number | null> {
  const marked = await sql<{ present: boolean }>`SELECT to_regclass('qbr_workspace') IS NOT NULL AS present`.execute(trx);
  if (marked.rows[0]?.present) {
    const row = await trx.selectFrom('qbr_workspace').select(['application_id', 'schema_version']).executeTakeFirst();
    if (!row || Number(row.application_id) !== WORKSPACE_APPLICATION_ID) throw notAWorkspace(shown);
    return Number(row.schema_version);
  }
  const tables = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema()`.execute(trx);
  if ((tables.rows[0]?.n ?? 0) > 0) throw notAWorkspace(shown);
  return null;
}

function assertNotNewer(version: number, latest: number, shown: string): void {
  if (version <= latest) return;
  throw new ApiFailure(
    'workspace_newer_than_app',
    `The team workspace at ${shown} was written by a newer version of QBR Workbench (schema ${version}; this app knows up to ${latest}). Update the app to open it; nothing was changed.`,
    { fileSchemaVersion: version, appSchemaVersion: latest },
  );
}

async function migrate(plain: Kysely<any>, migrations: readonly Migration[], latest: number, shown: string, ifMissing: 'create' | 'refuse'): Promise<void> {
  await plain.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    let version = await workspaceVersion(trx, shown);
    if (version === null) {
      if (ifMissing === 'refuse') throw new ApiFailure('not_found', `There is no workspace in the database at ${shown}; nothing was created.`, { path: shown });
      await sql`CREATE TABLE qbr_workspace (application_id integer NOT NULL, schema_version integer NOT NULL)`.execute(trx);
      await sql`INSERT INTO qbr_workspace VALUES (${WORKSPACE_APPLICATION_ID}, 0)`.execute(trx);
      version = 0;
    }
    assertNotNewer(version, latest, shown);
    for (const migration of migrations) {
      if (migration.version <= version) continue;
      try {
        await migration.up(trx);
      } catch (error) {
        throw new ApiFailure(
          'migration_failed',
          `Could not upgrade the team workspace to schema ${migration.version} (${migration.name}); it was left at schema ${version}.`,
          { reason: error instanceof Error ? error.message : String(error) },
        );
      }
      await sql`UPDATE qbr_workspace SET schema_version = ${migration.version}`.execute(trx);
    }
  });
}

function notAWorkspace(shown: string): ApiFailure {
  return new ApiFailure('not_a_workspace', `The database at ${shown} holds other tables and is not a QBR Workbench workspace; it was left untouched.`, { path: shown });
}
