import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { openWorkspace } from '../src/main/storage/workspace/open-workspace';
import { runPsql, sqlLiteral, type BenchPostgres } from './bench-postgres';
import { BENCH_NOW } from './synthetic-portfolio';

/*
 * The synthetic portfolio (bench/synthetic-portfolio.ts, built as a workspace file) copied into a
 * team workspace: the app makes the schema (its own migrations on an empty database), then every
 * table the file holds goes in with psql's \copy from a CSV of its rows, foreign-key triggers off
 * for the load (session_replication_role = replica) and the observation indexes made after it, as
 * a restore would. Not measured: it only sets the workspace up.
 */

/** Copies every non-empty table of the workspace file at `sqlitePath` into the (empty) database at `url`. */
export async function loadPortfolioIntoPostgres(pgServer: BenchPostgres, sqlitePath: string, url: string, dir: string): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const workspace = await openWorkspace(url, { now: () => BENCH_NOW });
  await workspace.close();
  const client = new pg.Client(url);
  await client.connect();
  let pgTables: Set<string>;
  let indexes: { indexname: string; indexdef: string }[];
  try {
    pgTables = new Set((await client.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = current_schema()')).rows.map((r) => r.tablename));
    // Secondary indexes of the big table: dropped for the load, made again after it.
    indexes = (
      await client.query<{ indexname: string; indexdef: string }>(
        `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'metric_observations' AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
      )
    ).rows;
  } finally {
    await client.end();
  }

  const sqlite = new SqliteDatabase(sqlitePath, { readonly: true, fileMustExist: true });
  const script = ['SET session_replication_role = replica;', ...indexes.map((index) => `DROP INDEX ${index.indexname};`)];
  let rows = 0;
  try {
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid").pluck().all() as string[];
    for (const table of tables.filter((name) => pgTables.has(name))) {
      const columns = (sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((column) => column.name);
      const file = path.join(dir, `pg-load-${table}.csv`);
      const written = writeCsv(sqlite.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).raw().iterate() as IterableIterator<unknown[]>, file);
      if (written === 0) continue;
      rows += written;
      script.push(`\\copy ${table} (${columns.join(', ')}) FROM ${sqlLiteral(file)} WITH (FORMAT csv)`);
    }
  } finally {
    sqlite.close();
  }
  script.push(...indexes.map((index) => `${index.indexdef};`), 'ANALYZE;');
  runPsql(pgServer, url, `${script.join('\n')}\n`);
  return { ms: performance.now() - started, rows };
}

/** Writes rows as CSV (text always quoted, so '' stays '' and an unquoted empty field is NULL); returns how many. */
function writeCsv(rows: IterableIterator<unknown[]>, file: string): number {
  const fd = fs.openSync(file, 'w');
  let count = 0;
  let block: string[] = [];
  const flush = () => {
    if (block.length) fs.writeSync(fd, block.join(''));
    block = [];
  };
  try {
    for (const row of rows) {
      block.push(`${row.map(csvField).join(',')}\n`);
      count += 1;
      if (block.length >= 10_000) flush();
    }
    flush();
  } finally {
    fs.closeSync(fd);
  }
  return count;
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return `"${value.replace(/"/g, '""')}"`;
  throw new Error(`cannot copy a ${typeof value} value into PostgreSQL`);
}
