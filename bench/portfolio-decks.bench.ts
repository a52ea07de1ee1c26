import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { portfolioAudience } from '../src/main/services/decks/portfolio-export';
import type { BenchContext } from './bench-context';
import { benchRow, median, timeMs, type BenchRow } from './bench-row';
import { checkPptx, recordAccountDeck } from './deck-fixtures';
import { replayAndWrite } from './pptx-call-recorder';
import { BENCH_NOW } from './synthetic-portfolio';

/**
 * Portfolio decks: one deck per account of the 100-account book via decks.exportPortfolio (audience
 * auto) on the built backend, vs the sum of each account's own floor: bare pptxgenjs replaying the calls of that account's
 * deck (median of 3 per account). Every written deck is checked with check-pptx.
 */
export async function benchPortfolioDecks(context: BenchContext): Promise<BenchRow> {
  // The backend as it ships (dist-node/, built by the runner), so the job and its render thread
  // run built JavaScript as in the app and the CLI, not TypeScript compiled through tsx's hooks.
  const { openBackend } = (await import(pathToFileURL(path.resolve('dist-node/backend.js')).href)) as typeof import('../src/main/api/backend');
  const outDir = path.join(context.dir, 'portfolio-decks');
  fs.mkdirSync(outDir, { recursive: true });
  let nextId = 0;
  const backend = await openBackend({ workspacePath: context.book.workspacePath, transport: 'direct', now: () => BENCH_NOW, newId: () => `bench-portfolio-${++nextId}`, log: () => {} });
  try {
    const started = performance.now();
    const { jobId } = await backend.handlers['decks.exportPortfolio']({ audience: 'auto', deckType: 'qbr', outDir, overwrite: true, createFolder: false });
    let progress = await backend.handlers['decks.jobProgress']({ jobId });
    while (progress.state === 'running') {
      await sleep(20);
      progress = await backend.handlers['decks.jobProgress']({ jobId });
    }
    const totalMs = performance.now() - started;

    let floorMs = 0;
    const accounts = await backend.workspace.db.selectFrom('accounts').selectAll().where('deletedAt', 'is', null).execute();
    for (const account of accounts) {
      const audience = await portfolioAudience(backend.workspace.db, account, { audience: 'auto', deckType: 'qbr' });
      const recording = await recordAccountDeck(backend, account.id, audience);
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const operations = structuredClone(recording.operations);
        runs.push(await timeMs(() => replayAndWrite(operations)));
      }
      floorMs += median(runs);
    }
    const files = progress.written.map((deck) => deck.filePath);
    const validity = checkPptx(files);
    return benchRow({
      id: 'portfolio-decks',
      what: 'portfolio decks',
      workload: `${progress.written.length} decks (of ${progress.total} accounts, ${progress.failed.length} failed), audience auto, decks.exportPortfolio job on the 100-account book`,
      figure: totalMs,
      unit: 'ms',
      floorIs: "sum over the accounts of bare pptxgenjs replaying that account's own deck calls (median of 3 each)",
      floor: floorMs,
      target: '≤ 1.3× floor; every deck written and check-pptx valid',
      ratioLimit: 1.3,
      checks: [
        { name: 'decks failed', value: progress.failed.length, unit: '', limit: 0, pass: progress.failed.length === 0 && progress.written.length === accounts.length },
        { name: 'check-pptx valid (all decks)', value: validity === 'valid' ? 0 : 1, unit: '', limit: 0, pass: validity === 'valid' },
      ],
      extra: { perDeckMs: Math.round(totalMs / Math.max(1, progress.written.length)), checkPptx: validity.slice(0, 300) },
    });
  } finally {
    await backend.close();
  }
}
