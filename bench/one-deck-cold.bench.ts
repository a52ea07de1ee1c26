import fs from 'node:fs';
import path from 'node:path';
import { openBackend } from '../src/main/api/backend';
import type { BenchContext } from './bench-context';
import { atMost, benchRow, median, spread, type BenchRow } from './bench-row';
import { benchDeckRequest, checkPptx, describeRecording, recordAccountDeck } from './deck-fixtures';
import { nodeRunMs } from './process-timing';
import { BENCH_NOW } from './synthetic-portfolio';

const RUNS = 3;
const COLD_LIMIT_MS = 800;

/**
 * One deck, first in a fresh process: `qbr deck` (bin/qbr.mjs, the shipped CLI) on the 2,000-account
 * workspace, from spawn to exit, median of 3 fresh processes; against a fresh `node` process that
 * loads pptxgenjs, replays the same calls and writes the file.
 */
export async function benchOneDeckCold(context: BenchContext): Promise<BenchRow> {
  const backend = await openBackend({ workspacePath: context.portfolio.workspacePath, transport: 'direct', now: () => BENCH_NOW, log: () => {} });
  const { accountId, audience } = benchDeckRequest(backend);
  const recording = await recordAccountDeck(backend, accountId, audience);
  const accountName = backend.workspace.sqlite!.prepare('SELECT name FROM accounts WHERE id = ?').pluck().get(accountId) as string;
  await backend.close();
  const operationsFile = path.join(context.dir, 'cold-deck-operations.json');
  fs.writeFileSync(operationsFile, JSON.stringify(recording.operations));
  const out = path.join(context.dir, 'cold-deck.pptx');
  const floorOut = path.join(context.dir, 'cold-deck-floor.pptx');
  const ours: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(nodeRunMs(['bin/qbr.mjs', 'deck', '--db', context.portfolio.workspacePath, '--account', accountName, '--audience', audience.join(','), '--out', out, '--force']));
    floor.push(nodeRunMs(['bench/pptx-replay.mjs', operationsFile, floorOut]));
  }
  const validity = checkPptx(out);
  return benchRow({
    id: 'one-deck-cold',
    what: 'one deck, cold',
    workload: `${describeRecording(recording)}: \`qbr deck\` in a fresh process on the 2,000-account workspace, spawn to exit, median of ${RUNS} processes`,
    figure: median(ours),
    unit: 'ms',
    floorIs: 'a fresh node process loading pptxgenjs, replaying the same calls and writing the file',
    floor: median(floor),
    target: `≤ ${COLD_LIMIT_MS} ms`,
    checks: [atMost('first deck in a fresh process', median(ours), COLD_LIMIT_MS, 'ms'), { name: 'check-pptx valid', value: validity === 'valid' ? 0 : 1, unit: '', limit: 0, pass: validity === 'valid' }],
    extra: { oursSpreadMs: spread(ours), floorSpreadMs: spread(floor), checkPptx: validity },
  });
}
