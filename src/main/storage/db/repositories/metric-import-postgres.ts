import type pg from 'pg';
import { IMPORT_TARGETS_SQL, type ImportTargetRow, type ObservationKey, type ObservationTally } from './metric-import-repository';

/*
 * The importer's queries on a team workspace. A round trip per value would make a million-row file
 * a million round trips, so each chunk of values travels as five arrays and the server unnests them
 * in ONE statement: a lookup join for the preview, a multi-row upsert for the commit. Measured
 * against COPY into a staging table and one upsert from it (see the README's Performance section).
 */

/** One chunk of values as the parallel arrays `unnest()` reads. */
export interface ObservationColumns {
  accountIds: string[];
  streamIds: string[];
  metricKeys: string[];
  months: string[];
  values: number[];
}

/** Copies a chunk into column arrays (the caller may reuse `values` as soon as this returns). */
export function toObservationColumns(values: readonly (ObservationKey & { value: number })[]): ObservationColumns {
  const columns: ObservationColumns = { accountIds: [], streamIds: [], metricKeys: [], months: [], values: [] };
  for (const v of values) {
    columns.accountIds.push(v.accountId);
    columns.streamIds.push(v.streamId);
    columns.metricKeys.push(v.metricKey);
    columns.months.push(v.month);
    columns.values.push(v.value);
  }
  return columns;
}

const CHUNK = 'unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[]) AS v (account_id, stream_id, metric_key, month, value)';
const params = (c: ObservationColumns): unknown[] => [c.accountIds, c.streamIds, c.metricKeys, c.months, c.values];

/** IMPORT_TARGETS_SQL on the import's own connection. */
export async function loadImportTargetsPostgres(client: pg.ClientBase): Promise<ImportTargetRow[]> {
  return (await client.query<ImportTargetRow>(IMPORT_TARGETS_SQL)).rows;
}

/** What writing a chunk would do, without writing: one key lookup per value, in one statement. */
export async function classifyObservationsPostgres(client: pg.ClientBase, columns: ObservationColumns): Promise<ObservationTally> {
  const { rows } = await client.query<ObservationTally>(
    `SELECT count(*) FILTER (WHERE o.value IS NULL)::int AS added,
            count(*) FILTER (WHERE o.value <> v.value)::int AS updated,
            count(*) FILTER (WHERE o.value = v.value)::int AS unchanged
       FROM ${CHUNK}
       LEFT JOIN metric_observations o
         ON o.account_id = v.account_id AND o.stream_id = v.stream_id AND o.metric_key = v.metric_key AND o.month = v.month`,
    params(columns),
  );
  return rows[0]!;
}

/**
 * Upserts a chunk on account + stream + metric + month in one statement; an equal value is left
 * alone (source and timestamp too), as on a workspace file. A chunk never holds one key twice (the
 * validator refuses duplicates within a file), which ON CONFLICT DO UPDATE requires.
 */
export async function upsertObservationsPostgres(
  client: pg.ClientBase,
  columns: ObservationColumns,
  source: string,
  updatedAt: string,
): Promise<{ tally: ObservationTally; changedAccounts: string[] }> {
  const { rows } = await client.query<{ added: number; updated: number; accounts: string[] | null }>(
    `WITH written AS (
       INSERT INTO metric_observations (account_id, stream_id, metric_key, month, value, source, updated_at)
       SELECT v.account_id, v.stream_id, v.metric_key, v.month, v.value, $6, $7 FROM ${CHUNK}
       ON CONFLICT (account_id, stream_id, metric_key, month) DO UPDATE
         SET value = excluded.value, source = excluded.source, updated_at = excluded.updated_at
         WHERE metric_observations.value <> excluded.value
       -- A row this statement inserted has no xmax; one it updated carries this transaction's id.
       RETURNING (xmax = 0) AS inserted, account_id)
     SELECT count(*) FILTER (WHERE inserted)::int AS added, count(*) FILTER (WHERE NOT inserted)::int AS updated,
            array_agg(DISTINCT account_id) AS accounts
       FROM written`,
    [...params(columns), source, updatedAt],
  );
  const { added, updated, accounts } = rows[0]!;
  return { tally: { added, updated, unchanged: columns.values.length - added - updated }, changedAccounts: accounts ?? [] };
}
