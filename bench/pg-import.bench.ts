import path from 'node:path';
import { openWorkspace } from '../src/main/storage/workspace/open-workspace';
import { seedImportAccountsInto } from '../tests/support/metrics-import-fixtures';
import type { BenchContext } from './bench-context';
import { createBenchDatabase, runPsql, sqlLiteral, startBenchPostgres } from './bench-postgres';
import { atMost, benchRow, type BenchRow } from './bench-row';
import { importThroughput, PEAK_RSS_LIMIT_MB, runMeasuringChild } from './import-measurement';
import { BENCH_NOW } from './synthetic-portfolio';

const COLUMNS = 'account_id, stream_id, metric_key, month, value, source, updated_at';

interface PgImportMeasurement {
  previewMs: number;
  commitMs: number;
  peakRssBytes: number;
  counts: { added: number; updated: number; unchanged: number; rejected: number };
  backupPath: string | null;
}

/**
 * Metric import into a team workspace: the `import` row's 1M-row CSV previewed and committed
 * through the API as the UI does, into a PostgreSQL workspace on the bench's own server, vs a raw
 * `COPY … FROM STDIN` (psql's \copy) of exactly the rows the import wrote into the same empty table
 * of a second, freshly made workspace database on the same server.
 */
export async function benchPgImport(context: BenchContext): Promise<BenchRow> {
  const pgServer = await startBenchPostgres();
  try {
    const importUrl = await createBenchDatabase(pgServer, 'qbr_import');
    const floorUrl = await createBenchDatabase(pgServer, 'qbr_copy_floor');
    const m = await runMeasuringChild<PgImportMeasurement>('pg-import-child.ts', [context.importCsv.path, String(context.importCsv.accounts), importUrl], 'pg-import');

    // The floor's workspace: the same schema and accounts, nothing else.
    const floorWorkspace = await openWorkspace(floorUrl, { now: () => BENCH_NOW });
    try {
      await seedImportAccountsInto(floorWorkspace.db, context.importCsv.accounts);
    } finally {
      await floorWorkspace.close();
    }
    const rowsFile = path.join(context.dir, 'pg-import-rows.csv');
    runPsql(pgServer, importUrl, `\\copy (SELECT ${COLUMNS} FROM metric_observations) TO ${sqlLiteral(rowsFile)} WITH (FORMAT csv)\n`);
    // A raw COPY, as before migration 9: the floor's throwaway table loses its data-version
    // triggers (the import tells them to stand aside); foreign-key checks stay.
    runPsql(pgServer, floorUrl, 'ALTER TABLE metric_observations DISABLE TRIGGER USER;\n');
    const floorMs = runPsql(pgServer, floorUrl, `\\copy metric_observations (${COLUMNS}) FROM ${sqlLiteral(rowsFile)} WITH (FORMAT csv)\n`);

    const rows = context.importCsv.rows;
    const totalMs = m.previewMs + m.commitMs;
    const peakRssMb = m.peakRssBytes / 1024 / 1024;
    if (m.counts.added !== rows) throw new Error(`the import added ${m.counts.added} of ${rows} rows`);
    return benchRow({
      id: 'pg-import',
      what: 'metric import into PostgreSQL',
      workload: `the import row's ${rows.toLocaleString('en-US')}-row long CSV into a team workspace (PostgreSQL ${pgServer.server.url.split('@')[1]?.split('/')[0]}, initdb's settings) through the API as the UI does: import.preview, then import.start (parse, validate, PHI check, one unnested upsert per chunk in one transaction; no file backup) until done`,
      figure: totalMs,
      unit: 'ms',
      floorIs: "psql's \\copy (COPY FROM STDIN) of exactly the rows the import wrote into the same empty table of a fresh workspace database on the same server",
      floor: floorMs,
      target: `≥ 50% of the COPY floor's rows/s (figure ≤ 2× floor); peak RSS < ${PEAK_RSS_LIMIT_MB} MB`,
      ratioLimit: 2,
      checks: [atMost('peak RSS', peakRssMb, PEAK_RSS_LIMIT_MB, 'MB')],
      extra: { ...importThroughput(m, rows, floorMs), peakRssMb: Math.round(peakRssMb), added: m.counts.added },
    });
  } finally {
    pgServer.server.stop();
  }
}
