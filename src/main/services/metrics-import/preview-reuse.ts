import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportSource } from '../../../shared/api/schemas/import-schemas';
import type { ValidObservation } from '../../../shared/metrics-import/row-validator';
import { KeptChanges } from './kept-changes';
import type { Workspace } from '../../storage/workspace/open-workspace';
import { sameStamp, workspaceWriteStamp, type WriteStamp } from '../workspace-changes/workspace-write-stamp';
import type { ImportPassResult } from './import-pass';
import type { OpenedImportSource } from './import-source';

/*
 * The UI previews a file, then commits it: two full passes of parsing, validating and looking up
 * every value. A commit may instead reuse its preview when nothing it depended on can have
 * changed since: the same request, the same bytes (size, modification time and SHA-256 of the
 * very bytes the preview parsed), the same current month, and a workspace in which no row has
 * changed (the app connection's write stamp: PRAGMA data_version moves on any other connection's
 * commit, total_changes() on the app's own writes — see workspace-write-stamp.ts). Then the
 * preview's validation, counts and row errors are exactly what a second pass would find, and the
 * values it found new or different are the only ones to write. Anything else (a changed file, an
 * edit in between, a team workspace, more changes than are worth holding) gets the full pass.
 */

/**
 * Changed values a preview holds for its commit at most (KEPT_CHANGE_BYTES = 16 bytes each, so
 * 64 MB); a larger change set gets the full pass. A first import of a million new values is kept:
 * its commit then writes them without parsing and validating the file a second time.
 */
export const MAX_KEPT_CHANGES = 4_000_000;

/** What identifies a file's content: its size and modification time, then the hash of its bytes. */
interface FileFingerprint {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/** A preview a commit may reuse. */
export interface KeptPreview {
  /** The request, month and error limit it answered (see reuseKey). */
  key: string;
  source: ImportSource;
  fingerprint: FileFingerprint;
  /** The app connection's write stamp taken before the preview read anything. */
  stamp: WriteStamp;
  pass: ImportPassResult;
  /** The values the preview found new or different, in file order. */
  changes: KeptChanges;
  /** Values the preview found equal to what is stored. */
  unchanged: number;
}

/** The parts of a request a pass's outcome depends on, beyond the file bytes and the workspace rows. */
export function reuseKey(request: { source: ImportSource; accountId?: string; mapping?: unknown; decimalSeparator?: string; dayOrder?: string }, latestMonth: string, maxErrors: number): string {
  const source = request.source.kind === 'path' ? { path: path.resolve(request.source.path) } : { text: sha256(request.source.text), fileName: request.source.fileName };
  return JSON.stringify([source, request.accountId ?? null, request.mapping ?? null, request.decimalSeparator ?? null, request.dayOrder ?? null, latestMonth, maxErrors]);
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

function statOf(source: ImportSource): { size: number; mtimeMs: number } | null {
  if (source.kind === 'text') return { size: Buffer.byteLength(source.text, 'utf8'), mtimeMs: 0 };
  const stat = fs.statSync(source.path, { throwIfNoEntry: false });
  return stat?.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : null;
}

/**
 * Records, during a preview, what its commit may reuse: wrap the source (its bytes are hashed as
 * the preview reads them), report each value the preview classifies, then `finish`.
 */
export interface PreviewRecorder {
  source(opened: OpenedImportSource): OpenedImportSource;
  classified(value: ValidObservation, change: 'added' | 'updated' | 'unchanged'): void;
  /** Ends the recording once the preview's pass is over. */
  finish(pass: ImportPassResult): void;
  /** The preview to keep once finished; null when it cannot be reused (refused, the file changed while read, too many changes). */
  readonly kept: KeptPreview | null;
}

/** Starts recording a preview; call before the preview reads the workspace or the file. */
export function recordPreview(workspace: Workspace, source: ImportSource, key: string): PreviewRecorder {
  // A team workspace's stamp is new on every read: nothing there is ever reused.
  const stamp = workspaceWriteStamp(workspace);
  const before = statOf(source);
  const hash = createHash('sha256');
  // Null once the preview found more changes than are kept: from then on nothing is recorded or hashed.
  let changes: KeptChanges | null = new KeptChanges();
  let unchanged = 0;
  let kept: KeptPreview | null = null;
  return {
    get kept() {
      return kept;
    },
    source: (opened) => ({
      ...opened,
      async *chunks() {
        for await (const chunk of opened.chunks()) {
          if (changes) hash.update(chunk);
          yield chunk;
        }
      },
    }),
    classified(value, change) {
      if (!changes) return;
      if (change === 'unchanged') unchanged += 1;
      else if (changes.length < MAX_KEPT_CHANGES) changes.add(value);
      else changes = null;
    },
    finish(pass) {
      const after = statOf(source);
      if (!changes || pass.refusal || !pass.plan || pass.plan.ambiguousNumbers !== null || !before || !after) return;
      if (before.size !== after.size || before.mtimeMs !== after.mtimeMs || !workspace.sqlite) return;
      kept = { key, source, fingerprint: { ...after, sha256: hash.digest('hex') }, stamp, pass, changes, unchanged };
    },
  };
}

/** True when the file still holds exactly the bytes the preview read (size and time first, then the hash). */
export async function sameFileAsPreview(kept: KeptPreview): Promise<boolean> {
  const now = statOf(kept.source);
  if (!now || now.size !== kept.fingerprint.size || now.mtimeMs !== kept.fingerprint.mtimeMs) return false;
  if (kept.source.kind === 'text') return sha256(kept.source.text) === kept.fingerprint.sha256;
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(kept.source.path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex') === kept.fingerprint.sha256;
}

/** True when no row of the workspace has changed since the preview began (call holding the write lock). */
export function workspaceUnchangedSincePreview(workspace: Workspace, kept: KeptPreview): boolean {
  return workspace.sqlite !== null && sameStamp(workspaceWriteStamp(workspace), kept.stamp);
}
