import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { replaceFileAtomic } from '../files/atomic-write';

/**
 * Backups live in a `backups` folder beside the workspace file, named
 * `<workspace name>.<UTC timestamp>.<reason>.sqlite`. One folder can serve several workspaces
 * (a consultant keeps client files side by side); the name says which workspace a backup is of.
 */
export const BACKUPS_FOLDER_NAME = 'backups';

/** Why a backup was written. `before-restore` files are the workspace as it was before a restore; retention never deletes them. */
export const BACKUP_REASONS = ['manual', 'pre-migration', 'pre-import', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** The backups folder of a workspace file. */
export function backupsFolderFor(workspacePath: string): string {
  return path.join(path.dirname(path.resolve(workspacePath)), BACKUPS_FOLDER_NAME);
}

/** The name stem that identifies a workspace's backups: the file name without its extension. */
export function workspaceStem(workspacePath: string): string {
  return path.parse(workspacePath).name;
}

/**
 * A path for a new backup that does not exist yet. The timestamp is UTC to the millisecond and
 * sorts as text; backups in the same millisecond get a counter above every one used so far for
 * that stamp, so a new backup always sorts newest even after older ones were pruned.
 */
export function newBackupPath(workspacePath: string, reason: BackupReason, at: Date): string {
  const folder = backupsFolderFor(workspacePath);
  const stamp = formatBackupStamp(at);
  const prefix = `${workspaceStem(workspacePath)}.${stamp}`;
  let highest = 0;
  for (const name of safeReaddir(folder)) {
    if (!name.startsWith(prefix)) continue;
    const rest = name.slice(prefix.length);
    const counter = rest.startsWith('.') ? 1 : Number(/^-(\d+)\./.exec(rest)?.[1] ?? 0);
    highest = Math.max(highest, counter);
  }
  const n = highest + 1;
  return path.join(folder, `${prefix}${n > 1 ? `-${n}` : ''}.${reason}.sqlite`);
}

function safeReaddir(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch {
    return [];
  }
}

/** 2026-11-15T10:00:00.123Z → 20261115T100000123Z */
export function formatBackupStamp(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

/** The inverse of formatBackupStamp, as an ISO string; null if the text is not a stamp. */
export function parseBackupStamp(stamp: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/**
 * Copies a live database to `destination` with SQLite's online backup API, atomically: the copy
 * is made under a temp name in the same folder and renamed into place only once complete.
 * The copy is switched to rollback-journal mode so it is one self-contained file that can be
 * verified read-only without leaving -wal/-shm files next to it.
 */
export async function writeSqliteBackup(source: SqliteDatabase.Database, destination: string, nativeBinding?: string): Promise<void> {
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  await replaceFileAtomic(destination, async (tempPath) => {
    await source.backup(tempPath);
    const copy = new SqliteDatabase(tempPath, nativeBinding ? { nativeBinding } : {});
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    await fsyncFile(tempPath);
  });
}

async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
