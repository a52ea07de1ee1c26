import type { WorkspaceDb } from '../database';
import type { AuditLogRow } from '../tables/audit-log-table';

/** Records one write; call it inside the write's transaction so the two commit together. */
export async function insertAuditEntry(db: WorkspaceDb, entry: AuditLogRow): Promise<void> {
  await db.insertInto('auditLog').values(entry).execute();
}

export interface AuditQuery {
  /** Entries of one row. */
  rowId?: string;
  /** Only those written after this row version (what changed since a client read the row). */
  afterVersion?: string;
  /** Entries about one account and its rows. */
  accountId?: string;
  /** Entries of one actor (exact name as recorded). */
  actor?: string;
  limit: number;
  offset?: number;
}

/** An audit entry with the current name of its account (null when it has none or it is gone). */
export interface AuditEntryWithAccount extends AuditLogRow {
  accountName: string | null;
}

/** Audit entries, newest first, narrowed by `query`. */
export async function listAuditEntries(db: WorkspaceDb, query: AuditQuery): Promise<AuditEntryWithAccount[]> {
  let builder = db
    .selectFrom('auditLog as l')
    .leftJoin('accounts as a', 'a.id', 'l.accountId')
    .selectAll('l')
    .select('a.name as accountName');
  if (query.rowId !== undefined) builder = builder.where('l.rowId', '=', query.rowId);
  if (query.afterVersion !== undefined) builder = builder.where('l.rowVersion', '>', query.afterVersion);
  if (query.accountId !== undefined) builder = builder.where('l.accountId', '=', query.accountId);
  if (query.actor !== undefined) builder = builder.where('l.actor', '=', query.actor);
  return builder
    .orderBy('l.at', 'desc')
    .orderBy('l.rowVersion', 'desc')
    .orderBy('l.id', 'desc')
    .limit(query.limit)
    .offset(query.offset ?? 0)
    .execute();
}
