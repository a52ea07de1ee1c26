import type { WorkspaceDb } from '../database';
import type { AuditLogRow } from '../tables/audit-log-table';

/** Records one write; call it inside the write's transaction so the two commit together. */
export async function insertAuditEntry(db: WorkspaceDb, entry: AuditLogRow): Promise<void> {
  await db.insertInto('auditLog').values(entry).execute();
}

/**
 * Audit entries, newest first: of one row when `rowId` is given, and only those written after
 * the row version `afterVersion` (what changed since a client read the row).
 */
export async function listAuditEntries(db: WorkspaceDb, query: { rowId?: string; afterVersion?: string; limit: number }): Promise<AuditLogRow[]> {
  let builder = db.selectFrom('auditLog').selectAll();
  if (query.rowId !== undefined) builder = builder.where('rowId', '=', query.rowId);
  if (query.afterVersion !== undefined) builder = builder.where('rowVersion', '>', query.afterVersion);
  return builder.orderBy('at', 'desc').orderBy('rowVersion', 'desc').limit(query.limit).execute();
}
