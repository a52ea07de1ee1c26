import type { Insertable, Selectable } from 'kysely';

/** A deck exported for an account: who it was for and where it was written. */
export interface DecksTable {
  id: string;
  accountId: string;
  deckType: string;
  quarter: string;
  audienceJson: string;
  filePath: string;
  /** Hash of the deck plan, so a later export can tell whether anything changed. */
  planFingerprint: string;
  createdAt: string;
}

export const DECKS_TABLE = 'decks';
export type DeckRow = Selectable<DecksTable>;
export type NewDeckRow = Insertable<DecksTable>;
