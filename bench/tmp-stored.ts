import { buildSyntheticPortfolio, FULL_PORTFOLIO, BENCH_NOW } from './synthetic-portfolio';
import { openBackend } from '../src/main/api/backend';
import fs from 'node:fs';
const file = '/tmp/prof/full.sqlite';
if (!fs.existsSync(file)) { const t = performance.now(); await buildSyntheticPortfolio('/tmp/prof', 'full.sqlite', FULL_PORTFOLIO); console.log('built', Math.round(performance.now() - t)); }
for (let i = 0; i < 4; i++) {
  const backend = await openBackend({ workspacePath: file, transport: 'direct', now: () => BENCH_NOW, log: () => {} });
  let t = performance.now();
  await backend.handlers['insights.portfolio']({});
  const first = performance.now() - t;
  t = performance.now();
  await backend.handlers['insights.portfolio']({});
  console.log(i, 'first', Math.round(first), 'second', Math.round(performance.now() - t));
  await backend.close();
}
