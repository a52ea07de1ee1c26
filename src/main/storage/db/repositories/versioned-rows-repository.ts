import type { Updateable } from 'kysely';
import type { Database, WorkspaceDb } from '../database';

/*
 * Conditional writes for every table whose rows carry a version (their updatedAt; see
 * row-version.ts): one statement that writes only if the row is still at the version the writer
 * read, so of two writers holding the same version exactly one succeeds on either engine.
 */

/** The tables written at a version: accounts and the rows the app edits in a form. */
export type VersionedTable = 'accounts' | 'revenueStreams' | 'stakeholders' | 'goals' | 'commitments';

/**
 * Writes `changes` over row `id` of `table` only if its updatedAt is still `expectedUpdatedAt`.
 * False when the row had moved on (or is gone).
 * @example await updateRowAtVersion(trx, 'stakeholders', id, seen.updatedAt, { title: 'CFO', updatedAt: next })
 */
export async function updateRowAtVersion<T extends VersionedTable>(
  db: WorkspaceDb,
  table: T,
  id: string,
  expectedUpdatedAt: string,
  changes: Updateable<Database[T]> & { updatedAt: string },
): Promise<boolean> {
  const result = await (db as WorkspaceDb)
    .updateTable(table as VersionedTable)
    .set(changes as never)
    .where('id', '=', id)
    .where('updatedAt', '=', expectedUpdatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes row `id` of `table` only if it is still at `expectedUpdatedAt`; false when it had moved on or is gone. */
export async function deleteRowAtVersion(db: WorkspaceDb, table: VersionedTable, id: string, expectedUpdatedAt: string): Promise<boolean> {
  const result = await db.deleteFrom(table).where('id', '=', id).where('updatedAt', '=', expectedUpdatedAt).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** A row's current version, or null when it is gone. */
export async function currentRowVersion(db: WorkspaceDb, table: VersionedTable, id: string): Promise<string | null> {
  const row = await db.selectFrom(table).select('updatedAt').where('id', '=', id).executeTakeFirst();
  return row?.updatedAt ?? null;
}

/** The account a row belongs to (an account is its own), or undefined when the row is gone. */
export async function accountIdOfRow(db: WorkspaceDb, table: VersionedTable, id: string): Promise<string | undefined> {
  if (table === 'accounts') return (await db.selectFrom('accounts').select('id').where('id', '=', id).executeTakeFirst())?.id;
  const row = await db.selectFrom(table).select('accountId').where('id', '=', id).executeTakeFirst();
  return row?.accountId;
}
