import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openBackend } from '../src/main/api/backend';
import type { BenchContext } from './bench-context';
import { round, type BenchRow } from './bench-row';
import { checkPptx } from './deck-fixtures';
import { BENCH_NOW } from './synthetic-portfolio';

/** Portfolio decks: one deck per account of the 100-account book via decks.exportPortfolio, vs 100 × the one-deck floor. */
export async function benchPortfolioDecks(context: BenchContext): Promise<BenchRow> {
  if (context.oneDeckFloorMs === undefined) throw new Error('The one-deck row must run first: its floor is this row’s.');
  const outDir = path.join(context.dir, 'portfolio-decks');
  fs.mkdirSync(outDir, { recursive: true });
  let nextId = 0;
  const backend = await openBackend({ workspacePath: context.book.workspacePath, transport: 'direct', now: () => BENCH_NOW, newId: () => `bench-portfolio-${++nextId}`, log: () => {} });
  try {
    const started = performance.now();
    const { jobId } = await backend.handlers['decks.exportPortfolio']({ audience: 'auto', deckType: 'qbr', outDir, overwrite: true });
    let progress = await backend.handlers['decks.jobProgress']({ jobId });
    while (progress.state === 'running') {
      await sleep(20);
      progress = await backend.handlers['decks.jobProgress']({ jobId });
    }
    const totalS = (performance.now() - started) / 1000;
    const floorS = (100 * context.oneDeckFloorMs) / 1000;
    const decks = progress.written.length;
    const sample = progress.written[progress.written.length - 1]?.filePath;
    return {
      what: 'portfolio decks',
      workload: `${decks} decks (of ${progress.total} accounts, ${progress.failed.length} failed), audience auto, decks.exportPortfolio job`,
      figure: round(totalS, 2),
      unit: 's',
      floor: round(floorS, 2),
      ratio: round(totalS / floorS, 2),
      target: '≤ 1.5× (100 × one-deck floor)',
      pass: totalS <= 1.5 * floorS && progress.failed.length === 0,
      extra: { perDeckMs: Math.round((totalS * 1000) / Math.max(1, decks)), lastDeckCheck: sample ? checkPptx(sample) : 'none written' },
    };
  } finally {
    await backend.close();
  }
}
