import path from 'node:path';
import { openBackend } from '../src/main/api/backend';
import type { BenchContext } from './bench-context';
import { benchRow, median, spread, timeMs, type BenchRow } from './bench-row';
import { benchDeckRequest, checkPptx, describeRecording, recordAccountDeck } from './deck-fixtures';
import { replayAndWrite } from './pptx-call-recorder';
import { BENCH_NOW } from './synthetic-portfolio';

const WARM_RUNS = 20;
const CHANGES = 5;

/**
 * One deck on the 2,000-account workspace through the real `decks.export` handler (plan, render on
 * the worker thread, repair, atomic write, record), in one backend:
 * - after a change: a peer's metric is saved (metrics.saveMonth), then the deck is exported; the
 *   first export after each change, median of 5, against the warm median;
 * - warm: exports with nothing changed, median of 20, against bare pptxgenjs replaying the same
 *   calls and writing with compression (interleaved, so drift hits both alike).
 * The very first export of the backend is reported as `firstInBackendMs` (worker start, peers).
 */
export async function benchOneDeckInBackend(context: BenchContext): Promise<BenchRow[]> {
  let nextId = 0;
  const backend = await openBackend({ workspacePath: context.portfolio.workspacePath, transport: 'direct', now: () => BENCH_NOW, newId: () => `bench-deck-${++nextId}`, log: () => {} });
  try {
    const { accountId, audience } = benchDeckRequest(backend);
    const filePath = path.join(context.dir, 'one-deck.pptx');
    const exportDeck = () => backend.handlers['decks.export']({ accountId, audience, deckType: 'qbr', filePath, overwrite: true, createFolder: false });
    const firstInBackendMs = await timeMs(exportDeck);
    const recording = await recordAccountDeck(backend, accountId, audience);

    // A peer of account 1 (same template, so the same revenue model) changes one value each time.
    const peerId = 'bench-account-10';
    const peerStream = backend.workspace.sqlite!.prepare("SELECT id FROM revenue_streams WHERE account_id = ? AND revenue_model = 'cpt_rpm'").pluck().get(peerId) as string;
    const peerMonth = backend.workspace.sqlite!.prepare('SELECT max(month) FROM metric_observations WHERE account_id = ?').pluck().get(peerId) as string;
    const afterChange: number[] = [];
    const warmAfterChange: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      await backend.handlers['metrics.saveMonth']({ accountId: peerId, streamId: peerStream, month: peerMonth, values: { rpm_enrolled_patients: 400 + i } });
      afterChange.push(await timeMs(exportDeck));
      warmAfterChange.push(await timeMs(exportDeck));
    }

    const ours: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      ours.push(await timeMs(exportDeck));
      const operations = structuredClone(recording.operations);
      floor.push(await timeMs(() => replayAndWrite(operations)));
    }
    const validity = checkPptx(filePath);
    const valid = { name: 'check-pptx valid', value: validity === 'valid' ? 0 : 1, unit: '', limit: 0, pass: validity === 'valid' };
    const warmMs = median(ours);
    const deck = describeRecording(recording);
    return [
      benchRow({
        id: 'one-deck-after-change',
        what: 'one deck, first after a data change',
        workload: `${deck}; a peer's metric saved through metrics.saveMonth, then decks.export on the 2,000-account workspace; median of ${CHANGES} changes`,
        figure: median(afterChange),
        unit: 'ms',
        floorIs: `the warm export (median of ${WARM_RUNS}, same backend)`,
        floor: warmMs,
        target: '≤ 2× warm',
        ratioLimit: 2,
        checks: [valid],
        extra: { afterChangeSpreadMs: spread(afterChange), secondExportAfterChangeMs: Math.round(median(warmAfterChange)), firstInBackendMs: Math.round(firstInBackendMs) },
      }),
      benchRow({
        id: 'one-deck-warm',
        what: 'one deck, warm',
        workload: `${deck} for one account: database → check-pptx-valid compressed file (decks.export) on the 2,000-account workspace, median of ${WARM_RUNS}`,
        figure: warmMs,
        unit: 'ms',
        floorIs: 'bare pptxgenjs replaying the same calls, stream({ compression: true }), same process, interleaved',
        floor: median(floor),
        target: '≤ 1.5× floor',
        ratioLimit: 1.5,
        checks: [valid],
        extra: { oursSpreadMs: spread(ours), floorSpreadMs: spread(floor), checkPptx: validity },
      }),
    ];
  } finally {
    await backend.close();
  }
}
