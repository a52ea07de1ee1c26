import type { Selectable } from 'kysely';

/** One write to one row: who, when, through which API method, and which fields it set. */
export interface AuditLogTable {
  id: string;
  /** ISO timestamp of the write. */
  at: string;
  /** The named user who wrote (see BackendOptions.actor). */
  actor: string;
  method: string;
  tableName: string;
  rowId: string;
  /** The row's updatedAt after the write: its version. */
  rowVersion: string;
  /** JSON array of the field names the write set. */
  fieldsJson: string;
  /** The account the row belongs to (schema 7; null for rows of no account, such as users). */
  accountId: string | null;
  /** The row's name when it was written (schema 7), so the log reads by name after the row is gone. */
  rowLabel: string | null;
}

export type AuditLogRow = Selectable<AuditLogTable>;
