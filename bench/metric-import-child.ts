/*
 * Child process for the import rows, so the importer's peak RSS is its own and not the bench
 * runner's (which holds the synthetic portfolio and whatever the other rows left behind).
 * Args: <import|re-import> <csv> <accounts> <dir>. Prints one JSON line: the timings and peak RSS.
 * The measured import is what the UI does: `import.preview`, then `import.start` and polling
 * `import.progress` until the job is done. The floor runs after it, in the same process, so it
 * cannot raise the peak read:
 * - import: the same rows into the same (empty) table through one prepared INSERT in one transaction
 *   (the data-version triggers dropped first, as the import suspends them);
 * - re-import: one primary-key lookup per row (what an unchanged row needs) in one read transaction.
 */
import path from 'node:path';
import { openBackend } from '../src/main/api/backend';
import { suspendVersionTriggers } from '../src/main/storage/db/repositories/health-summaries-repository';
import { openWorkspace } from '../src/main/storage/workspace/open-workspace';
import { COUNT_METRIC_KEYS, seedImportAccounts } from '../tests/support/metrics-import-fixtures';
import { importAsTheUiDoes } from './import-as-the-ui-does';
import { IMPORT_SHAPE } from './import-shape';
import { BENCH_NOW } from './synthetic-portfolio';

const [mode, csvPath, accountsArg, dir] = process.argv.slice(2) as ['import' | 're-import', string, string, string];
const accounts = Number(accountsArg);
const now = () => BENCH_NOW;

let nextId = 0;
const backend = await openBackend({ workspacePath: path.join(dir, `${mode}.sqlite`), transport: 'direct', now, newId: () => `bench-import-${++nextId}`, log: () => {} });
seedImportAccounts(backend.workspace.sqlite!, accounts);
if (mode === 're-import') await importAsTheUiDoes(backend, csvPath);
const measured = await importAsTheUiDoes(backend, csvPath);
// maxRSS is the OS's peak resident set of this process so far, in KiB.
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
await backend.close();

// Same values, streams and order as writeLongMetricsCsv, so both sides touch identical rows.
const keys = COUNT_METRIC_KEYS.slice(0, IMPORT_SHAPE.metrics);
const months = Array.from({ length: IMPORT_SHAPE.months }, (_, i) => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const eachRow = (visit: (accountId: string, streamId: string, metricKey: string, month: string, value: number) => void) => {
  for (let a = 1; a <= accounts; a += 1)
    for (let k = 0; k < keys.length; k += 1) for (let m = 0; m < months.length; m += 1) visit(`seed-account-${a}`, a % 2 === 0 ? `seed-stream-${a}` : '', keys[k]!, months[m]!, (a * 7 + k * 13 + m * 3) % 5000);
};
let floorMs: number;
if (mode === 'import') {
  const floorWs = await openWorkspace(path.join(dir, `${mode}-floor.sqlite`), { now });
  seedImportAccounts(floorWs.sqlite!, accounts);
  // A raw insert, as before migration 9: its data-version triggers (two statements per row) are
  // dropped from this throwaway file, as the import suspends them for its own transaction.
  floorWs.sqlite!.transaction(() => void suspendVersionTriggers(floorWs.sqlite!))();
  const insert = floorWs.sqlite!.prepare('INSERT INTO metric_observations (account_id, stream_id, metric_key, month, value, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const stamp = BENCH_NOW.toISOString();
  const floorStarted = performance.now();
  floorWs.sqlite!.transaction(() => eachRow((a, s, k, m, v) => insert.run(a, s, k, m, v, 'metrics.csv', stamp)))();
  floorMs = performance.now() - floorStarted;
  await floorWs.close();
} else {
  // The re-import's own file, now holding every row: each unchanged row needs one key lookup. A
  // row without a stream is stored on the stream whose KPIs read it, so the keys are taken as the
  // import stored them (outside the timing), in file order, each with the file's value.
  const floorWs = await openWorkspace(path.join(dir, `${mode}.sqlite`), { now });
  const storedStream = new Map<string, string>();
  for (const row of floorWs.sqlite!.prepare("SELECT DISTINCT account_id AS a, metric_key AS k, stream_id AS s FROM metric_observations WHERE source = 'metrics.csv'").all() as { a: string; k: string; s: string }[]) {
    storedStream.set(`${row.a}|${row.k}`, row.s);
  }
  const lookup = floorWs.sqlite!.prepare('SELECT value FROM metric_observations WHERE account_id = ? AND stream_id = ? AND metric_key = ? AND month = ?').pluck();
  let equal = 0;
  const floorStarted = performance.now();
  floorWs.sqlite!.transaction(() => eachRow((a, s, k, m, v) => void (lookup.get(a, storedStream.get(`${a}|${k}`) ?? s, k, m) === v && equal++)))();
  floorMs = performance.now() - floorStarted;
  if (equal !== accounts * keys.length * months.length) throw new Error(`re-import floor found ${equal} unchanged rows`);
  await floorWs.close();
}

console.log(JSON.stringify({ previewMs: measured.previewMs, commitMs: measured.commitMs, floorMs, peakRssBytes, counts: measured.result.counts, previewCounts: measured.preview }));
