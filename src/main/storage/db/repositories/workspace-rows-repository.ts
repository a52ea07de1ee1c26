import SqliteDatabase from 'better-sqlite3';
import { sql, type Transaction } from 'kysely';
import type { Database, WorkspaceDb } from '../database';
import type { AccountRow } from '../tables/accounts-table';
import type { AuditLogRow } from '../tables/audit-log-table';
import type { AssessmentRow } from '../tables/assessments-table';
import type { DeckRow } from '../tables/decks-table';
import type { CommitmentRow } from '../tables/commitments-table';
import type { DeckDraftRow } from '../tables/deck-drafts-table';
import type { GoalRow } from '../tables/goals-table';
import type { MetricObservationRow } from '../tables/metric-observations-table';
import type { RevenueStreamRow } from '../tables/revenue-streams-table';
import type { SettingRow } from '../tables/settings-table';
import type { StakeholderRow } from '../tables/stakeholders-table';

/** Every row of every table a workspace export carries, each table in primary-key order. */
export interface WorkspaceRows {
  accounts: AccountRow[];
  revenueStreams: RevenueStreamRow[];
  stakeholders: StakeholderRow[];
  assessments: AssessmentRow[];
  goals: GoalRow[];
  metricObservations: MetricObservationRow[];
  decks: DeckRow[];
  commitments: CommitmentRow[];
  deckDrafts: DeckDraftRow[];
  settings: SettingRow[];
  auditLog: AuditLogRow[];
}

export type WorkspaceTable = keyof WorkspaceRows;

/** Primary-key columns per table: how an imported row finds the row it updates. */
export const PRIMARY_KEYS: { [T in WorkspaceTable]: readonly (keyof WorkspaceRows[T][number] & string)[] } = {
  accounts: ['id'],
  revenueStreams: ['id'],
  stakeholders: ['id'],
  assessments: ['id'],
  goals: ['id'],
  metricObservations: ['accountId', 'streamId', 'metricKey', 'month'],
  decks: ['id'],
  commitments: ['id'],
  deckDrafts: ['accountId', 'deckType', 'audienceJson', 'quarter'],
  settings: ['key'],
  auditLog: ['id'],
};

/** Parents before children: the order rows are written in. Deleting goes the other way. */
export const WRITE_ORDER: readonly WorkspaceTable[] = [
  'accounts',
  'revenueStreams',
  'stakeholders',
  'assessments',
  'goals',
  'metricObservations',
  'decks',
  'commitments',
  'deckDrafts',
  'settings',
  'auditLog',
];

/**
 * Reads the whole workspace (including accounts in the trash), deterministically ordered; tables
 * in `skip` come back empty (metric values, which can run to millions, are read by key instead).
 */
export async function readAllRows(db: WorkspaceDb | Transaction<Database>, skip: readonly WorkspaceTable[] = []): Promise<WorkspaceRows> {
  const rows: Partial<WorkspaceRows> = {};
  for (const table of WRITE_ORDER) {
    if (skip.includes(table)) {
      (rows as Record<string, unknown[]>)[table] = [];
      continue;
    }
    let query = db.selectFrom(table).selectAll() as unknown as { orderBy(column: string): typeof query; execute(): Promise<unknown[]> };
    for (const column of PRIMARY_KEYS[table]) query = query.orderBy(column);
    (rows as Record<string, unknown[]>)[table] = await query.execute();
  }
  return rows as WorkspaceRows;
}

/** Deletes every row of every exported table, children first. Call inside a transaction. */
export async function deleteAllRows(trx: Transaction<Database>): Promise<void> {
  for (const table of [...WRITE_ORDER].reverse()) await trx.deleteFrom(table).execute();
}

/**
 * Inserts rows, updating a row in place when its primary key exists. An UPDATE, never
 * INSERT OR REPLACE: a replace would delete the old row first and cascade to its children.
 */
export async function upsertRows<T extends WorkspaceTable>(trx: Transaction<Database>, table: T, rows: WorkspaceRows[T]): Promise<void> {
  const keys = PRIMARY_KEYS[table] as readonly string[];
  for (const row of rows) {
    const values = row as Record<string, unknown>;
    const changes = Object.fromEntries(Object.entries(values).filter(([column]) => !keys.includes(column)));
    const insert = trx.insertInto(table).values(values as never);
    await insert.onConflict((oc) => oc.columns(keys as never).doUpdateSet(changes as never)).execute();
  }
}

/** The key of one metric value. */
export type ObservationKey = Pick<MetricObservationRow, 'accountId' | 'streamId' | 'metricKey' | 'month'>;

