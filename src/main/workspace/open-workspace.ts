import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { ApiFailure } from '../../shared/api/errors';
import type { Database, WorkspaceDb } from '../db/database';
import { MIGRATIONS, type Migration } from '../db/migrations';

/** PRAGMA application_id of every workspace file: "QBRW" in ASCII. Tells our files from other SQLite files. */
export const WORKSPACE_APPLICATION_ID = 0x51425257;

export interface Workspace {
  path: string;
  db: WorkspaceDb;
  sqlite: SqliteDatabase.Database;
  schemaVersion: number;
  /** The backup written before migrating an existing file, if one was needed. */
  preMigrationBackupPath: string | null;
  close(): Promise<void>;
}

export interface OpenWorkspaceOptions {
  /** Supplies timestamps for backup file names. */
  now: () => Date;
  /** Defaults to every migration; tests pass a prefix to build older files. */
  migrations?: readonly Migration[];
  /** Path to a better-sqlite3 binary built for another ABI (Electron); see scripts/native-for-electron.mjs. */
  nativeBinding?: string;
}

interface FileHeader {
  applicationId: number;
  schemaVersion: number;
  objectCount: number;
}

/**
 * Opens (creating if needed) a workspace file and brings its schema up to date.
 * Refuses, without modifying them, files that are not workspaces and workspaces newer than this app.
 * @example const ws = await openWorkspace('/tmp/a.sqlite', { now: () => new Date() });
 */
export async function openWorkspace(filePath: string, options: OpenWorkspaceOptions): Promise<Workspace> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const absolutePath = path.resolve(filePath);
  const header = readHeaderIfExists(absolutePath, options.nativeBinding);

  if (header) {
    const isEmptySqlite = header.applicationId === 0 && header.objectCount === 0;
    if (header.applicationId !== WORKSPACE_APPLICATION_ID && !isEmptySqlite) {
      throw new ApiFailure('not_a_workspace', `${absolutePath} is a SQLite database but not a QBR Workbench workspace; it was left untouched.`);
    }
    if (header.schemaVersion > latest) {
      throw new ApiFailure(
        'workspace_newer_than_app',
        `${absolutePath} was written by a newer version of QBR Workbench (schema ${header.schemaVersion}; this app knows up to ${latest}). Update the app to open it; the file was not modified.`,
        { fileSchemaVersion: header.schemaVersion, appSchemaVersion: latest },
      );
    }
  } else {
    fs.mkdirSync(path.dirname(absolutePath), { recursive: true });
  }

  const sqlite = new SqliteDatabase(absolutePath, nativeOptions(options.nativeBinding));
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commit.
    sqlite.pragma('synchronous = NORMAL');

    const startVersion = header?.schemaVersion ?? 0;
    let preMigrationBackupPath: string | null = null;
    if (startVersion > 0 && startVersion < latest) {
      preMigrationBackupPath = backupPathFor(absolutePath, startVersion, options.now());
      await sqlite.backup(preMigrationBackupPath);
    }
    await applyMigrations(sqlite, migrations, startVersion);

    const db: WorkspaceDb = new Kysely<Database>({
      dialect: new SqliteDialect({ database: sqlite }),
      plugins: [new CamelCasePlugin()],
    });
    return {
      path: absolutePath,
      db,
      sqlite,
      schemaVersion: latest,
      preMigrationBackupPath,
      close: async () => {
        await db.destroy();
        // Kysely only closes the connection if it ever used it; make sure the file is released.
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Reads the identifying pragmas read-only, so a refused file is never touched. Null when there is no file yet. */
function readHeaderIfExists(absolutePath: string, nativeBinding: string | undefined): FileHeader | null {
  if (!fs.existsSync(absolutePath)) return null;
  if (fs.statSync(absolutePath).isDirectory()) {
    throw new ApiFailure('not_a_workspace', `${absolutePath} is a folder, not a workspace file.`);
  }
  if (fs.statSync(absolutePath).size === 0) return null;
  let probe: SqliteDatabase.Database | null = null;
  try {
    probe = new SqliteDatabase(absolutePath, { ...nativeOptions(nativeBinding), readonly: true, fileMustExist: true });
    return {
      applicationId: Number(probe.pragma('application_id', { simple: true })),
      schemaVersion: Number(probe.pragma('user_version', { simple: true })),
      objectCount: Number(probe.prepare('SELECT count(*) FROM sqlite_master').pluck().get()),
    };
  } catch (error) {
    throw new ApiFailure(
      'not_a_workspace',
      `${absolutePath} is not a QBR Workbench workspace (it is not a readable SQLite database); it was left untouched.`,
      { reason: error instanceof Error ? error.message : String(error) },
    );
  } finally {
    probe?.close();
  }
}

/** Applies each pending migration in its own transaction, so a failure leaves the file at the last good version. */
async function applyMigrations(sqlite: SqliteDatabase.Database, migrations: readonly Migration[], fromVersion: number): Promise<void> {
  // Migrations are frozen against raw snake_case names: no CamelCasePlugin here.
  const plain = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  for (const migration of migrations) {
    if (migration.version <= fromVersion) continue;
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      await migration.up(plain);
      sqlite.pragma(`application_id = ${WORKSPACE_APPLICATION_ID}`);
      sqlite.pragma(`user_version = ${migration.version}`);
      sqlite.exec('COMMIT');
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw new ApiFailure(
        'migration_failed',
        `Could not upgrade the workspace to schema ${migration.version} (${migration.name}); the file was left at schema ${sqlite.pragma('user_version', { simple: true })}.`,
        { reason: error instanceof Error ? error.message : String(error) },
      );
    }
  }
}

function backupPathFor(absolutePath: string, fromVersion: number, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const { dir, name, ext } = path.parse(absolutePath);
  return path.join(dir, `${name}.schema-v${fromVersion}.${stamp}.backup${ext || '.sqlite'}`);
}

function nativeOptions(nativeBinding: string | undefined): SqliteDatabase.Options {
  return nativeBinding ? { nativeBinding } : {};
}
