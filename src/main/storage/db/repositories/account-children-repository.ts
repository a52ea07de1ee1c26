import type { WorkspaceDb } from '../database';
import type { GoalRow, NewGoalRow } from '../tables/goals-table';
import type { Stakeholder } from '../../../../shared/api/schemas/stakeholder-schemas';
import type { StreamRecord } from '../../../../shared/api/schemas/stream-schemas';
import { stakeholderRecord, streamRecord } from '../records';
import type { NewRevenueStreamRow } from '../tables/revenue-streams-table';
import type { NewStakeholderRow } from '../tables/stakeholders-table';

/*
 * Queries for the records that hang off an account: revenue streams, stakeholders and goals.
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

export async function updateStream(db: WorkspaceDb, id: string, changes: Partial<NewRevenueStreamRow>): Promise<void> {
  await db.updateTable('revenueStreams').set(changes).where('id', '=', id).execute();
}

/** Deletes a stream and its monthly observations (they have no meaning without it); returns how many observations went. */
export async function deleteStreamWithObservations(db: WorkspaceDb, stream: Pick<StreamRecord, 'id' | 'accountId'>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('metricObservations')
      .where('accountId', '=', stream.accountId)
      .where('streamId', '=', stream.id)
      .executeTakeFirst();
    await trx.updateTable('goals').set({ streamId: null }).where('streamId', '=', stream.id).execute();
    await trx.deleteFrom('revenueStreams').where('id', '=', stream.id).execute();
    return Number(removed.numDeletedRows);
  });
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

export async function updateStakeholder(db: WorkspaceDb, id: string, changes: Partial<NewStakeholderRow>): Promise<void> {
  await db.updateTable('stakeholders').set(changes).where('id', '=', id).execute();
}

export async function deleteStakeholder(db: WorkspaceDb, id: string): Promise<void> {
  await db.deleteFrom('stakeholders').where('id', '=', id).execute();
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

export async function updateGoal(db: WorkspaceDb, id: string, changes: Partial<NewGoalRow>): Promise<void> {
  await db.updateTable('goals').set(changes).where('id', '=', id).execute();
}

export async function deleteGoal(db: WorkspaceDb, id: string): Promise<void> {
  await db.deleteFrom('goals').where('id', '=', id).execute();
}
