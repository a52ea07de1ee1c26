/*
 * The commitments ledger's vocabulary and its one rule for "overdue": the account overview, the
 * portfolio, the CLI and the carry-over slide all ask this module, so they never disagree.
 */

export const COMMITMENT_KINDS = ['decision', 'action'] as const;
/** 'decision': sought from the customer in a review; 'action': a next step someone owns. */
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

export const COMMITMENT_OWNER_SIDES = ['ours', 'customer', 'joint'] as const;
/** Whose commitment it is: our side, the customer's, or both. */
export type CommitmentOwnerSide = (typeof COMMITMENT_OWNER_SIDES)[number];

export const COMMITMENT_STATUSES = ['open', 'done', 'slipped', 'dropped'] as const;
/** open: not yet settled; done: kept; slipped: late but still wanted; dropped: no longer pursued. */
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** Statuses still owed: they count as open commitments and carry over to the next review. */
export const OUTSTANDING_STATUSES: readonly CommitmentStatus[] = ['open', 'slipped'];

/** What the rules read of a commitment. */
export interface CommitmentDue {
  status: CommitmentStatus;
  /** YYYY-MM-DD or null. */
  dueDate: string | null;
}

/** Still owed (open or slipped). */
export function isOutstanding(commitment: Pick<CommitmentDue, 'status'>): boolean {
  return OUTSTANDING_STATUSES.includes(commitment.status);
}

/**
 * Overdue on `today` (YYYY-MM-DD): still owed and its due date has passed. A commitment without a
 * due date is never overdue.
 * @example isOverdue({ status: 'open', dueDate: '2026-09-30' }, '2026-10-01') // true
 */
export function isOverdue(commitment: CommitmentDue, today: string): boolean {
  return isOutstanding(commitment) && commitment.dueDate !== null && commitment.dueDate < today;
}

/** Open and overdue counts over a list of commitments. */
export function outstandingCounts(commitments: readonly CommitmentDue[], today: string): { open: number; overdue: number } {
  return {
    open: commitments.filter(isOutstanding).length,
    overdue: commitments.filter((c) => isOverdue(c, today)).length,
  };
}

/** How a status reads for people (app, CLI, slides). */
export const COMMITMENT_STATUS_LABEL: Record<CommitmentStatus, string> = {
  open: 'Open',
  done: 'Done',
  slipped: 'Slipped',
  dropped: 'Dropped',
};
