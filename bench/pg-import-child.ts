/*
 * Child process of the pg-import row, so the importer's peak RSS is its own. Args: <csv> <accounts>
 * <postgres url of an empty database>. Seeds the accounts the file names, then imports the file as
 * the UI does (import.preview, then import.start polled until done) and prints one JSON line: the
 * timings, peak RSS and counts.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { openBackend } from '../src/main/api/backend';
import { seedImportAccountsInto } from '../tests/support/metrics-import-fixtures';
import { BENCH_NOW } from './synthetic-portfolio';

const [csvPath, accountsArg, url] = process.argv.slice(2) as [string, string, string];
/** How often the bench polls the job; the UI polls less often, so this never flatters the figure. */
const POLL_MS = 10;

let nextId = 0;
const backend = await openBackend({ workspacePath: url, transport: 'direct', now: () => BENCH_NOW, newId: () => `bench-pg-import-${++nextId}`, log: () => {} });
try {
  await seedImportAccountsInto(backend.workspace.db, Number(accountsArg));
  const source = { kind: 'path' as const, path: csvPath };
  const previewStarted = performance.now();
  const preview = await backend.handlers['import.preview']({ source });
  const previewMs = performance.now() - previewStarted;
  const commitStarted = performance.now();
  const { jobId } = await backend.handlers['import.start']({ source, mode: 'valid-rows' });
  let progress = await backend.handlers['import.progress']({ jobId });
  while (progress.state === 'running') {
    await sleep(POLL_MS);
    progress = await backend.handlers['import.progress']({ jobId });
  }
  const commitMs = performance.now() - commitStarted;
  if (progress.state !== 'done' || !progress.result?.committed) throw new Error(`import ended ${progress.state}: ${JSON.stringify(progress.error ?? progress.result?.counts)}`);
  // maxRSS is the OS's peak resident set of this process so far, in KiB.
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ previewMs, commitMs, peakRssBytes, counts: progress.result.counts, previewCounts: preview.counts, backupPath: progress.result.backupPath }));
} finally {
  await backend.close();
}
