import type { WorkspaceDb } from '../database';
import type { DeckRow, NewDeckRow } from '../tables/decks-table';

/** Records one exported deck. */
export async function insertDeck(db: WorkspaceDb, row: NewDeckRow): Promise<void> {
  await db.insertInto('decks').values(row).execute();
}

/** The decks exported for an account, newest first. */
export async function listDecks(db: WorkspaceDb, accountId: string): Promise<DeckRow[]> {
  return db.selectFrom('decks').selectAll().where('accountId', '=', accountId).orderBy('createdAt', 'desc').orderBy('id', 'desc').execute();
}
