import path from 'node:path';
import { openBackend } from '../src/main/api/backend';
import { renderDeck } from '../src/main/render/render-deck';
import { createDeckService } from '../src/main/services/decks/deck-service';
import type { BenchContext } from './bench-context';
import { median, round, timeMs, type BenchRow } from './bench-row';
import { benchDeckRequest, checkPptx } from './deck-fixtures';
import { recordPptxCalls, replayAndWrite, replayInput } from './pptx-call-recorder';
import { BENCH_NOW } from './synthetic-portfolio';

const WARMUP = 2;
const RUNS = 20;
const ONE_DECK_LIMIT_MS = 300;

/**
 * One deck, from the database to a finished, schema-valid, compressed file through the real
 * `decks.export` handler (plan, render on the worker thread, repair, atomic write, record), vs
 * bare pptxgenjs replaying the same slide, chart, table and notes calls and writing with compression.
 */
export async function benchOneDeck(context: BenchContext): Promise<BenchRow> {
  let nextId = 0;
  const backend = await openBackend({ workspacePath: context.book.workspacePath, transport: 'direct', now: () => BENCH_NOW, newId: () => `bench-deck-${++nextId}`, log: () => {} });
  try {
    const { accountId, audience } = benchDeckRequest(backend);
    const filePath = path.join(context.dir, 'one-deck.pptx');
    const account = await backend.workspace.db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
    const service = createDeckService({ workspace: backend.workspace, now: () => BENCH_NOW, newId: () => 'unused', render: renderDeck });
    const recording = recordPptxCalls((await service.planFor(account, { audience, deckType: 'qbr' })).document);
    const ours: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      // Interleaved so drift on a shared machine hits both sides alike.
      const o = await timeMs(() => backend.handlers['decks.export']({ accountId, audience, deckType: 'qbr', filePath, overwrite: true }));
      const operations = replayInput(recording);
      const f = await timeMs(() => replayAndWrite(operations));
      if (i >= WARMUP) {
        ours.push(o);
        floor.push(f);
      }
    }
    const oursMs = median(ours);
    const floorMs = median(floor);
    context.oneDeckFloorMs = floorMs;
    const validity = checkPptx(filePath);
    const count = (name: string) => recording.operations.filter((op) => op.name === name).length;
    return {
      what: 'one deck',
      workload: `${recording.slideCount} slides, ${count('addChart')} native charts, ${count('addTable')} tables, ${count('addNotes')} notes for one account: database → schema-valid compressed file (decks.export), median of ${RUNS} after ${WARMUP} warm-ups`,
      figure: round(oursMs),
      unit: 'ms',
      floor: round(floorMs),
      ratio: round(oursMs / floorMs, 2),
      target: `≤ 1.5× floor and < ${ONE_DECK_LIMIT_MS} ms`,
      pass: oursMs <= 1.5 * floorMs && oursMs < ONE_DECK_LIMIT_MS && !validity.startsWith('invalid'),
      extra: { checkPptx: validity, firstRunMs: Math.round(ours.length ? Math.max(...ours) : 0) },
    };
  } finally {
    await backend.close();
  }
}
