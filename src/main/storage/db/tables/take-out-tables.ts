import type { Selectable } from 'kysely';

/** Where a taken-out workspace file came from (one row; see migration 0007). */
export interface TakeOutOriginTable {
  id: number;
  /** The source workspace as shown: a path, or a postgres:// URL with the password masked. */
  source: string;
  takenAt: string;
  takenBy: string;
  /** JSON array of the taken accounts' ids. */
  accountIdsJson: string;
  broughtBackAt: string | null;
}

/** One taken row as it was at take-out: the base of a bring-back. */
export interface TakeOutBaseTable {
  /** The export table key, e.g. 'metricObservations'. */
  tableName: string;
  /** JSON array of the row's primary-key values. */
  rowKey: string;
  accountId: string;
  /** The row's updatedAt (a deck record's createdAt) at take-out. */
  version: string;
  /** The whole row as JSON. */
  rowJson: string;
}

export type TakeOutOriginRow = Selectable<TakeOutOriginTable>;
export type TakeOutBaseRow = Selectable<TakeOutBaseTable>;
