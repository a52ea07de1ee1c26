import type { WorkspaceDb } from '../database';
import { filtersBy } from './some-accounts';

/* Portfolio-wide counts for the summary strip and setup checklists: one grouped query per table. */

/** The latest quarter with a final assessment, per live account that has one (of `accountIds` when given: see some-accounts.ts). */
export async function lastFinalAssessmentQuarters(db: WorkspaceDb, accountIds?: readonly string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('assessments as s')
    .innerJoin('accounts as a', 'a.id', 's.accountId')
    .select(['s.accountId', (eb) => eb.fn.max('s.quarter').as('quarter')])
    .where('a.deletedAt', 'is', null)
    .where('s.status', '=', 'final')
    .$if(filtersBy(accountIds), (query) => query.where('s.accountId', 'in', accountIds!))
    .groupBy('s.accountId')
    .execute();
  return new Map(rows.map((row) => [row.accountId, row.quarter]));
}

/** How many decks were exported, per live account that has any (of `accountIds` when given). */
export async function deckCounts(db: WorkspaceDb, accountIds?: readonly string[]): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('decks as d')
    .innerJoin('accounts as a', 'a.id', 'd.accountId')
    .select(['d.accountId', (eb) => eb.fn.countAll<number>().as('count')])
    .where('a.deletedAt', 'is', null)
    .$if(filtersBy(accountIds), (query) => query.where('d.accountId', 'in', accountIds!))
    .groupBy('d.accountId')
    .execute();
  return new Map(rows.map((row) => [row.accountId, Number(row.count)]));
}
