import path from 'node:path';
import { openBackend } from '../src/main/api/backend';
import type { BenchContext } from './bench-context';
import { benchRow, median, spread, type BenchRow } from './bench-row';
import { nodeRunMs } from './process-timing';

const RUNS = 5;

/** `qbr accounts --json` on the demo workspace, spawn to exit, vs node + better-sqlite3 selecting the accounts. */
export async function benchCliStart(context: BenchContext): Promise<BenchRow> {
  const demoPath = path.join(context.dir, 'demo.sqlite');
  const backend = await openBackend({ workspacePath: demoPath, transport: 'direct', log: () => {} });
  await backend.handlers['demo.load']({});
  await backend.close();
  const ours: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(nodeRunMs(['bin/qbr.mjs', 'accounts', '--json', '--db', demoPath]));
    floor.push(nodeRunMs(['bench/cli-floor.mjs', demoPath]));
  }
  return benchRow({
    id: 'cli-start',
    what: 'CLI start',
    workload: `\`qbr accounts --json\` on the demo workspace (9 accounts), spawn to exit, median of ${RUNS}`,
    figure: median(ours),
    unit: 'ms',
    floorIs: 'a fresh node process opening the file with better-sqlite3, selecting the accounts, printing JSON',
    floor: median(floor),
    target: '≤ 3× floor',
    ratioLimit: 3,
    extra: { oursSpreadMs: spread(ours), floorSpreadMs: spread(floor) },
  });
}
