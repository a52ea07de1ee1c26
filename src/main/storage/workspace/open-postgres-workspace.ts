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

export interface OpenPostgresOptions {
  migrations?: readonly Migration[];
  /** 'refuse': a database that is not a workspace yet is `not_found` and left empty (the CLI's read commands). */
  ifMissing?: 'create' | 'refuse';
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
  const pool = new pg.Pool({ connectionString: url.trim(), max: POOL_SIZE, types: typeParsers });
  // An idle connection the server drops must not crash the process.
  pool.on('error', () => {});
  const plain = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`SELECT 1`.execute(plain).catch((error: unknown) => {
      throw new ApiFailure('not_available', `Could not connect to the team workspace at ${shown}: ${error instanceof Error ? error.message : String(error)}`, { path: shown });
    });
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

async function migrate(plain: Kysely<any>, migrations: readonly Migration[], latest: number, shown: string, ifMissing: 'create' | 'refuse'): Promise<void> {
  await plain.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    const marked = await sql<{ present: boolean }>`SELECT to_regclass('qbr_workspace') IS NOT NULL AS present`.execute(trx);
    let version = 0;
    if (marked.rows[0]?.present) {
      const row = await trx.selectFrom('qbr_workspace').select(['application_id', 'schema_version']).executeTakeFirst();
      if (!row || Number(row.application_id) !== WORKSPACE_APPLICATION_ID) throw notAWorkspace(shown);
      version = Number(row.schema_version);
    } else {
      const tables = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema()`.execute(trx);
      if ((tables.rows[0]?.n ?? 0) > 0) throw notAWorkspace(shown);
      if (ifMissing === 'refuse') throw new ApiFailure('not_found', `There is no workspace in the database at ${shown}; nothing was created.`, { path: shown });
      await sql`CREATE TABLE qbr_workspace (application_id integer NOT NULL, schema_version integer NOT NULL)`.execute(trx);
      await sql`INSERT INTO qbr_workspace VALUES (${WORKSPACE_APPLICATION_ID}, 0)`.execute(trx);
    }
    if (version > latest) {
      throw new ApiFailure(
        'workspace_newer_than_app',
        `The team workspace at ${shown} was written by a newer version of QBR Workbench (schema ${version}; this app knows up to ${latest}). Update the app to open it; nothing was changed.`,
        { fileSchemaVersion: version, appSchemaVersion: latest },
      );
    }
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
