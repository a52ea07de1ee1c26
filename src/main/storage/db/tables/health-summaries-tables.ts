/** A counter per account that the database moves whenever any of its observations changes (migration 9). */
export interface AccountDataVersionsTable {
  accountId: string;
  version: number;
}

/** One stored portfolio summary per account: served while its data version and inputs key still match. */
export interface AccountHealthSummariesTable {
  accountId: string;
  dataVersion: number;
  inputsKey: string;
  /** The AccountSummary as JSON. */
  summary: string;
}
