import fs from 'node:fs';
import path from 'node:path';
import { ApiFailure } from '../../../shared/api/errors';

/*
 * What a would-be workspace file is, read from its bytes before SQLite opens it. SQLite itself
 * reports a truncated file, an empty one and a foreign one with much the same error ("not a
 * database", "malformed"), which used to reach people as "not a QBR Workbench workspace" even when
 * it was their own workspace cut short by an interrupted copy or sync.
 */

/** "SQLite format 3\0": the first 16 bytes of every SQLite database file. */
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** Size of the SQLite file header. */
const SQLITE_HEADER_BYTES = 100;

/** What the bytes on disk say about a workspace path. */
export type WorkspaceFileShape =
  | { kind: 'missing' }
  | { kind: 'folder' }
  /** Zero bytes and no write-ahead log beside it: nothing to open. */
  | { kind: 'empty' }
  /** Not the start of a SQLite file. */
  | { kind: 'not-sqlite' }
  | {
      kind: 'sqlite';
      /** PRAGMA application_id as the main file's header holds it (0 when cut off or not yet set). */
      applicationId: number;
      /** When the file is shorter than its own header says (or shorter than a header): how long it should be, at least. */
      truncated: { expectedBytes: number; actualBytes: number } | null;
    };

/**
 * Reads the header of the file at `absolutePath` (without SQLite, never writing).
 * A write-ahead log beside the file may hold pages not yet copied into it, so a file with a
 * non-empty `-wal` is never called empty or truncated here; SQLite recovers it on open.
 * @example inspectWorkspaceFile('/w/client.sqlite') // → { kind: 'sqlite', applicationId: 0x51425257, truncated: null }
 */
export function inspectWorkspaceFile(absolutePath: string): WorkspaceFileShape {
  const stat = fs.statSync(absolutePath, { throwIfNoEntry: false });
  if (!stat) return { kind: 'missing' };
  if (stat.isDirectory()) return { kind: 'folder' };
  const walBytes = fs.statSync(`${absolutePath}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  if (stat.size === 0) return walBytes > 0 ? { kind: 'sqlite', applicationId: 0, truncated: null } : { kind: 'empty' };

  const header = readHead(absolutePath, SQLITE_HEADER_BYTES);
  const magicLength = Math.min(header.length, SQLITE_MAGIC.length);
  if (!header.subarray(0, magicLength).equals(SQLITE_MAGIC.subarray(0, magicLength))) return { kind: 'not-sqlite' };
  if (header.length < SQLITE_HEADER_BYTES) {
    return { kind: 'sqlite', applicationId: 0, truncated: { expectedBytes: SQLITE_HEADER_BYTES, actualBytes: stat.size } };
  }
  const applicationId = header.readUInt32BE(68);
  if (walBytes > 0) return { kind: 'sqlite', applicationId, truncated: null };
  const expectedBytes = headerDatabaseBytes(header);
  const truncated = expectedBytes !== null && stat.size < expectedBytes ? { expectedBytes, actualBytes: stat.size } : null;
  return { kind: 'sqlite', applicationId, truncated };
}

/**
 * The file size the header promises: page size × "in-header database size", when that count is
 * valid (non-zero, and the change counter at offset 24 matches "version-valid-for" at offset 92).
 */
function headerDatabaseBytes(header: Buffer): number | null {
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  const valid = pageCount > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  return valid && pageSize >= 512 ? pageSize * pageCount : null;
}

function readHead(absolutePath: string, bytes: number): Buffer {
  const fd = fs.openSync(absolutePath, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** A damaged file: `workspace_corrupt`, which the app answers by offering the newest good backup. */
export function damagedWorkspaceFailure(absolutePath: string, what: string, details: Record<string, unknown> = {}): ApiFailure {
  return new ApiFailure(
    'workspace_corrupt',
    `${absolutePath} is damaged (${what}), so it was not opened and was not modified. Restore the newest good backup.`,
    { path: absolutePath, ...details },
  );
}

/**
 * Refuses, with the right message, a file whose bytes already show it cannot be opened as a
 * workspace: empty, truncated, a folder, or not SQLite at all. Files of other applications are
 * told apart later, by the SQLite probe.
 */
export function assertWorkspaceFileShape(absolutePath: string, shape: WorkspaceFileShape, ourApplicationId: number): void {
  switch (shape.kind) {
    case 'folder':
      throw new ApiFailure('not_a_workspace', `${absolutePath} is a folder, not a workspace file.`);
    case 'empty':
      throw damagedWorkspaceFailure(absolutePath, 'it is empty (0 bytes) — perhaps a copy, download or sync that did not finish');
    case 'sqlite': {
      const foreign = shape.applicationId !== 0 && shape.applicationId !== ourApplicationId;
      if (shape.truncated && !foreign) {
        const { expectedBytes, actualBytes } = shape.truncated;
        throw damagedWorkspaceFailure(
          absolutePath,
          `it is truncated: ${actualBytes.toLocaleString('en-US')} bytes of at least ${expectedBytes.toLocaleString('en-US')} — perhaps a copy or sync that did not finish`,
          { expectedBytes, actualBytes },
        );
      }
      return;
    }
    default:
      return;
  }
}

/**
 * SQLite could not read a file whose bytes start like a SQLite database: it is damaged, unless its
 * header names another application. Returns null when the error says nothing of the kind.
 */
export function unreadableWorkspaceFailure(absolutePath: string, shape: WorkspaceFileShape, error: unknown, ourApplicationId: number): ApiFailure | null {
  if (shape.kind !== 'sqlite') return null;
  if (shape.applicationId !== 0 && shape.applicationId !== ourApplicationId) return null;
  const reason = error instanceof Error ? error.message : String(error);
  return damagedWorkspaceFailure(absolutePath, `SQLite cannot read it: ${reason}`, { reason });
}

/**
 * A workspace is written to as people work, and SQLite keeps its write-ahead log and index beside
 * it, so both the file and its folder must be writable. Refuses with `file_not_writable` and a
 * message saying which: a read-only volume (a mounted image, a locked USB stick, a read-only share)
 * or missing permission.
 */
export function assertWorkspaceWritable(absolutePath: string, exists: boolean): void {
  const folder = path.dirname(absolutePath);
  for (const target of exists ? [absolutePath, folder] : [folder]) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue;
      const details = { path: absolutePath, reason: code ?? String(error) };
      if (code === 'EROFS') {
        throw new ApiFailure(
          'file_not_writable',
          `${absolutePath} is on a read-only volume. QBR Workbench writes to a workspace as you work, so it cannot open it there; copy the file to a writable folder and open the copy. The file was not modified.`,
          details,
        );
      }
      throw new ApiFailure(
        'file_not_writable',
        `You do not have permission to write ${target === absolutePath ? absolutePath : `the folder ${folder}`}, and QBR Workbench writes to a workspace (and beside it) as you work. Open a copy in a folder you can write to; the file was not modified.`,
        details,
      );
    }
  }
}
