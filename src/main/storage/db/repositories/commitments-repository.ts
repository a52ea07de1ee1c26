import type { Transaction } from 'kysely';
import type { Database, WorkspaceDb } from '../database';
import type { CommitmentRow, NewCommitmentRow } from '../tables/commitments-table';
import { filtersBy } from './some-accounts';

/* The commitments ledger: an account's decisions sought and actions owned, per quarter raised. */

type Db = WorkspaceDb | Transaction<Database>;

/** An account's commitments, newest quarter first, then by due date (undated last) and when they were made. */
export async function listCommitments(db: Db, filter: { accountId: string; statuses?: readonly string[]; quarterRaised?: string }): Promise<CommitmentRow[]> {
  let query = db.selectFrom('commitments').selectAll().where('accountId', '=', filter.accountId);
  if (filter.statuses) query = query.where('status', 'in', [...filter.statuses]);
  if (filter.quarterRaised) query = query.where('quarterRaised', '=', filter.quarterRaised);
  return query
    .orderBy('quarterRaised', 'desc')
    .orderBy((eb) => eb.case().when('dueDate', 'is', null).then(1).else(0).end())
    .orderBy('dueDate')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** Commitments raised before `quarter` (exclusive): what the quarter's deck looks back on. */
export async function listCommitmentsBefore(db: Db, accountId: string, quarter: string): Promise<CommitmentRow[]> {
  return db
    .selectFrom('commitments')
    .selectAll()
    .where('accountId', '=', accountId)
    .where('quarterRaised', '<', quarter)
    .orderBy('quarterRaised', 'desc')
    .orderBy('kind')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** One commitment of a live account. */
export async function findCommitment(db: Db, id: string): Promise<CommitmentRow | undefined> {
  return db
    .selectFrom('commitments as c')
    .innerJoin('accounts as a', 'a.id', 'c.accountId')
    .selectAll('c')
    .where('c.id', '=', id)
    .where('a.deletedAt', 'is', null)
    .executeTakeFirst();
}

/** The entry an earlier export of the same quarter made from the same proposal, if any. */
export async function findCommitmentByProposal(db: Db, accountId: string, quarterRaised: string, proposalKey: string): Promise<CommitmentRow | undefined> {
  return db
    .selectFrom('commitments')
    .selectAll()
    .where('accountId', '=', accountId)
    .where('quarterRaised', '=', quarterRaised)
    .where('proposalKey', '=', proposalKey)
    .executeTakeFirst();
}

export async function insertCommitment(db: Db, row: NewCommitmentRow): Promise<void> {
  await db.insertInto('commitments').values(row).execute();
}

export async function updateCommitment(db: Db, id: string, changes: Partial<NewCommitmentRow>): Promise<void> {
  await db.updateTable('commitments').set(changes).where('id', '=', id).execute();
}

/** Outstanding (open or slipped) commitments of every live account (of `accountIds` when given: see some-accounts.ts): status and due date, for the portfolio's counts. */
export async function listOutstandingCommitments(db: Db, accountIds?: readonly string[]): Promise<Pick<CommitmentRow, 'accountId' | 'status' | 'dueDate'>[]> {
  return db
    .selectFrom('commitments as c')
    .innerJoin('accounts as a', 'a.id', 'c.accountId')
    .select(['c.accountId', 'c.status', 'c.dueDate'])
    .where('a.deletedAt', 'is', null)
    .where('c.status', 'in', ['open', 'slipped'])
    .$if(filtersBy(accountIds), (query) => query.where('c.accountId', 'in', accountIds!))
    .execute();
}
