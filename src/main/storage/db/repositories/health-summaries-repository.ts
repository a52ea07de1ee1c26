import type SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, sql, type Transaction } from 'kysely';
import type { Database, WorkspaceDb } from '../database';
import { isSqliteBusy } from '../write-lock';
import { filtersBy } from './some-accounts';

/*
 * The portfolio's kept health summary facts and the per-account data versions they are checked
 * against (migration 9). The versions are moved by the database itself, in each writer's
 * transaction; the kept facts are a cache: losing a row only costs gathering it again.
 */

export interface StoredSummary {
  dataVersion: number;
  inputsKey: string;
  /** What the portfolio keeps for the account, as JSON: its summary facts and the months they hold in (services/insights/portfolio-health.ts). */
  summary: string;
}

export interface SummaryToStore extends StoredSummary {
  accountId: string;
}

/**
 * Every account's data version, or with `accountIds` at least those accounts' (see
 * some-accounts.ts: many ids read every account's); an account absent from the map has version 0
 * (its data never changed).
 * @example const [peerVersion] = (await readAccountDataVersions(db, [peerId])).values();
 */
export async function readAccountDataVersions(db: WorkspaceDb, accountIds?: readonly string[]): Promise<Map<string, number>> {
  if (accountIds?.length === 0) return new Map();
  const rows = await db
    .selectFrom('accountDataVersions')
    .select(['accountId', 'version'])
    .$if(filtersBy(accountIds), (query) => query.where('accountId', 'in', accountIds!))
    .execute();
  return new Map(rows.map((row) => [row.accountId, Number(row.version)]));
}

/**
 * A token that changes whenever any account's data version moves, read without listing them:
 * versions only grow and are never removed, so their count and sum change with any write.
 */
export async function readDataVersionsGeneration(db: WorkspaceDb): Promise<string> {
  const row = await db
    .selectFrom('accountDataVersions')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.coalesce(eb.fn.sum<number>('version'), eb.lit(0)).as('sum')])
    .executeTakeFirstOrThrow();
  return `${Number(row.count)}.${Number(row.sum)}`;
}

/** Every stored summary, by account (with `accountIds`, at least those accounts': see some-accounts.ts). */
export async function readStoredSummaries(db: WorkspaceDb, accountIds?: readonly string[]): Promise<Map<string, StoredSummary>> {
  const rows = await db
    .selectFrom('accountHealthSummaries')
    .select(['accountId', 'dataVersion', 'inputsKey', 'summary'])
    .$if(filtersBy(accountIds), (query) => query.where('accountId', 'in', accountIds!))
    .execute();
  return new Map(rows.map((row) => [row.accountId, { dataVersion: Number(row.dataVersion), inputsKey: row.inputsKey, summary: row.summary }]));
}

const UPSERT_SQL = `INSERT INTO account_health_summaries (account_id, data_version, inputs_key, summary) VALUES (?, ?, ?, ?)
  ON CONFLICT (account_id) DO UPDATE SET data_version = excluded.data_version, inputs_key = excluded.inputs_key, summary = excluded.summary`;

/** Rows of accounts that no longer exist (a replacing restore, another program): pruned whenever rows are stored, so the table never outgrows the book. */
const PRUNE_SQL = 'DELETE FROM account_health_summaries WHERE account_id NOT IN (SELECT id FROM accounts)';

/**
 * Stores summaries on a workspace file's own connection, in one short transaction, without waiting
 * for the write lock: when another connection holds it (an import committing), when this
 * connection is inside a transaction of its own, or when the file is read-only, nothing is stored
 * and the summaries are simply computed again next time. Returns how many rows were written.
 */
