import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type pg from 'pg';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { ApiFailure } from '../../../shared/api/errors';
import type { Database, WorkspaceDb } from '../db/database';
import { MIGRATIONS, type Migration } from '../db/migrations';
import { sweepTempFiles } from '../files/atomic-write';
import { isPostgresUrl } from './workspace-location';
import { backupsFolderFor, newBackupPath, writeSqliteBackup } from './backup-files';
import { assertWorkspaceFileShape, assertWorkspaceWritable, inspectWorkspaceFile, unreadableWorkspaceFailure, type WorkspaceFileShape } from './workspace-file-check';

/** PRAGMA application_id of every workspace file: "QBRW" in ASCII. Tells our files from other SQLite files. */
export const WORKSPACE_APPLICATION_ID = 0x51425257;

/** What every open workspace has, whichever engine holds it. */
interface WorkspaceBase {
  /** The file's absolute path, or a team workspace's URL without its password (for display and logs). */
  path: string;
  db: WorkspaceDb;
  schemaVersion: number;
  /** The backup written before migrating an existing file, if one was needed. */
  preMigrationBackupPath: string | null;
  /** The better-sqlite3 binary in use, for code that opens further files (backups) under the same ABI. */
  nativeBinding?: string;
  /**
   * Whether an integrity check passed before the file was opened. False when it was skipped (a
   * file closed cleanly, see `integrityCheck`): the backend host then checks in the background.
   */
  integrityChecked: boolean;
  close(): Promise<void>;
}

/** A workspace file on this computer. */
export interface SqliteWorkspace extends WorkspaceBase {
  dialect: 'sqlite';
  sqlite: SqliteDatabase.Database;
}

/** A team workspace on a PostgreSQL server (see open-postgres-workspace.ts). */
export interface PostgresWorkspace extends WorkspaceBase {
  dialect: 'postgres';
  sqlite: null;
  /** The connection pool under `db`, for what needs one connection of its own (an import's long transaction). */
  pool: pg.Pool;
}

export type Workspace = SqliteWorkspace | PostgresWorkspace;

export interface OpenWorkspaceOptions {
  /** Supplies timestamps for backup file names. */
  now: () => Date;
  /** Defaults to every migration; tests pass a prefix to build older files. */
  migrations?: readonly Migration[];
  /** Path to a better-sqlite3 binary built for another ABI (Electron); see scripts/native-for-electron.mjs. */
  nativeBinding?: string;
  /**
   * Integrity check run read-only before anything is written: 'if-unclean' (default: PRAGMA
   * quick_check only when the last session did not close the file cleanly; on a big workspace the
   * check takes about half a second, so a clean file is checked in the background instead, see
   * backend-host.ts), 'quick' (PRAGMA quick_check), 'full' (PRAGMA integrity_check) or 'none'.
   */
  integrityCheck?: 'if-unclean' | 'quick' | 'full' | 'none';
  /**
   * When there is no file at the path: 'create' (default) a new workspace there, or 'refuse' with
   * `not_found` and create nothing (the CLI's read commands, so a mistyped --db never makes a file).
   */
  ifMissing?: 'create' | 'refuse';
  /** A team workspace's password, given apart from its URL (see open-postgres-workspace.ts); unused for files. */
  password?: string;
}

interface FileHeader {
  applicationId: number;
  schemaVersion: number;
  objectCount: number;
}

/** How many problem lines of an integrity check to report; a badly damaged file can produce thousands. */
const MAX_INTEGRITY_PROBLEMS = 10;

/**
 * Opens (creating if needed) a workspace — a file, or a team database given as a postgres:// URL
 * (see open-postgres-workspace.ts) — and brings its schema up to date.
 * Refuses, without modifying them, files that are not workspaces, workspaces newer than this app,
 * damaged ones (truncated, empty, unreadable: `workspace_corrupt`) and ones it could not write to
 * (a read-only volume: `file_not_writable`).
 * @example const ws = await openWorkspace('/tmp/a.sqlite', { now: () => new Date() });
 */
export async function openWorkspace(filePath: string, options: OpenWorkspaceOptions): Promise<Workspace> {
  if (isPostgresUrl(filePath)) {
    // Loaded only for a team workspace: the pg driver is a large module a workspace file never needs.
    const { openPostgresWorkspace } = await import('./open-postgres-workspace');
    return openPostgresWorkspace(filePath, { migrations: options.migrations, ifMissing: options.ifMissing, password: options.password });
  }
  return openWorkspaceFile(filePath, options);
}

