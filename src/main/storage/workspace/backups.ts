import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { requireWorkspaceFile } from './file-only';
import { ApiFailure } from '../../../shared/api/errors';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { replaceFileAtomic, toWriteFailure } from '../files/atomic-write';
import { loadAppSettings } from '../settings/app-settings';
import {
  BACKUP_REASONS,
  backupsFolderFor,
  newBackupPath,
  parseBackupStamp,
  workspaceStem,
  writeSqliteBackup,
  type BackupReason,
} from './backup-files';
import { integrityProblems, WORKSPACE_APPLICATION_ID, type Workspace } from './open-workspace';

/** One backup file of a workspace, as listed for the user. */
export interface BackupEntry {
  path: string;
  fileName: string;
  reason: BackupReason;
  /** When it was taken (ISO, UTC), read from its name. */
  createdAt: string;
  sizeBytes: number;
}

/** What verification found out about a backup that passed it. */
export interface VerifiedBackup {
  path: string;
  schemaVersion: number;
}

/**
 * Writes a backup of the open workspace now (SQLite backup API, atomic) and, for reasons that
 * count towards retention, deletes the oldest beyond the `backupsToKeep` setting.
 * @example const entry = await backupWorkspace(workspace, 'manual', new Date());
 */
export async function backupWorkspace(workspace: Workspace, reason: Exclude<BackupReason, 'before-restore'>, at: Date): Promise<BackupEntry> {
  const file = requireWorkspaceFile(workspace, 'Backups');
  const destination = newBackupPath(file.path, reason, at);
  try {
    await writeSqliteBackup(file.sqlite, destination, file.nativeBinding);
  } catch (error) {
    throw toWriteFailure(error, destination);
  }
  const { backupsToKeep } = await loadAppSettings(workspace.db);
  await pruneBackups(workspace.path, backupsToKeep);
  const entry = listBackups(workspace.path).find((candidate) => candidate.path === destination);
  if (!entry) throw new ApiFailure('internal', `The backup ${destination} vanished right after it was written.`);
  return entry;
}

/**
 * The automatic backup the CSV importer takes before a bulk import. Returns where it went, so the
 * import result can tell the user how to undo.
 */
export async function backupBeforeBulkImport(workspace: Workspace, at: Date = new Date()): Promise<BackupEntry> {
  return backupWorkspace(workspace, 'pre-import', at);
}

/** The backups of one workspace, newest first. Files of other workspaces in the same folder are ignored. */
export function listBackups(workspacePath: string): BackupEntry[] {
  const folder = backupsFolderFor(workspacePath);
  const stem = workspaceStem(workspacePath);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const pattern = new RegExp(`^${escapeRegExp(stem)}\\.(\\d{8}T\\d{9}Z)(?:-(\\d+))?\\.(${BACKUP_REASONS.join('|')})\\.sqlite$`);
  const entries: (BackupEntry & { order: [string, number] })[] = [];
  for (const fileName of names) {
    const match = pattern.exec(fileName);
    const createdAt = match ? parseBackupStamp(match[1]!) : null;
    if (!match || !createdAt) continue;
    const full = path.join(folder, fileName);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    entries.push({ path: full, fileName, reason: match[3] as BackupReason, createdAt, sizeBytes: stat.size, order: [match[1]!, Number(match[2] ?? 1)] });
  }
  // Newest first: by timestamp, then by the counter that separates backups taken in the same millisecond.
  entries.sort((a, b) => (a.order[0] !== b.order[0] ? (a.order[0] < b.order[0] ? 1 : -1) : b.order[1] - a.order[1]));
  return entries.map(({ order: _order, ...entry }) => entry);
}

/**
 * Keeps the newest `keep` backups that count towards retention (manual, pre-migration, pre-import)
 * and deletes older ones. `before-restore` files are never deleted: they are the user's data as
 * it was before they chose to restore.
 */
export async function pruneBackups(workspacePath: string, keep: number): Promise<string[]> {
  const prunable = listBackups(workspacePath).filter((entry) => entry.reason !== 'before-restore');
  const removed: string[] = [];
  for (const entry of prunable.slice(Math.max(keep, 1))) {
    await fs.promises.rm(entry.path, { force: true });
    removed.push(entry.path);
  }
  return removed;
}

/**
 * Checks a backup before anything is restored from it: a full integrity check, our
 * application_id, and a schema version this app can open. Read-only; throws `backup_invalid`.
 */
