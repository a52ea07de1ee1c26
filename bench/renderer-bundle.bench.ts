import fs from 'node:fs';
import path from 'node:path';
import type { BenchContext } from './bench-context';
import { atMost, benchRow, type BenchRow } from './bench-row';

const INITIAL_JS_LIMIT_BYTES = 600 * 1000;

/**
 * The renderer's initial JavaScript: every script dist-web/index.html loads or preloads (the entry
 * and the chunks it imports statically), minified, as the runner's `vite build` wrote them.
 * There is no floor to measure; the target is absolute.
 */
export async function benchRendererBundle(_context: BenchContext): Promise<BenchRow> {
  const dist = path.resolve('dist-web');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((match) => match[1]!);
  const sizeOf = (file: string) => fs.statSync(path.join(dist, file.replace(/^\//, ''))).size;
  const initialBytes = initial.reduce((sum, file) => sum + sizeOf(file), 0);
  const allJs = fs.readdirSync(path.join(dist, 'assets')).filter((file) => file.endsWith('.js'));
  const allBytes = allJs.reduce((sum, file) => sum + sizeOf(`assets/${file}`), 0);
  return benchRow({
    id: 'renderer-bundle',
    what: 'renderer bundle',
    workload: `initial JS of the renderer build (vite.web.config.ts): ${initial.map((file) => path.basename(file)).join(', ')}`,
    figure: initialBytes,
    unit: 'bytes',
    floorIs: 'none (absolute target)',
    floor: null,
    target: `≤ ${INITIAL_JS_LIMIT_BYTES / 1000} KB minified`,
    checks: [atMost('initial JS', initialBytes, INITIAL_JS_LIMIT_BYTES, 'bytes')],
    extra: { initialKB: Math.round(initialBytes / 1000), allJsKB: Math.round(allBytes / 1000), chunks: allJs.length },
  });
}
