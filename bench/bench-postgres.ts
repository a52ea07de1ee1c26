import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { findPostgresBin, freePort, startTestPostgres, type TestPostgres } from '../tests/support/postgres-server';

/*
 * The PostgreSQL server of the pg-* bench rows: the tests' private server (initdb in a temp
 * folder, a free port, as `nobody` under root; it dies with the bench even when the bench is
 * killed, and the next start sweeps what a killed run left), but with the settings initdb gives
 * (fsync and synchronous commit on), so the figures are a real server's. Each row starts its own
 * and stops it in a `finally`.
 */

export interface BenchPostgres {
  server: TestPostgres;
  /** The folder of psql and the server binaries. */
  bin: string;
}

/**
 * Starts the row's server; throws "PostgreSQL binaries not found" when PostgreSQL is not installed,
 * which the runner writes as the row's failure (pass: false), never a silent skip.
 */
export async function startBenchPostgres(): Promise<BenchPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL binaries not found (apt-get install postgresql, or QBR_PG_BIN=folder of initdb/pg_ctl/postgres)');
  return { server: await startTestPostgres(bin, freePort(), { settings: {} }), bin };
}

/** A new empty database on the server; returns its URL. */
export async function createBenchDatabase(pgServer: BenchPostgres, name: string): Promise<string> {
  const admin = new pg.Client(pgServer.server.url);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(pgServer.server.url);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs a psql script (stopping at the first error) against `url`; returns wall-clock ms, psql's start included (a few ms). */
export function runPsql(pgServer: BenchPostgres, url: string, script: string): number {
  const started = performance.now();
  const result = spawnSync(path.join(pgServer.bin, 'psql'), ['--no-psqlrc', '-q', '-v', 'ON_ERROR_STOP=1', url], { input: script, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`psql failed: ${(result.stderr || result.stdout || result.error?.message || '').trim().slice(0, 400)}`);
  return ms;
}

/** A string as a psql/SQL literal. */
export function sqlLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
