import type { WorkspaceDb } from '../database';
import type { DeckDraftRow, NewDeckDraftRow } from '../tables/deck-drafts-table';

/** Identifies one draft. */
export interface DeckDraftKey {
  accountId: string;
  deckType: string;
  audienceJson: string;
  quarter: string;
}

/** Saves a draft under its key, keeping when it was first made. Returns the row as stored. */
export async function upsertDeckDraft(db: WorkspaceDb, row: NewDeckDraftRow): Promise<DeckDraftRow> {
  await db
    .insertInto('deckDrafts')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['accountId', 'deckType', 'audienceJson', 'quarter']).doUpdateSet({ editsJson: row.editsJson, audienceChosen: row.audienceChosen, updatedAt: row.updatedAt }),
    )
    .execute();
  return (await findDeckDraft(db, row))!;
}

export async function findDeckDraft(db: WorkspaceDb, key: DeckDraftKey): Promise<DeckDraftRow | undefined> {
  return db
    .selectFrom('deckDrafts')
    .selectAll()
    .where('accountId', '=', key.accountId)
    .where('deckType', '=', key.deckType)
    .where('audienceJson', '=', key.audienceJson)
    .where('quarter', '=', key.quarter)
    .executeTakeFirst();
}

/**
 * An account's drafts, latest quarter first (then last saved first), optionally narrowed to a deck
 * type, an audience, and quarters before one (exclusive).
 */
export async function listDeckDrafts(
  db: WorkspaceDb,
  filter: { accountId: string; deckType?: string; audienceJson?: string; beforeQuarter?: string },
): Promise<DeckDraftRow[]> {
  let query = db.selectFrom('deckDrafts').selectAll().where('accountId', '=', filter.accountId);
  if (filter.deckType !== undefined) query = query.where('deckType', '=', filter.deckType);
  if (filter.audienceJson !== undefined) query = query.where('audienceJson', '=', filter.audienceJson);
  if (filter.beforeQuarter !== undefined) query = query.where('quarter', '<', filter.beforeQuarter);
  return query.orderBy('quarter', 'desc').orderBy('updatedAt', 'desc').execute();
}

/** The draft saved last for an account, whatever its key. */
export async function latestDeckDraft(db: WorkspaceDb, accountId: string): Promise<DeckDraftRow | undefined> {
  return db.selectFrom('deckDrafts').selectAll().where('accountId', '=', accountId).orderBy('updatedAt', 'desc').orderBy('quarter', 'desc').executeTakeFirst();
}
