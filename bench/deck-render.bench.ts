/*
 * One deck: median ms to render + repair + compress a 15-slide, 8-chart deck, next to the floor of
 * bare pptxgenjs writing the same presentation with compression and no post-processing (issue #8).
 * Run: npx tsx bench/deck-render.bench.ts   (not part of npm test)
 */
import { buildPresentation, renderDeck } from '../src/main/deck-render/render-deck';
import { benchDeckDocument } from '../tests/support/deck-fixtures';

const WARMUP = 2;
const RUNS = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const document = benchDeckDocument();
const ours: number[] = [];
const floor: number[] = [];
const build: number[] = [];
for (let i = 0; i < WARMUP + RUNS; i++) {
  // Interleaved so drift on a shared machine hits both sides alike.
  const o = await time(() => renderDeck(document));
  const f = await time(() => buildPresentation(document).stream({ compression: true }));
  const b = await time(async () => buildPresentation(document));
  if (i >= WARMUP) {
    ours.push(o);
    floor.push(f);
    build.push(b);
  }
}
const result = {
  node: process.version,
  runs: RUNS,
  oursMedianMs: Number(median(ours).toFixed(1)),
  floorMedianMs: Number(median(floor).toFixed(1)),
  buildOnlyMedianMs: Number(median(build).toFixed(1)),
  ratio: Number((median(ours) / median(floor)).toFixed(2)),
};
console.table([
  { what: 'renderDeck (build + write + repair + DEFLATE)', 'median ms': result.oursMedianMs },
  { what: 'floor: same presentation, pptxgenjs stream({ compression: true })', 'median ms': result.floorMedianMs },
  { what: '  of which building slides (layout, text fitting, pptxgenjs calls)', 'median ms': result.buildOnlyMedianMs },
]);
console.log(`ratio ${result.ratio}× (target ≤ 1.5×), ours ${result.oursMedianMs} ms (target < 300 ms)`);
