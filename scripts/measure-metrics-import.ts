/*
 * Measures the CSV importer on a generated long file against the raw-insert floor (issue 8's
 * "metric import" and "re-import" rows). Run: node --import tsx scripts/measure-metrics-import.ts [rows=1000000]
 * Prints rows/s and peak RSS (sampled at every progress report); run under /usr/bin/time -v for the OS's view.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commitMetricsImport } from '../src/main/metrics-import/run-import';
import { backupBeforeBulkImport } from '../src/main/workspace/backups';
import { openWorkspace } from '../src/main/workspace/open-workspace';
import { COUNT_METRIC_KEYS, seedImportAccounts, writeLongMetricsCsv } from '../tests/support/metrics-import-fixtures';

const rowsWanted = Number(process.argv[2] ?? 1_000_000);
const metrics = 40;
const months = 50;
const accounts = Math.ceil(rowsWanted / (metrics * months));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qbr-import-measure-'));
const now = () => new Date();

try {
  const csvPath = path.join(dir, 'metrics.csv');
  const rows = writeLongMetricsCsv(csvPath, { accounts, metrics, months });
  console.log(`file: ${rows.toLocaleString('en-US')} rows, ${(fs.statSync(csvPath).size / 1e6).toFixed(1)} MB (${accounts} accounts × ${metrics} metrics × ${months} months)`);

  // Floor: the same rows through one prepared INSERT in one transaction, no parsing or checks.
  const floorWs = await openWorkspace(path.join(dir, 'floor.sqlite'), { now });
  seedImportAccounts(floorWs.sqlite, accounts);
  const insert = floorWs.sqlite.prepare('INSERT INTO metric_observations (account_id, stream_id, metric_key, month, value, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const keys = COUNT_METRIC_KEYS.slice(0, metrics);
  const monthKeys = Array.from({ length: months }, (_, i) => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  let t = performance.now();
  floorWs.sqlite.transaction(() => {
    for (let a = 1; a <= accounts; a += 1)
      for (let k = 0; k < metrics; k += 1)
        for (let m = 0; m < months; m += 1) insert.run(`seed-account-${a}`, a % 2 === 0 ? `seed-stream-${a}` : '', keys[k], monthKeys[m], (a * 7 + k * 13 + m * 3) % 5000, 'floor', 'x');
  })();
  const floorMs = performance.now() - t;
  await floorWs.close();
  console.log(`floor (raw prepared insert, one transaction): ${Math.round(rows / (floorMs / 1000)).toLocaleString('en-US')} rows/s`);

  const ws = await openWorkspace(path.join(dir, 'workspace.sqlite'), { now });
  seedImportAccounts(ws.sqlite, accounts);
  let peakRss = process.memoryUsage().rss;
  for (const label of ['import', 're-import']) {
    t = performance.now();
    const result = await commitMetricsImport(ws, { source: { kind: 'path', path: csvPath } }, {
      mode: 'valid-rows',
      now,
      remembered: {},
      backup: async () => (await backupBeforeBulkImport(ws, now())).path,
      onProgress: () => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      },
    });
    const ms = performance.now() - t;
    const { added, updated, unchanged, rejected } = result.counts;
    console.log(
      `${label}: ${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s (${(ms / 1000).toFixed(1)} s; ${Math.round((rows / (ms / 1000) / (rows / (floorMs / 1000))) * 100)}% of floor) ` +
        `added ${added} updated ${updated} unchanged ${unchanged} rejected ${rejected}; peak RSS so far ${(peakRss / 1024 / 1024).toFixed(0)} MB`,
    );
  }
  await ws.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
