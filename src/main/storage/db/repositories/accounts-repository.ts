import { sql } from 'kysely';
import type { AccountListQuery, AccountSortKey } from '../../../../shared/api/schemas/account-schemas';
import { nameKey } from '../../../../shared/text/name-key';
import type { WorkspaceDb } from '../database';
import { caseFolded, distinctCommaList, likeIgnoringCase } from '../sql-dialect';
import type { AccountRow, NewAccountRow } from '../tables/accounts-table';

export interface AccountSummaryRow extends AccountRow {
  revenueModelsCsv: string | null;
  ownerId: string | null;
  ownerName: string | null;
  stakeholderCount: number;
  latestMetricMonth: string | null;
}

const SORT_COLUMNS: Record<AccountSortKey, 'name' | 'renewalDate' | 'updatedAt' | 'customerSegment'> = {
  name: 'name',
  renewalDate: 'renewalDate',
  updatedAt: 'updatedAt',
  customerSegment: 'customerSegment',
};

/** Live accounts matching the search (name or notes, case-insensitive), with list-level aggregates; the first `limit` when given. */
export async function listAccountSummaries(
  db: WorkspaceDb,
  query: Required<Omit<AccountListQuery, 'limit' | 'withHealthAndSetup'>> & Pick<AccountListQuery, 'limit'>,
  onlyId?: string,
): Promise<AccountSummaryRow[]> {
  let builder = db
    .selectFrom('accounts as a')
    .leftJoin('accountOwners as o', 'o.accountId', 'a.id')
    .leftJoin('users as u', 'u.id', 'o.userId')
    .selectAll('a')
    .select(['o.userId as ownerId', 'u.name as ownerName'])
    .select((eb) => [
      eb
        .selectFrom('revenueStreams as s')
        .whereRef('s.accountId', '=', 'a.id')
        .select(distinctCommaList(db, sql.ref('s.revenueModel')).as('models'))
        .as('revenueModelsCsv'),
      eb
        .selectFrom('stakeholders as p')
        .whereRef('p.accountId', '=', 'a.id')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .as('stakeholderCount'),
      eb
        .selectFrom('metricObservations as m')
        .whereRef('m.accountId', '=', 'a.id')
        .select((sub) => sub.fn.max('m.month').as('latest'))
        .as('latestMetricMonth'),
    ])
    .where('a.deletedAt', 'is', null);
  if (onlyId !== undefined) builder = builder.where('a.id', '=', onlyId);
  const search = query.search.trim();
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    builder = builder.where((eb) =>
      eb.or([
        likeIgnoringCase(db, sql.ref('a.name'), pattern),
        likeIgnoringCase(db, sql.ref('a.notes'), pattern),
      ]),
    );
  }
  const column = SORT_COLUMNS[query.sortBy];
  // Unknown renewal dates sort last whichever way the list is ordered.
  builder = builder
    .orderBy(sql`${sql.ref(`a.${column}`)} IS NULL`)
    .orderBy(caseFolded(db, sql.ref(`a.${column}`)), query.direction)
    .orderBy(caseFolded(db, sql.ref('a.name')));
  // SQLite keeps only the first rows while sorting and works out their aggregates alone (~3 ms for 100 of 2,000).
  if (query.limit !== undefined) builder = builder.limit(query.limit);
  const rows = await builder.execute();
  return rows.map((row) => ({ ...row, stakeholderCount: Number(row.stakeholderCount ?? 0) })) as AccountSummaryRow[];
}

/** A live account by id, or undefined. */
export async function findLiveAccount(db: WorkspaceDb, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
}

/**
 * A live account whose name looks the same as `name` (same `nameKey`: any case, Unicode form or
 * invisible character), or undefined. Compared in JavaScript: SQLite's NOCASE folds ASCII only.
 */
export async function findLiveAccountByName(db: WorkspaceDb, name: string): Promise<AccountRow | undefined> {
  const wanted = nameKey(name);
  const live = await db.selectFrom('accounts').select(['id', 'name']).where('deletedAt', 'is', null).execute();
  const match = live.find((row) => nameKey(row.name) === wanted);
  return match ? db.selectFrom('accounts').selectAll().where('id', '=', match.id).executeTakeFirst() : undefined;
}

/** A deleted account by id, or undefined. */
export async function findDeletedAccount(db: WorkspaceDb, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).where('deletedAt', 'is not', null).executeTakeFirst();
}

export async function insertAccount(db: WorkspaceDb, row: NewAccountRow): Promise<void> {
  await db.insertInto('accounts').values(row).execute();
}

export async function countLiveAccounts(db: WorkspaceDb): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('deletedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every live account, by name (for portfolio-wide exports). */
export async function listLiveAccounts(db: WorkspaceDb): Promise<AccountRow[]> {
  return db.selectFrom('accounts').selectAll().where('deletedAt', 'is', null).orderBy(caseFolded(db, sql.ref('name'))).execute();
}
