import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiFailure } from '../../../shared/api/errors';

/**
 * Every temporary file the app writes starts with this, so a start-up sweep can recognise and
 * remove what an interrupted write left behind without touching anything else in the folder.
 */
export const TEMP_FILE_PREFIX = '.qbr-tmp-';

/** The file-system calls an atomic write makes; injected in tests to simulate locked, read-only or full disks. */
export interface AtomicWriteFs {
  writeFile(file: string, data: string | Uint8Array): Promise<void>;
  fsyncFile(file: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  fsyncFolder(folder: string): Promise<void>;
}

export interface AtomicWriteOptions {
  /** Defaults to the real file system. */
  fs?: AtomicWriteFs;
  /** Defaults to process.platform; decides how EPERM is read (on Windows it means "someone has it open"). */
  platform?: NodeJS.Platform;
}

/**
 * Writes `data` to `target` so that readers see either the old file or the complete new one,
 * never a torn mix: write a temp file in the same folder, fsync it, rename it over the target.
 * On failure the temp file is removed, the old file is left as it was, and the error is an
 * ApiFailure (`file_locked`, `file_not_writable`, `disk_full`, `not_found`) with a message for people.
 * @example await writeFileAtomic('/decks/q3.pptx', bytes);
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const io = options.fs ?? NODE_FS;
  await replaceFileAtomic(
    target,
    async (tempPath) => {
      await io.writeFile(tempPath, data);
      await io.fsyncFile(tempPath);
    },
    options,
  );
}

/**
 * Like writeFileAtomic for writers that produce the file themselves (SQLite's backup API, a zip
 * library): `produce` writes the complete content to `tempPath`, then it is renamed over `target`.
 * `produce` must flush what it wrote (writeFileAtomic does; SQLite syncs when its connection closes).
 */
export async function replaceFileAtomic(
  target: string,
  produce: (tempPath: string) => Promise<void>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const io = options.fs ?? NODE_FS;
  const platform = options.platform ?? process.platform;
  const absolute = path.resolve(target);
  const folder = path.dirname(absolute);
  const tempPath = tempPathFor(absolute);
  try {
    await produce(tempPath);
    await io.rename(tempPath, absolute);
  } catch (error) {
    await removeTempFiles(io, tempPath);
    throw toWriteFailure(error, absolute, platform);
  }
  // Makes the rename itself durable across a power cut; not possible (nor needed) on Windows.
  await io.fsyncFolder(folder).catch(() => {});
}

/** A fresh temp path in the target's folder (same volume, so the rename is atomic). Includes our pid for the sweep. */
export function tempPathFor(absoluteTarget: string): string {
  const name = path.basename(absoluteTarget).slice(0, 80);
  return path.join(path.dirname(absoluteTarget), `${TEMP_FILE_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}-${name}`);
}

export interface SweepResult {
  removed: string[];
  /** Temp files of writers that are still running (another process, or this one), left alone. */
  skipped: string[];
}

/**
 * Removes temp files that interrupted writes left in `folder` (not recursive). A temp file whose
 * writer process is still alive is left alone, so a sweep never breaks a write in progress.
 * A missing folder is not an error.
 * @example await sweepTempFiles(path.dirname(workspacePath));
 */
export async function sweepTempFiles(folder: string, isProcessAlive: (pid: number) => boolean = processIsAlive): Promise<SweepResult> {
  const result: SweepResult = { removed: [], skipped: [] };
  let names: string[];
  try {
    names = await fs.promises.readdir(folder);
  } catch {
    return result;
  }
  for (const name of names) {
    if (!name.startsWith(TEMP_FILE_PREFIX)) continue;
    const full = path.join(folder, name);
    const pid = Number(/^(\d+)-/.exec(name.slice(TEMP_FILE_PREFIX.length))?.[1] ?? NaN);
    if (Number.isInteger(pid) && isProcessAlive(pid)) {
      result.skipped.push(full);
      continue;
    }
    try {
      await fs.promises.rm(full, { force: true });
      result.removed.push(full);
    } catch {
      result.skipped.push(full);
    }
  }
  return result;
}

/** Turns a file-system error into the ApiFailure the UI and CLI explain; anything unrecognised passes through. */
export function toWriteFailure(error: unknown, target: string, platform: NodeJS.Platform = process.platform): unknown {
  if (error instanceof ApiFailure) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const name = path.basename(target);
  const details = { path: target, reason: code ?? (error instanceof Error ? error.message : String(error)) };
  switch (code) {
    case 'EBUSY':
      return new ApiFailure('file_locked', `${name} is open in another program. Close it there and try again; the existing file was not changed.`, details);
    case 'EPERM':
      // Windows reports a file held open by PowerPoint or Excel as EPERM on rename.
      if (platform === 'win32') {
        return new ApiFailure('file_locked', `${name} is open in another program or read-only. Close it there and try again; the existing file was not changed.`, details);
      }
      return new ApiFailure('file_not_writable', `QBR Workbench is not allowed to write ${target}. Choose another folder; nothing was changed.`, details);
    case 'EACCES':
    case 'EROFS':
      return new ApiFailure('file_not_writable', `${target} cannot be written (read-only file or folder). Choose another location; nothing was changed.`, details);
    case 'ENOSPC':
    case 'EDQUOT':
      return new ApiFailure('disk_full', `The disk is full, so ${name} could not be written. Free some space and try again; the existing file was not changed.`, details);
    case 'ENOENT':
    case 'ENOTDIR':
      return new ApiFailure('not_found', `The folder for ${target} does not exist.`, details);
    case 'EISDIR':
      return new ApiFailure('file_not_writable', `${target} is a folder, not a file.`, details);
    default:
      return error;
  }
}

async function removeTempFiles(io: AtomicWriteFs, tempPath: string): Promise<void> {
  // SQLite may leave a rollback journal beside a temp database it was writing.
  for (const file of [tempPath, `${tempPath}-journal`]) await io.unlink(file).catch(() => {});
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The real file system, with fsync done through a file handle (the only portable way). */
const NODE_FS: AtomicWriteFs = {
  writeFile: (file, data) => fs.promises.writeFile(file, data, { flag: 'wx' }),
  async fsyncFile(file) {
    const handle = await fs.promises.open(file, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fs.promises.rename(from, to),
  unlink: (file) => fs.promises.unlink(file),
  async fsyncFolder(folder) {
    if (process.platform === 'win32') return;
    const handle = await fs.promises.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

/** The real file-system implementation, for callers that wrap only some of its calls (tests). */
export const NODE_ATOMIC_WRITE_FS: AtomicWriteFs = NODE_FS;
