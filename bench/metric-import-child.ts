/*
 * Child process for the import rows, so the importer's peak RSS is its own and not the bench
 * runner's (which holds the synthetic portfolio and whatever the other rows left behind).
 * Args: <import|re-import> <csv> <accounts> <dir>. Prints one JSON line: the timings and peak RSS.
 * The floor runs after the measured import, in the same process, so it cannot raise the peak read.
 */
import path from 'node:path';
import { commitMetricsImport } from '../src/main/services/metrics-import/run-import';
import { backupBeforeBulkImport } from '../src/main/storage/workspace/backups';
import { openWorkspace } from '../src/main/storage/workspace/open-workspace';
import { COUNT_METRIC_KEYS, seedImportAccounts } from '../tests/support/metrics-import-fixtures';
import { IMPORT_SHAPE } from './import-shape';
import { BENCH_NOW } from './synthetic-portfolio';

const [mode, csvPath, accountsArg, dir] = process.argv.slice(2) as ['import' | 're-import', string, string, string];
const accounts = Number(accountsArg);
const now = () => BENCH_NOW;

const ws = await openWorkspace(path.join(dir, `${mode}.sqlite`), { now });
seedImportAccounts(ws.sqlite, accounts);
let backupMs = 0;
const runImport = () =>
  commitMetricsImport(ws, { source: { kind: 'path', path: csvPath } }, {
    mode: 'valid-rows',
    now,
    remembered: {},
    backup: async () => {
      const started = performance.now();
      const written = (await backupBeforeBulkImport(ws, now())).path;
      backupMs = performance.now() - started;
      return written;
    },
  });
if (mode === 're-import') await runImport();
const started = performance.now();
const result = await runImport();
const importMs = performance.now() - started;
// maxRSS is the OS's peak resident set of this process so far, in KiB.
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
await ws.close();

// Floor: the same rows into the same (empty) table through one prepared INSERT in one transaction.
const floorWs = await openWorkspace(path.join(dir, `${mode}-floor.sqlite`), { now });
seedImportAccounts(floorWs.sqlite, accounts);
const insert = floorWs.sqlite.prepare('INSERT INTO metric_observations (account_id, stream_id, metric_key, month, value, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
const keys = COUNT_METRIC_KEYS.slice(0, IMPORT_SHAPE.metrics);
const months = Array.from({ length: IMPORT_SHAPE.months }, (_, i) => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const stamp = BENCH_NOW.toISOString();
const floorStarted = performance.now();
floorWs.sqlite.transaction(() => {
  // Same values, streams and order as writeLongMetricsCsv, so both sides write identical rows.
  for (let a = 1; a <= accounts; a += 1)
    for (let k = 0; k < keys.length; k += 1)
      for (let m = 0; m < months.length; m += 1) insert.run(`seed-account-${a}`, a % 2 === 0 ? `seed-stream-${a}` : '', keys[k], months[m], (a * 7 + k * 13 + m * 3) % 5000, 'metrics.csv', stamp);
})();
const floorMs = performance.now() - floorStarted;
await floorWs.close();

console.log(JSON.stringify({ importMs, floorMs, backupMs, peakRssBytes, counts: result.counts }));
