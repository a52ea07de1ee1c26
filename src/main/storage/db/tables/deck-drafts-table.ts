import type { Insertable, Selectable } from 'kysely';

/** The deck builder's draft for one account, deck type, audience and quarter. */
export interface DeckDraftsTable {
  accountId: string;
  deckType: string;
  /** JSON array of archetype keys in the order chosen. */
  audienceJson: string;
  quarter: string;
  /** The CSM's edits (hide, order, titles, notes, sections) keyed by slide id, as JSON. */
  editsJson: string;
  /** 1 once the CSM picked the audience themselves (0: the builder's suggestion). */
  audienceChosen: number;
  createdAt: string;
  updatedAt: string;
}

export const DECK_DRAFTS_TABLE = 'deck_drafts';
export type DeckDraftRow = Selectable<DeckDraftsTable>;
export type NewDeckDraftRow = Insertable<DeckDraftsTable>;
