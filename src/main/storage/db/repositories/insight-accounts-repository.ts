import type { WorkspaceDb } from '../database';
import type { Stakeholder } from '../../../../shared/api/schemas/stakeholder-schemas';
import type { StreamRecord } from '../../../../shared/api/schemas/stream-schemas';
import { stakeholderRecord, streamRecord } from '../records';
import type { RevenueStreamRow } from '../tables/revenue-streams-table';
import { filtersBy } from './some-accounts';

/* Portfolio-wide reads for insights: one query per table instead of one per account. */

/** Revenue streams of every live account (of `accountIds` when given: see some-accounts.ts). */
export async function listLiveAccountStreams(db: WorkspaceDb, accountIds?: readonly string[]): Promise<StreamRecord[]> {
  return (await listLiveAccountStreamRows(db, accountIds)).map(streamRecord);
}

/** The same streams as stored, for a caller that reads a few of them (`streamRecord` checks one). */
export async function listLiveAccountStreamRows(db: WorkspaceDb, accountIds?: readonly string[]): Promise<RevenueStreamRow[]> {
  return db
    .selectFrom('revenueStreams as s')
    .innerJoin('accounts as a', 'a.id', 's.accountId')
    .selectAll('s')
    .where('a.deletedAt', 'is', null)
    .$if(filtersBy(accountIds), (query) => query.where('s.accountId', 'in', accountIds!))
    .orderBy('s.createdAt')
    .orderBy('s.name')
    .execute();
}

/** Stakeholders of every live account. */
export async function listLiveAccountStakeholders(db: WorkspaceDb): Promise<Stakeholder[]> {
  const rows = await db.selectFrom('stakeholders as p').innerJoin('accounts as a', 'a.id', 'p.accountId').selectAll('p').where('a.deletedAt', 'is', null).execute();
  return rows.map(stakeholderRecord);
}

/** Every live account's id and the dates insights need. */
export async function listLiveAccountDates(db: WorkspaceDb): Promise<{ id: string; renewalDate: string | null; contractStartDate: string | null }[]> {
  return db.selectFrom('accounts').select(['id', 'renewalDate', 'contractStartDate']).where('deletedAt', 'is', null).orderBy('name').execute();
}
