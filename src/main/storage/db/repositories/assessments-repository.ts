import type { WorkspaceDb } from '../database';
import type { AssessmentRow, NewAssessmentRow } from '../tables/assessments-table';

export async function listAssessments(db: WorkspaceDb, accountId: string): Promise<AssessmentRow[]> {
  return db.selectFrom('assessments').selectAll().where('accountId', '=', accountId).orderBy('quarter', 'desc').execute();
}

export async function findAssessment(db: WorkspaceDb, accountId: string, quarter: string): Promise<AssessmentRow | undefined> {
  return db.selectFrom('assessments').selectAll().where('accountId', '=', accountId).where('quarter', '=', quarter).executeTakeFirst();
}

/** The latest final assessment before `quarter` (quarters sort as text: 2026Q1 < 2026Q2 < 2027Q1). */
export async function findPreviousFinalAssessment(db: WorkspaceDb, accountId: string, quarter: string): Promise<AssessmentRow | undefined> {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('accountId', '=', accountId)
    .where('status', '=', 'final')
    .where('quarter', '<', quarter)
    .orderBy('quarter', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Inserts or replaces the assessment of one account and quarter. */
export async function upsertAssessment(db: WorkspaceDb, row: NewAssessmentRow): Promise<void> {
  const { id: _id, accountId: _account, quarter: _quarter, createdAt: _created, ...changes } = row;
  await db
    .insertInto('assessments')
    .values(row)
    .onConflict((oc) => oc.columns(['accountId', 'quarter']).doUpdateSet(changes))
    .execute();
}

/** Distinct metric keys recorded for an account: what its data can prove. */
export async function listAvailableMetricKeys(db: WorkspaceDb, accountId: string): Promise<string[]> {
  const rows = await db.selectFrom('metricObservations').select('metricKey').distinct().where('accountId', '=', accountId).execute();
  return rows.map((row) => row.metricKey);
}

/** The latest value of one metric per stream of an account (e.g. activated users for phased contracts). */
export async function latestValuePerStream(db: WorkspaceDb, accountId: string, metricKey: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('metricObservations')
    .select(['streamId', 'month', 'value'])
    .where('accountId', '=', accountId)
    .where('metricKey', '=', metricKey)
    .orderBy('month')
    .execute();
  return new Map(rows.map((row) => [row.streamId, row.value]));
}
