import type { Transaction } from 'kysely';
import type { Database, WorkspaceDb } from '../database';
import type { TakeOutBaseRow, TakeOutOriginRow } from '../tables/take-out-tables';

/** Rows a base insert carries per statement (5 parameters each). */
const BASE_BATCH = 500;

/** Records where a taken-out file came from. Call inside the transaction that fills the file. */
export async function insertTakeOutOrigin(trx: Transaction<Database>, origin: Omit<TakeOutOriginRow, 'id' | 'broughtBackAt'>): Promise<void> {
  await trx.insertInto('takeOutOrigin').values({ id: 1, ...origin, broughtBackAt: null }).execute();
}

/** Records taken rows as they were (the base of a bring-back), in batches. */
export async function insertTakeOutBase(trx: Transaction<Database>, rows: readonly TakeOutBaseRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BASE_BATCH) await trx.insertInto('takeOutBase').values(rows.slice(i, i + BASE_BATCH) as TakeOutBaseRow[]).execute();
}

/** Where this workspace was taken out from; undefined when it was not. */
export function readTakeOutOrigin(db: WorkspaceDb | Transaction<Database>): Promise<TakeOutOriginRow | undefined> {
  return db.selectFrom('takeOutOrigin').selectAll().where('id', '=', 1).executeTakeFirst();
}

/** Every taken row as it was at take-out. */
export function readTakeOutBase(db: WorkspaceDb | Transaction<Database>): Promise<TakeOutBaseRow[]> {
  return db.selectFrom('takeOutBase').selectAll().orderBy('tableName').orderBy('rowKey').execute();
}

/** Marks the file as brought back, so its changes are not brought back twice. */
export async function markBroughtBack(db: WorkspaceDb, at: string): Promise<void> {
  await db.updateTable('takeOutOrigin').set({ broughtBackAt: at }).where('id', '=', 1).execute();
}
