import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A customer account in the CSM's book. Soft-deleted rows keep `deletedAt` so a delete can be undone. */
export interface AccountsTable {
  id: string;
  name: string;
  customerSegment: string;
  buyerType: string;
  notes: string;
  /** ISO date (YYYY-MM-DD) or null when unknown. */
  renewalDate: string | null;
  /** ISO date the contract started or the program went live; drives the journey phase. */
  contractStartDate: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: Generated<string | null>;
}

export const ACCOUNTS_TABLE = 'accounts';
export type AccountRow = Selectable<AccountsTable>;
export type NewAccountRow = Insertable<AccountsTable>;
export type AccountRowUpdate = Updateable<AccountsTable>;
