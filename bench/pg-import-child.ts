/*
 * Child process of the pg-import row, so the importer's peak RSS is its own. Args: <csv> <accounts>
 * <postgres url of an empty database>. Seeds the accounts the file names, then imports the file as
 * the UI does (import.preview, then import.start polled until done) and prints one JSON line: the
 * timings, peak RSS and counts.
 */
import { openBackend } from '../src/main/api/backend';
import { seedImportAccountsInto } from '../tests/support/metrics-import-fixtures';
import { importAsTheUiDoes } from './import-as-the-ui-does';
import { BENCH_NOW } from './synthetic-portfolio';

const [csvPath, accountsArg, url] = process.argv.slice(2) as [string, string, string];

let nextId = 0;
const backend = await openBackend({ workspacePath: url, transport: 'direct', now: () => BENCH_NOW, newId: () => `bench-pg-import-${++nextId}`, log: () => {} });
try {
  await seedImportAccountsInto(backend.workspace.db, Number(accountsArg));
  const measured = await importAsTheUiDoes(backend, csvPath);
  // maxRSS is the OS's peak resident set of this process so far, in KiB.
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const { previewMs, commitMs, preview, result } = measured;
  console.log(JSON.stringify({ previewMs, commitMs, peakRssBytes, counts: result.counts, previewCounts: preview, backupPath: result.backupPath }));
} finally {
  await backend.close();
}
