import { ApiFailure } from '../../../shared/api/errors';
import type { WorkspaceDb } from '../../storage/db/database';
import { insertAuditEntry, listAuditEntries } from '../../storage/db/repositories/audit-log-repository';
import type { HandlerDeps } from '../handler-deps';

/*
 * What every versioned write does besides writing: an audit entry in the same transaction, and,
 * when the row had moved on, a conflict that says who changed what since the caller read it.
 */

/** How many of the changes since the caller's version a conflict lists. */
const CHANGES_LISTED = 5;

export interface RowWrite {
  method: string;
  tableName: string;
  rowId: string;
  /** The row's updatedAt after the write. */
  rowVersion: string;
  fields: readonly string[];
}

/** Records `write` in the audit log as done by the backend's user, now. */
export async function auditWrite(db: WorkspaceDb, deps: Pick<HandlerDeps, 'actor' | 'now' | 'newId'>, write: RowWrite): Promise<void> {
  await insertAuditEntry(db, {
    id: deps.newId(),
    at: deps.now().toISOString(),
    actor: deps.actor,
    method: write.method,
    tableName: write.tableName,
    rowId: write.rowId,
    rowVersion: write.rowVersion,
    fieldsJson: JSON.stringify(write.fields),
  });
}

/**
 * The `conflict` a write at a stale version gets: nothing was saved, and here is what changed
 * since `expectedVersion` (from the audit log), newest first.
 * @example throw await staleWriteFailure(db, 'Oak Clinic', accountId, '2026-11-15T10:00:00.000Z', current.updatedAt);
 */
export async function staleWriteFailure(db: WorkspaceDb, what: string, rowId: string, expectedVersion: string, currentVersion: string | null): Promise<ApiFailure> {
  const entries = await listAuditEntries(db, { rowId, afterVersion: expectedVersion, limit: CHANGES_LISTED });
  const changes = entries.map((entry) => ({ actor: entry.actor, at: entry.at, method: entry.method, fields: JSON.parse(entry.fieldsJson) as string[] }));
  const listed = changes.map((change) => `${change.actor} at ${change.at} (${change.fields.map(fieldLabel).join(', ') || change.method})`);
  const since = listed.length ? `: changed by ${listed.join('; ')}` : '';
  return new ApiFailure(
    'conflict',
    `${what} was changed by someone else after you opened it${since}. Nothing was saved; reload to see the current values, then make your change again.`,
    { reason: 'stale_version', expectedVersion, currentVersion, changes },
  );
}

/** 'renewalDate' → 'renewal date'. */
function fieldLabel(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
}
