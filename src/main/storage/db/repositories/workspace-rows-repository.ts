import SqliteDatabase from 'better-sqlite3';
import type { Transaction } from 'kysely';
import type { Database, WorkspaceDb } from '../database';
import type { AccountRow } from '../tables/accounts-table';
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

/**
 * Metric values one at a time by key, for restoring an export of millions of them without
 * reading them all: find one, count them, list one stream's, and insert-or-update one (inside the
 * caller's transaction on the same connection).
 */
export function observationsByKey(sqlite: SqliteDatabase.Database) {
  const columns = 'account_id AS accountId, stream_id AS streamId, metric_key AS metricKey, month, value, source, updated_at AS updatedAt';
  const find = sqlite.prepare(`SELECT ${columns} FROM metric_observations WHERE account_id = ? AND stream_id = ? AND metric_key = ? AND month = ?`);
  const ofStream = sqlite.prepare(`SELECT ${columns} FROM metric_observations WHERE stream_id = ?`);
  const total = sqlite.prepare('SELECT count(*) FROM metric_observations').pluck();
  const upsert = sqlite.prepare(
    `INSERT INTO metric_observations (account_id, stream_id, metric_key, month, value, source, updated_at)
     VALUES (@accountId, @streamId, @metricKey, @month, @value, @source, @updatedAt)
     ON CONFLICT (account_id, stream_id, metric_key, month) DO UPDATE SET value = excluded.value, source = excluded.source, updated_at = excluded.updated_at`,
  );
  return {
    find: (key: ObservationKey) => find.get(key.accountId, key.streamId, key.metricKey, key.month) as MetricObservationRow | undefined,
    count: () => total.get() as number,
    ofStream: (streamId: string) => ofStream.iterate(streamId) as IterableIterator<MetricObservationRow>,
    upsert: (row: MetricObservationRow) => void upsert.run(row),
  };
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