export function storeSummariesOnFile(sqlite: SqliteDatabase.Database, rows: readonly SummaryToStore[]): number {
  if (rows.length === 0 || sqlite.inTransaction || sqlite.readonly) return 0;
  const previousTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    const upsert = sqlite.prepare(UPSERT_SQL);
    sqlite.transaction(() => {
      for (const row of rows) upsert.run(row.accountId, row.dataVersion, row.inputsKey, row.summary);
      sqlite.exec(PRUNE_SQL);
    }).immediate();
    return rows.length;
  } catch (error) {
    if (isSqliteBusy(error) || (error as { code?: string }).code === 'SQLITE_READONLY') return 0;
    throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${previousTimeout}`);
  }
}

/** Rows per statement on a team workspace: four parameters each, well under PostgreSQL's 65,535. */
const SERVER_BATCH = 2_000;

/** Stores summaries on a team workspace's server, a statement per 2,000 rows, in account id order (as every client writes them, so two clients storing at once never deadlock). */
export async function storeSummariesOnServer(db: WorkspaceDb, given: readonly SummaryToStore[]): Promise<void> {
  const rows = [...given].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  for (let start = 0; start < rows.length; start += SERVER_BATCH) {
    await db
      .insertInto('accountHealthSummaries')
      .values(rows.slice(start, start + SERVER_BATCH).map(({ accountId, dataVersion, inputsKey, summary }) => ({ accountId, dataVersion, inputsKey, summary })))
      .onConflict((conflict) =>
        conflict.column('accountId').doUpdateSet((eb) => ({ dataVersion: eb.ref('excluded.dataVersion'), inputsKey: eb.ref('excluded.inputsKey'), summary: eb.ref('excluded.summary') })),
      )
      .execute();
  }
  await sql.raw(PRUNE_SQL).execute(db);
}

/** The triggers that move the data versions (migration 9), which a bulk writer may suspend in its own transaction. */
const VERSION_TRIGGER_PREFIX = 'metric_observations_version_';

/**
 * Drops the version triggers inside the connection's open write transaction and returns a function
 * that re-creates them exactly as they were, in the same transaction (call it before COMMIT; a
 * rollback restores them by itself). Other connections never see them missing. The caller must
 * then move the versions of every account it changed (bumpAccountDataVersions).
 */
export function suspendVersionTriggers(sqlite: SqliteDatabase.Database): () => void {
  if (!sqlite.inTransaction) throw new Error('suspendVersionTriggers needs an open write transaction');
  const triggers = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'metric_observations' AND name LIKE ?")
    .all(`${VERSION_TRIGGER_PREFIX}%`) as { name: string; sql: string }[];
  for (const { name } of triggers) sqlite.exec(`DROP TRIGGER "${name}"`);
  return () => {
    for (const { sql } of triggers) sqlite.exec(sql);
  };
}

/** Moves the data version of each account, as the triggers would have (inside the writer's transaction). */
export function bumpAccountDataVersions(sqlite: SqliteDatabase.Database, accountIds: Iterable<string>): void {
  const create = sqlite.prepare('INSERT OR IGNORE INTO account_data_versions (account_id, version) VALUES (?, 0)');
  const bump = sqlite.prepare('UPDATE account_data_versions SET version = version + 1 WHERE account_id = ?');
  for (const id of accountIds) {
    create.run(id);
    bump.run(id);
  }
}

/** The setting a team workspace's bulk writer sets (SET LOCAL) so the statement triggers leave the versions to it. */
export const BULK_OBSERVATION_WRITE_SETTING = 'qbr.bulk_observation_write';

/** bumpAccountDataVersions on a team workspace's connection, in one statement, in account order (so two writers lock rows alike). */
export async function bumpAccountDataVersionsOnServer(client: { query(text: string, values?: unknown[]): Promise<unknown> }, accountIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return;
  await client.query(
    `INSERT INTO account_data_versions AS v (account_id, version)
       SELECT id, 1 FROM unnest($1::text[]) AS id ORDER BY id
       ON CONFLICT (account_id) DO UPDATE SET version = v.version + 1`,
    [ids],
  );
}

/** Ends a bulk write's trigger opt-out: moves the given accounts' versions once each, and puts the triggers back. */
export type FinishBulkObservationWrite = (changedAccounts: Iterable<string>) => Promise<void>;

/**
 * The same opt-out for a bulk writer working through Kysely (a workspace restore, a bring-back),
 * on either engine: call it inside the write transaction before writing metric values, and call
 * the returned function with every account whose values were written or deleted before the
 * transaction commits. `sqlite` is the workspace file's connection that `trx` runs on (null on a
 * team workspace, where the setting is set for the transaction instead).
 */
export async function suspendVersionTriggersIn(trx: Transaction<Database>, sqlite: SqliteDatabase.Database | null): Promise<FinishBulkObservationWrite> {
  if (sqlite !== null) {
    const restoreTriggers = suspendVersionTriggers(sqlite);
    return async (changedAccounts) => {
      bumpAccountDataVersions(sqlite, changedAccounts);
      restoreTriggers();
    };
  }
  await sql.raw(`SET LOCAL ${BULK_OBSERVATION_WRITE_SETTING} = 'on'`).execute(trx);
  const client = { query: (text: string, values: unknown[] = []) => trx.executeQuery(CompiledQuery.raw(text, values)) };
  return (changedAccounts) => bumpAccountDataVersionsOnServer(client, changedAccounts);
}