/** openWorkspace for a file path. */
export async function openWorkspaceFile(filePath: string, options: OpenWorkspaceOptions): Promise<SqliteWorkspace> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const absolutePath = path.resolve(filePath);
  // Before anything opens the file: even a read-only connection leaves a -wal behind in WAL mode.
  const cleanBefore = closedCleanly(absolutePath);
  // A new file has nothing to check.
  let integrityChecked = true;
  const shape = inspectWorkspaceFile(absolutePath);
  if (shape.kind === 'missing' && options.ifMissing === 'refuse') {
    throw new ApiFailure('not_found', `There is no workspace at ${absolutePath}; nothing was created.`, { path: absolutePath });
  }
  assertWorkspaceFileShape(absolutePath, shape, WORKSPACE_APPLICATION_ID);
  assertWorkspaceWritable(absolutePath, shape.kind !== 'missing');
  const header = shape.kind === 'missing' ? null : readHeader(absolutePath, shape, options.nativeBinding);

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
    const requested = options.integrityCheck ?? 'if-unclean';
    const check = requested === 'if-unclean' ? (cleanBefore ? 'none' : 'quick') : requested;
    assertIntact(absolutePath, check, options.nativeBinding);
    integrityChecked = check !== 'none';
  } else {
    fs.mkdirSync(path.dirname(absolutePath), { recursive: true });
  }

  // Leftovers of writes interrupted by a crash (backups, exports) are ours to clean up.
  await sweepTempFiles(path.dirname(absolutePath));
  await sweepTempFiles(backupsFolderFor(absolutePath));

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
      preMigrationBackupPath = newBackupPath(absolutePath, 'pre-migration', options.now());
      await writeSqliteBackup(sqlite, preMigrationBackupPath, options.nativeBinding);
    }
    await applyMigrations(sqlite, migrations, startVersion);

    const db: WorkspaceDb = new Kysely<Database>({
      dialect: new SqliteDialect({ database: sqlite }),
      plugins: [new CamelCasePlugin()],
    });
    return {
      dialect: 'sqlite',
      path: absolutePath,
      db,
      sqlite,
      schemaVersion: latest,
      preMigrationBackupPath,
      nativeBinding: options.nativeBinding,
      integrityChecked,
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

/** Reads the identifying pragmas read-only, so a refused file is never touched. */
function readHeader(absolutePath: string, shape: WorkspaceFileShape, nativeBinding: string | undefined): FileHeader {
  let probe: SqliteDatabase.Database | null = null;
  try {
    probe = new SqliteDatabase(absolutePath, { ...nativeOptions(nativeBinding), readonly: true, fileMustExist: true });
    return {
      applicationId: Number(probe.pragma('application_id', { simple: true })),
      schemaVersion: Number(probe.pragma('user_version', { simple: true })),
      objectCount: Number(probe.prepare('SELECT count(*) FROM sqlite_master').pluck().get()),
    };
  } catch (error) {
    throw unreadableWorkspaceFailure(absolutePath, shape, error, WORKSPACE_APPLICATION_ID) ?? new ApiFailure(
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

/**
 * Runs the integrity check on a read-only connection, so a damaged file is reported without
 * being modified (opening it read-write would switch journal modes and run migrations on it).
 */
function assertIntact(absolutePath: string, check: 'quick' | 'full' | 'none', nativeBinding: string | undefined): void {
  if (check === 'none') return;
  const problems = integrityProblems(absolutePath, check, nativeBinding);
  if (problems.length > 0) throw workspaceCorrupt(absolutePath, problems);
}

/** The error a damaged workspace is refused with, at start-up or when the background check finds it. */
export function workspaceCorrupt(absolutePath: string, problems: readonly string[]): ApiFailure {
  return new ApiFailure(
    'workspace_corrupt',
    `${absolutePath} is damaged (its integrity check failed), so it was not opened and was not modified. Restore the newest good backup.`,
    { path: absolutePath, problems: [...problems] },
  );
}

/**
 * True when the last connection closed the file cleanly: SQLite then removes the write-ahead log,
 * so a -wal (or a rollback -journal) beside the file means a session ended without closing it
 * (a crash, a kill, a power cut) or another process has it open — either way, check it first.
 */
export function closedCleanly(absolutePath: string): boolean {
  return !fs.existsSync(`${absolutePath}-wal`) && !fs.existsSync(`${absolutePath}-journal`);
}

/**
 * Problems PRAGMA quick_check / integrity_check reports for a file, read-only; [] when it is intact.
 * @example integrityProblems('/w/client.sqlite', 'full') // → []
 */
export function integrityProblems(absolutePath: string, check: 'quick' | 'full', nativeBinding?: string): string[] {
  let probe: SqliteDatabase.Database | null = null;
  try {
    probe = new SqliteDatabase(absolutePath, { ...nativeOptions(nativeBinding), readonly: true, fileMustExist: true });
    const rows = probe.pragma(check === 'quick' ? `quick_check(${MAX_INTEGRITY_PROBLEMS})` : `integrity_check(${MAX_INTEGRITY_PROBLEMS})`, { simple: false }) as Record<string, unknown>[];
    const lines = rows.map((row) => String(Object.values(row)[0]));
    return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
  } catch (error) {
    // SQLITE_CORRUPT and friends surface as exceptions rather than result rows.
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    probe?.close();
  }
}

function nativeOptions(nativeBinding: string | undefined): SqliteDatabase.Options {
  return nativeBinding ? { nativeBinding } : {};
}
