import { setTimeout as sleep } from 'node:timers/promises';
import type { Backend } from '../src/main/api/backend';

/** How often the bench polls the job; the UI polls less often, so this never flatters the figure. */
const POLL_MS = 10;

/**
 * One CSV import as the UI runs it: `import.preview`, then `import.start` and polling
 * `import.progress` until the job is done. Throws unless the job committed.
 */
export async function importAsTheUiDoes(backend: Backend, csvPath: string) {
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
  return { previewMs, commitMs, preview: preview.counts, result: progress.result };
}