export function verifyBackup(backupPath: string, nativeBinding?: string): VerifiedBackup {
  const absolute = path.resolve(backupPath);
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new ApiFailure('not_found', `There is no backup file at ${absolute}.`, { path: absolute });
  let applicationId: number;
  let schemaVersion: number;
  let probe: SqliteDatabase.Database | null = null;
  try {
    probe = new SqliteDatabase(absolute, { ...(nativeBinding ? { nativeBinding } : {}), readonly: true, fileMustExist: true });
    applicationId = Number(probe.pragma('application_id', { simple: true }));
    schemaVersion = Number(probe.pragma('user_version', { simple: true }));
  } catch (error) {
    throw new ApiFailure('backup_invalid', `${path.basename(absolute)} is not a readable database, so it cannot be restored.`, {
      path: absolute,
      reason: error instanceof Error ? error.message : String(error),
    });
  } finally {
    probe?.close();
  }
  if (applicationId !== WORKSPACE_APPLICATION_ID) {
    throw new ApiFailure('backup_invalid', `${path.basename(absolute)} is not a QBR Workbench workspace backup.`, { path: absolute });
  }
  if (schemaVersion > LATEST_SCHEMA_VERSION || schemaVersion < 1) {
    throw new ApiFailure(
      'backup_invalid',
      `${path.basename(absolute)} has schema ${schemaVersion}; this app opens schema 1 to ${LATEST_SCHEMA_VERSION}.`,
      { path: absolute, fileSchemaVersion: schemaVersion, appSchemaVersion: LATEST_SCHEMA_VERSION },
    );
  }
  const problems = integrityProblems(absolute, 'full', nativeBinding);
  if (problems.length > 0) {
    throw new ApiFailure('backup_invalid', `${path.basename(absolute)} is damaged (integrity check failed), so it cannot be restored.`, {
      path: absolute,
      problems,
    });
  }
  return { path: absolute, schemaVersion };
}

/** The newest backup of a workspace that passes verification, or null. Used when the workspace itself is damaged. */
export function findNewestGoodBackup(workspacePath: string, nativeBinding?: string): BackupEntry | null {
  for (const entry of listBackups(workspacePath)) {
    try {
      verifyBackup(entry.path, nativeBinding);
      return entry;
    } catch {
      // Try the next older one.
    }
  }
  return null;
}

export interface RestoreResult {
  restoredFrom: string;
  /** Where the workspace as it was before the restore now lives (in the backups folder). Never deleted. */
  keptAsidePath: string | null;
}

/**
 * Replaces a CLOSED workspace file with a verified backup. The current file (with its -wal, if a
 * crash left one) is first copied aside into the backups folder as `before-restore`; then the
 * backup is copied in under a temp name and renamed over the workspace, so a crash at any point
 * leaves either the old file or the restored one, plus the copy aside.
 * @example await restoreBackupFile('/w/client.sqlite', '/w/backups/client.20261115T100000000Z.manual.sqlite', new Date());
 */
export async function restoreBackupFile(workspacePath: string, backupPath: string, at: Date, nativeBinding?: string): Promise<RestoreResult> {
  const target = path.resolve(workspacePath);
  const verified = verifyBackup(backupPath, nativeBinding);
  if (verified.path === target) throw new ApiFailure('invalid_input', 'A workspace cannot be restored from itself.');

  let keptAsidePath: string | null = null;
  if (fs.existsSync(target)) {
    keptAsidePath = newBackupPath(target, 'before-restore', at);
    await copyFileAtomic(target, keptAsidePath);
    // A -wal beside a file belongs to that file; it goes aside with it and must not be replayed into the restored one.
    if (fs.existsSync(`${target}-wal`)) await copyFileAtomic(`${target}-wal`, `${keptAsidePath}-wal`);
  }
  for (const sidecar of [`${target}-wal`, `${target}-shm`]) await fs.promises.rm(sidecar, { force: true });
  await copyFileAtomic(verified.path, target);
  return { restoredFrom: verified.path, keptAsidePath };
}

async function copyFileAtomic(from: string, to: string): Promise<void> {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    await replaceFileAtomic(to, async (tempPath) => {
      await fs.promises.copyFile(from, tempPath, fs.constants.COPYFILE_EXCL);
      const handle = await fs.promises.open(tempPath, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
  } catch (error) {
    throw toWriteFailure(error, to);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
