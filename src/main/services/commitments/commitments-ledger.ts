import { ApiFailure } from '../../../shared/api/errors';
import type { AcceptedCommitment, Commitment } from '../../../shared/api/schemas/commitment-schemas';
import { isOutstanding, isOverdue, type CommitmentKind, type CommitmentOwnerSide, type CommitmentStatus } from '../../../shared/commitments/commitment';
import type { DeckPlanCommitment } from '../../../shared/deck-plan';
import type { WorkspaceDb } from '../../storage/db/database';
import { findCommitmentByProposal, insertCommitment, listCommitmentsBefore, updateCommitment } from '../../storage/db/repositories/commitments-repository';
import { findStakeholder } from '../../storage/db/repositories/account-children-repository';
import type { CommitmentRow } from '../../storage/db/tables/commitments-table';

/*
 * The commitments ledger's rules that more than one path needs: what a quarter's deck looks back
 * on, saving the commitments accepted at export, and a stored row as the API returns it.
 */

/** A stored row's fields with their enum types: the one place a row's strings become the ledger's keys. */
function ledgerEntry(row: CommitmentRow): DeckPlanCommitment {
  return {
    id: row.id,
    kind: row.kind as CommitmentKind,
    text: row.text,
    ownerSide: row.ownerSide as CommitmentOwnerSide,
    ownerName: row.ownerName,
    dueDate: row.dueDate,
    quarterRaised: row.quarterRaised,
    status: row.status as CommitmentStatus,
    outcomeNote: row.outcomeNote,
  };
}

/** A stored row as the API returns it; `overdue` as of `today` (YYYY-MM-DD). */
export function toCommitment(row: CommitmentRow, today: string): Commitment {
  const entry = ledgerEntry(row);
  return {
    ...entry,
    accountId: row.accountId,
    stakeholderId: row.stakeholderId,
    deckId: row.deckId,
    proposalKey: row.proposalKey,
    overdue: isOverdue(entry, today),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * What a quarter's deck looks back on: every entry of the latest earlier quarter that has any
 * (whatever its status), and anything older still open or slipped.
 */
export async function priorCommitmentsFor(db: WorkspaceDb, accountId: string, quarter: string): Promise<DeckPlanCommitment[]> {
  const rows = await listCommitmentsBefore(db, accountId, quarter);
  const lastQuarter = rows[0]?.quarterRaised;
  return rows
    .map(ledgerEntry)
    .filter((c) => c.quarterRaised === lastQuarter || isOutstanding(c));
}

/** A stakeholder named on a commitment must be one of the account's own. */
export async function checkCommitmentStakeholder(db: WorkspaceDb, accountId: string, stakeholderId: string | null | undefined, field = 'stakeholderId'): Promise<void> {
  if (!stakeholderId) return;
  const person = await findStakeholder(db, stakeholderId);
  if (!person || person.accountId !== accountId) {
    throw new ApiFailure('invalid_input', 'The commitment names a stakeholder of another account, or one that no longer exists.', { field });
  }
}

/**
 * Saves the commitments accepted for a deck, in one transaction: an entry an earlier export of
 * the same quarter made from the same proposal is updated (text, owner, date, deck) and keeps its
 * status and outcome; the rest are added as open. Returns how many were saved.
 */
export async function recordAcceptedCommitments(
  db: WorkspaceDb,
  deps: { now: () => Date; newId: () => string },
  target: { accountId: string; quarter: string; deckId: string },
  accepted: readonly AcceptedCommitment[],
): Promise<number> {
  const stamp = deps.now().toISOString();
  await db.transaction().execute(async (trx) => {
    for (const item of accepted) {
      const fields = { kind: item.kind, text: item.text, ownerSide: item.ownerSide, ownerName: item.ownerName, stakeholderId: item.stakeholderId, dueDate: item.dueDate, deckId: target.deckId };
      const earlier = await findCommitmentByProposal(trx, target.accountId, target.quarter, item.proposalKey);
      if (earlier) await updateCommitment(trx, earlier.id, { ...fields, updatedAt: stamp });
      else await insertCommitment(trx, { id: deps.newId(), accountId: target.accountId, ...fields, quarterRaised: target.quarter, proposalKey: item.proposalKey, status: 'open', outcomeNote: '', createdAt: stamp, updatedAt: stamp });
    }
  });
  return accepted.length;
}