/** How many metric values one lookup or one upsert carries (4 or 7 parameters each; both engines allow thousands). */
export const OBSERVATION_BATCH = 500;

/** A metric value's key as one string, e.g. for a Map. */
export function observationKeyText(key: ObservationKey): string {
  return JSON.stringify([key.accountId, key.streamId, key.metricKey, key.month]);
}

/**
 * Metric values by key, in batches, for restoring an export of millions of them without reading
 * them all, on either engine: find a batch, count them, list one stream's, and insert-or-update a
 * batch (pass the import's transaction as `db` to write inside it).
 */
export function observationsByKey(db: WorkspaceDb | Transaction<Database>) {
  return {
    /** The workspace's values with these keys (at most OBSERVATION_BATCH keys), by observationKeyText. */
    async findMany(keys: readonly ObservationKey[]): Promise<Map<string, MetricObservationRow>> {
      const found = new Map<string, MetricObservationRow>();
      if (keys.length === 0) return found;
      // A row-value IN over VALUES: both engines take it, and both use the primary key for it.
      const wanted = sql.join(keys.map((k) => sql`(${k.accountId}, ${k.streamId}, ${k.metricKey}, ${k.month})`));
      const rows = await db
        .selectFrom('metricObservations')
        .selectAll()
        .where(sql<boolean>`(account_id, stream_id, metric_key, month) IN (VALUES ${wanted})`)
        .execute();
      for (const row of rows) found.set(observationKeyText(row), row);
      return found;
    },
    async count(): Promise<number> {
      const row = await db.selectFrom('metricObservations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    ofStream: (streamId: string): Promise<MetricObservationRow[]> => db.selectFrom('metricObservations').selectAll().where('streamId', '=', streamId).execute(),
    async upsertMany(rows: readonly MetricObservationRow[]): Promise<void> {
      if (rows.length === 0) return;
      await db
        .insertInto('metricObservations')
        .values(rows as MetricObservationRow[])
        .onConflict((oc) =>
          oc.columns(['accountId', 'streamId', 'metricKey', 'month']).doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            source: eb.ref('excluded.source'),
            updatedAt: eb.ref('excluded.updatedAt'),
          })),
        )
        .execute();
    },
  };
}

/** Items of a synchronous iterator in arrays of at most `size`. */
export function* inBatches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** snake_case column → camelCase key, as the CamelCasePlugin maps them. */
function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** SQL table name of an exported table key. */
function sqlTableName(table: WorkspaceTable): string {
  return table.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * Every row of one table in primary-key order, one at a time (camelCase keys, as readAllRows
 * returns them), so a table of millions of rows is never held in memory at once. Run it on a
 * connection of its own (see openReadSnapshot): an open iterator keeps that connection busy.
 */
export function* iterateTableRows<T extends WorkspaceTable>(sqlite: SqliteDatabase.Database, table: T): Generator<WorkspaceRows[T][number]> {
  const name = sqlTableName(table);
  const columns = (sqlite.pragma(`table_info(${name})`) as { name: string }[]).map((column) => column.name);
  const keyOrder = (PRIMARY_KEYS[table] as readonly string[]).map((key) => `"${key.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`)}"`).join(', ');
  const select = columns.map((column) => `"${column}" AS "${camelCase(column)}"`).join(', ');
  yield* sqlite.prepare(`SELECT ${select} FROM "${name}" ORDER BY ${keyOrder}`).iterate() as Iterable<WorkspaceRows[T][number]>;
}

/**
 * A read-only connection inside one read transaction: every table read through it shows the same
 * moment of the workspace, whatever is written meanwhile. Close it with `end()`.
 */
