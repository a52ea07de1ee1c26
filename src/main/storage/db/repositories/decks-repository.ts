import type { WorkspaceDb } from '../database';
import type { DeckRow, NewDeckRow } from '../tables/decks-table';

/** Records one exported deck. */
export async function insertDeck(db: WorkspaceDb, row: NewDeckRow): Promise<void> {
  await db.insertInto('decks').values(row).execute();
}

/** One exported deck of a live account, or undefined. */
export async function findLiveDeck(db: WorkspaceDb, deckId: string): Promise<DeckRow | undefined> {
  return db
    .selectFrom('decks as d')
    .innerJoin('accounts as a', 'a.id', 'd.accountId')
    .selectAll('d')
    .where('d.id', '=', deckId)
    .where('a.deletedAt', 'is', null)
    .executeTakeFirst();
}

/** The decks exported for an account, newest first. */
export async function listDecks(db: WorkspaceDb, accountId: string): Promise<DeckRow[]> {
  return db.selectFrom('decks').selectAll().where('accountId', '=', accountId).orderBy('createdAt', 'desc').orderBy('id', 'desc').execute();
}
