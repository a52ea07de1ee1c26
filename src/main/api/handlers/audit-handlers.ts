import type { AuditEntry } from '../../../shared/api/schemas/audit-schemas';
import { listAuditEntries, type AuditEntryWithAccount } from '../../storage/db/repositories/audit-log-repository';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';

/** The audit log, read: who wrote what, when, newest first. */
export function auditHandlers({ workspace }: HandlerDeps): Pick<ApiHandlers, 'audit.list'> {
  const { db } = workspace;
  return {
    'audit.list': async ({ accountId, actor, limit, offset }) => {
      // One more than asked says whether there is another page.
      const rows = await listAuditEntries(db, { ...(accountId ? { accountId } : {}), ...(actor ? { actor } : {}), limit: limit + 1, offset });
      return { entries: rows.slice(0, limit).map(toAuditEntry), hasMore: rows.length > limit };
    },
  };
}

function toAuditEntry(row: AuditEntryWithAccount): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    method: row.method,
    tableName: row.tableName,
    rowId: row.rowId,
    rowLabel: row.rowLabel,
    accountId: row.accountId,
    accountName: row.accountName,
    fields: parseFields(row.fieldsJson),
  };
}

/** The stored field list; a hand-edited row that is not a list of names reads as none. */
function parseFields(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((field): field is string => typeof field === 'string') : [];
  } catch {
    return [];
  }
}
