import type { WorkspaceDb } from '../database';
import type { GoalRow, NewGoalRow } from '../tables/goals-table';
import type { Stakeholder } from '../../../../shared/api/schemas/stakeholder-schemas';
import type { StreamRecord } from '../../../../shared/api/schemas/stream-schemas';
import { stakeholderRecord, streamRecord } from '../records';
import type { NewRevenueStreamRow } from '../tables/revenue-streams-table';
import type { NewStakeholderRow } from '../tables/stakeholders-table';

/*
 * Queries for the records that hang off an account: revenue streams, stakeholders and goals.
 * Updates and deletes go through versioned-rows-repository.ts (at the version the writer read).
 * Each lookup by id only finds rows whose account is live, so a deleted account's children are
 * out of reach until the account is restored.
 */

export async function listStreams(db: WorkspaceDb, accountId: string): Promise<StreamRecord[]> {
  const rows = await db.selectFrom('revenueStreams').selectAll().where('accountId', '=', accountId).orderBy('createdAt').orderBy('name').execute();
  return rows.map(streamRecord);
}

export async function findStream(db: WorkspaceDb, id: string): Promise<StreamRecord | undefined> {
  const row = await db
    .selectFrom('revenueStreams as s')
    .innerJoin('accounts as a', 'a.id', 's.accountId')
    .selectAll('s')
    .where('s.id', '=', id)
    .where('a.deletedAt', 'is', null)
    .executeTakeFirst();
  return row ? streamRecord(row) : undefined;
}

export async function insertStream(db: WorkspaceDb, row: NewRevenueStreamRow): Promise<void> {
  await db.insertInto('revenueStreams').values(row).execute();
}

/**
 * Deletes a stream's monthly observations (they have no meaning without it) and unlinks its goals,
 * before the stream itself goes; call inside the delete's transaction. Returns how many observations went.
 */
export async function deleteStreamDependents(trx: WorkspaceDb, stream: Pick<StreamRecord, 'id' | 'accountId'>): Promise<number> {
  const removed = await trx
    .deleteFrom('metricObservations')
    .where('accountId', '=', stream.accountId)
    .where('streamId', '=', stream.id)
    .executeTakeFirst();
  await trx.updateTable('goals').set({ streamId: null }).where('streamId', '=', stream.id).execute();
  return Number(removed.numDeletedRows);
}

export async function listStakeholders(db: WorkspaceDb, accountId: string): Promise<Stakeholder[]> {
  const rows = await db.selectFrom('stakeholders').selectAll().where('accountId', '=', accountId).orderBy('personName').execute();
  return rows.map(stakeholderRecord);
}

export async function findStakeholder(db: WorkspaceDb, id: string): Promise<Stakeholder | undefined> {
  const row = await db
    .selectFrom('stakeholders as p')
    .innerJoin('accounts as a', 'a.id', 'p.accountId')
    .selectAll('p')
    .where('p.id', '=', id)
    .where('a.deletedAt', 'is', null)
    .executeTakeFirst();
  return row ? stakeholderRecord(row) : undefined;
}

export async function insertStakeholder(db: WorkspaceDb, row: NewStakeholderRow): Promise<void> {
  await db.insertInto('stakeholders').values(row).execute();
}


export async function listGoals(db: WorkspaceDb, accountId: string): Promise<GoalRow[]> {
  return db.selectFrom('goals').selectAll().where('accountId', '=', accountId).orderBy('dueDate').orderBy('title').execute();
}

export async function findGoal(db: WorkspaceDb, id: string): Promise<GoalRow | undefined> {
  return db
    .selectFrom('goals as g')
    .innerJoin('accounts as a', 'a.id', 'g.accountId')
    .selectAll('g')
    .where('g.id', '=', id)
    .where('a.deletedAt', 'is', null)
    .executeTakeFirst();
}

export async function insertGoal(db: WorkspaceDb, row: NewGoalRow): Promise<void> {
  await db.insertInto('goals').values(row).execute();
}