export function openReadSnapshot(workspacePath: string, nativeBinding: string | undefined): { sqlite: SqliteDatabase.Database; end(): void } {
  const sqlite = new SqliteDatabase(workspacePath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  sqlite.exec('BEGIN');
  return {
    sqlite,
    end: () => {
      if (sqlite.inTransaction) sqlite.exec('COMMIT');
      sqlite.close();
    },
  };
}

/** One consistent moment of a workspace, read a table at a time (see withReadSnapshot). */
export interface ReadSnapshot {
  /** Every row of one table in primary-key order, a batch at a time (camelCase keys, as readAllRows returns them). */
  tableRows<T extends WorkspaceTable>(table: T): AsyncIterable<WorkspaceRows[T][number]>;
}

/** Rows a team workspace's snapshot reads per query. */
const SNAPSHOT_BATCH = 5_000;

/**
 * Runs `read` on one consistent moment of the workspace, whatever is written meanwhile: a file is
 * read on a read-only connection of its own inside one read transaction (openReadSnapshot); a team
 * database inside one REPEATABLE READ, READ ONLY transaction, a batch of rows per query (keyset
 * pagination on the primary key), so a table of millions of rows is never one array.
 * @example await withReadSnapshot(workspace, async (snap) => { for await (const row of snap.tableRows('accounts')) … });
 */
export async function withReadSnapshot<R>(
  workspace: { dialect: 'sqlite' | 'postgres'; path: string; db: WorkspaceDb; nativeBinding?: string },
  read: (snapshot: ReadSnapshot) => Promise<R>,
): Promise<R> {
  if (workspace.dialect === 'sqlite') {
    const snapshot = openReadSnapshot(workspace.path, workspace.nativeBinding);
    try {
      return await read({
        tableRows: async function* (table) {
          yield* iterateTableRows(snapshot.sqlite, table);
        },
      });
    } finally {
      snapshot.end();
    }
  }
  return workspace.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((trx) => read({ tableRows: (table) => batchedTableRows(trx, table) }));
}

/** Rows of one table in primary-key order, SNAPSHOT_BATCH per query, each query starting after the last key read. */
async function* batchedTableRows<T extends WorkspaceTable>(trx: Transaction<Database>, table: T): AsyncGenerator<WorkspaceRows[T][number]> {
  const keys = PRIMARY_KEYS[table] as readonly string[];
  let after: unknown[] | null = null;
  for (;;) {
    // Dynamic table and columns: the types are checked by WorkspaceRows, not by the builder.
    let query = trx.selectFrom(table as 'accounts').selectAll() as any;
    if (after !== null) {
      const last = after;
      query = query.where((eb: any) => eb(eb.refTuple(...keys), '>', eb.tuple(...last)));
    }
    for (const key of keys) query = query.orderBy(key);
    const rows = (await query.limit(SNAPSHOT_BATCH).execute()) as WorkspaceRows[T];
    yield* rows;
    if (rows.length < SNAPSHOT_BATCH) return;
    const lastRow = rows[rows.length - 1] as Record<string, unknown>;
    after = keys.map((key) => lastRow[key]);
  }
}

/** The tables whose rows belong to one account: what a take-out carries (settings and the audit log belong to the workspace). */
export const ACCOUNT_TABLES: readonly WorkspaceTable[] = WRITE_ORDER.filter((table) => table !== 'settings' && table !== 'auditLog');

/** The rows of the given accounts (trash included) in every account table, each table in primary-key order. */
export async function readAccountRows(db: WorkspaceDb | Transaction<Database>, accountIds: readonly string[]): Promise<WorkspaceRows> {
  const rows = { settings: [], auditLog: [] } as unknown as Record<WorkspaceTable, unknown[]>;
  for (const table of ACCOUNT_TABLES) {
    if (accountIds.length === 0) {
      rows[table] = [];
      continue;
    }
    let query = (db.selectFrom(table as 'goals').selectAll() as any).where(table === 'accounts' ? 'id' : 'accountId', 'in', accountIds);
    for (const column of PRIMARY_KEYS[table]) query = query.orderBy(column);
    rows[table] = await query.execute();
  }
  return rows as unknown as WorkspaceRows;
}

/** Deletes one row by its primary key. Call inside a transaction. */
export async function deleteRowByKey(trx: Transaction<Database>, table: WorkspaceTable, row: object): Promise<void> {
  let query = trx.deleteFrom(table as 'goals') as any;
  for (const column of PRIMARY_KEYS[table] as readonly string[]) query = query.where(column, '=', (row as Record<string, unknown>)[column]);
  await query.execute();
}

/**
 * Runs `read` inside one transaction that sees one moment of the workspace: REPEATABLE READ, READ
 * ONLY on a team database; on a file, the app's single connection inside one transaction.
 */
export function readConsistently<R>(workspace: { dialect: 'sqlite' | 'postgres'; db: WorkspaceDb }, read: (trx: Transaction<Database>) => Promise<R>): Promise<R> {
  const builder = workspace.db.transaction();
  return (workspace.dialect === 'postgres' ? builder.setIsolationLevel('repeatable read').setAccessMode('read only') : builder).execute(read);
}

/**
 * Runs `write` in one transaction that fails rather than interleave with another client's writes
 * to the same rows: SERIALIZABLE on a team database (a clash is PostgreSQL error 40001); a file's
 * single connection already writes one transaction at a time.
 */
export function writeSerializably<R>(workspace: { dialect: 'sqlite' | 'postgres'; db: WorkspaceDb }, write: (trx: Transaction<Database>) => Promise<R>): Promise<R> {
  const builder = workspace.db.transaction();
  return (workspace.dialect === 'postgres' ? builder.setIsolationLevel('serializable') : builder).execute(write);
}
