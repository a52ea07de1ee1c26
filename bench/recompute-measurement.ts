import { openBackend } from '../src/main/api/backend';
import { collectGarbage, median, timeMs } from './bench-row';
import { BENCH_NOW } from './synthetic-portfolio';

export interface RecomputeMeasurement {
  oursMs: number;
  floorMs: number;
  /** The same rows read with .all() (materialised), for context: that is what the app used to do. */
  materialisedMs: number;
  accounts: number;
  rows: number;
}

/**
 * `insights.portfolio` (KPIs, signals and health for every live account, from the database)
 * against the floor: one raw SELECT of the same observation rows, each row read and dropped.
 * Interleaved runs so drift on a shared machine hits both sides alike; medians reported.
 */
export async function measureRecompute(workspacePath: string, runs: number): Promise<RecomputeMeasurement> {
  const backend = await openBackend({ workspacePath, transport: 'direct', now: () => BENCH_NOW, log: () => {} });
  try {
    const read = backend.workspace.sqlite.prepare('SELECT account_id, stream_id, metric_key, month, value FROM metric_observations');
    let rows = 0;
    let accounts = 0;
    const floor = () => {
      rows = 0;
      for (const _row of read.iterate()) rows++;
    };
    const ours = async () => {
      accounts = (await backend.handlers['insights.portfolio']({})).length;
    };
    const oursMs: number[] = [];
    const floorMs: number[] = [];
    const materialisedMs: number[] = [];
    // One warm-up of each: page cache, JIT.
    for (let i = 0; i <= runs; i++) {
      collectGarbage();
      const f = await timeMs(floor);
      collectGarbage();
      const o = await timeMs(ours);
      collectGarbage();
      const a = await timeMs(() => read.all().length);
      if (i > 0) {
        floorMs.push(f);
        oursMs.push(o);
        materialisedMs.push(a);
      }
    }
    return { oursMs: median(oursMs), floorMs: median(floorMs), materialisedMs: median(materialisedMs), accounts, rows };
  } finally {
    await backend.close();
  }
}
