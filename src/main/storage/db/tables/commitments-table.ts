import type { Insertable, Selectable } from 'kysely';

/** One entry of an account's commitments ledger: a decision sought or an action owned, and what became of it. */
export interface CommitmentsTable {
  id: string;
  accountId: string;
  /** 'decision' | 'action'. */
  kind: string;
  text: string;
  /** 'ours' | 'customer' | 'joint'. */
  ownerSide: string;
  /** The owner as the deck names them; '' when unknown. */
  ownerName: string;
  stakeholderId: string | null;
  /** YYYY-MM-DD or null. */
  dueDate: string | null;
  /** e.g. "2026Q3". */
  quarterRaised: string;
  /** The exported deck it was agreed in, or null when entered by hand. */
  deckId: string | null;
  /** The deck plan's key for the proposal, or null for one entered by hand. */
  proposalKey: string | null;
  /** 'open' | 'done' | 'slipped' | 'dropped'. */
  status: string;
  outcomeNote: string;
  createdAt: string;
  updatedAt: string;
}

export const COMMITMENTS_TABLE = 'commitments';
export type CommitmentRow = Selectable<CommitmentsTable>;
export type NewCommitmentRow = Insertable<CommitmentsTable>;
