import type { ValidObservation } from '../../../shared/metrics-import/row-validator';
import type { ImportTargetRow, ObservationChange, ObservationTally } from '../../storage/db/repositories/metric-import-repository';
import type { Workspace } from '../../storage/workspace/open-workspace';
import { openFileImportSession } from './import-session-file';
import { openTeamImportSession } from './import-session-team';

/**
 * One import's own connection to the workspace, whichever engine holds it: a second better-sqlite3
 * connection to a workspace file, or one connection of a team workspace's pool. The preview reads
 * in one snapshot; the commit writes in ONE transaction, so the app's own connection keeps reading
 * the last committed state while a big file streams in and sees nothing of it until it commits.
 */
export interface ImportSession {
  /** Opens the read snapshot a preview counts against (nothing is ever written in it). */
  beginRead(): Promise<void>;
  /** The live accounts and their streams the file's names are matched against. */
  targets(): Promise<ImportTargetRow[]>;
  /**
   * Counts what writing these values would do, in the snapshot `beginRead` opened (a workspace
   * file's session relies on it: an account with no observations in it needs no lookups).
   * May still be running when it returns: `settle` waits.
   * A workspace file's session also tells `each` what each value would do (for a preview its commit
   * may reuse, preview-reuse.ts); a team workspace's does not (its previews are never reused).
   */
  classify(values: readonly ValidObservation[], each?: (value: ValidObservation, change: ObservationChange) => void): Promise<void>;
  /** Opens the write transaction, waiting up to `timeoutMs` for another writer; false when it could not. */
  beginWrite(timeoutMs: number): Promise<boolean>;
  /** Upserts these values (equal values left alone). May still be running when it returns: `settle` waits. */
  write(values: readonly ValidObservation[], source: string, updatedAt: string): Promise<void>;
  /** Waits for everything still running and returns what the values did (or would do). */
  settle(): Promise<ObservationTally>;
  commit(): Promise<void>;
  /** Rolls back whatever is still open and lets the connection go; safe to call more than once. */
  close(): Promise<void>;
}

/** Opens the import's connection to `workspace`. */
export function openImportSession(workspace: Workspace): Promise<ImportSession> {
  return workspace.dialect === 'sqlite' ? Promise.resolve(openFileImportSession(workspace)) : openTeamImportSession(workspace);
}
