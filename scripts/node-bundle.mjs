// The built Node side (dist-node/): building it, and loading an entry of it, rebuilt first when a
// source file changed since (a development checkout). Plain JavaScript, so nothing is compiled to
// start the CLI or the harness.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist-node');
/** The inputs of the last build (from esbuild's metafile), checked for changes before loading. */
const inputsFile = path.join(outDir, 'inputs.json');

/** Entry name → source. The workers must sit beside the code that starts them (see their modules). */
const ENTRIES = {
  cli: 'src/main/transports/cli/main.ts',
  'web-harness': 'src/main/transports/web/serve.ts',
  'render-worker': 'src/main/render/render-worker.ts',
  'background-worker': 'src/main/services/background/background-worker.ts',
  // The backend as it ships, for `npm run bench` rows that measure the built code path in-process.
  backend: 'src/main/api/backend.ts',
};

/** Builds dist-node/ with esbuild (a dev dependency; a packaged app ships its own build instead). */
export async function buildNodeBundle() {
  const { build } = await import('esbuild');
  fs.rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, source]) => [name, path.join(root, source)])),
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Bundled, so a start reads a few files instead of resolving hundreds (zod, kysely, and the
    // deck writers pptxgenjs and JSZip, whose CommonJS files the render thread resolved one by
    // one); left as imports: the native module and piscina (it starts its own worker file).
    external: ['better-sqlite3', 'piscina', 'esbuild', 'vite', 'tsx'],
    // Bundled CommonJS packages may require() Node's built-ins.
    banner: { js: "import { createRequire as __qbrCreateRequire } from 'node:module'; const require = __qbrCreateRequire(import.meta.url);" },
    // Flat: a worker's URL is resolved beside the chunk that starts it.
    chunkNames: 'chunk-[hash]',
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules'));
  fs.writeFileSync(inputsFile, `${JSON.stringify({ builtAt: Date.now(), inputs })}\n`);
}

/** True when dist-node/ is missing, or a source it was built from changed after it was built. */
function isStale() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(inputsFile, 'utf8'));
  } catch {
    return true;
  }
  // A packaged install has no sources to compare with: its build is what it ships.
  if (!fs.existsSync(path.join(root, 'src'))) return false;
  for (const input of stamp.inputs) {
    const stat = fs.statSync(path.join(root, input), { throwIfNoEntry: false });
    if (!stat || stat.mtimeMs > stamp.builtAt) return true;
  }
  return false;
}

/**
 * Imports dist-node/NAME.js, building dist-node/ first if it is missing or stale.
 * @example const { runCli } = await loadNodeBundle('cli');
 */
export async function loadNodeBundle(name) {
  if (isStale()) {
    process.stderr.write('qbr: building dist-node/ from the sources (once per change)…\n');
    await buildNodeBundle();
  }
  return import(pathToFileURL(path.join(outDir, `${name}.js`)).href);
}
