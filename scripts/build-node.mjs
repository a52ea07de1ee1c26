#!/usr/bin/env node
// Builds the Node side that runs outside Electron — the `qbr` CLI, the browser harness and the
// worker threads — from the TypeScript sources into dist-node/ as ES modules, with esbuild: one
// bundle split per entry and per lazily loaded CLI command. Run by
// `npm install` (prepare), `npm test` and `npm run bench`; bin/qbr.mjs and scripts/web.mjs run it
// themselves when a source file is newer than the build (see scripts/node-bundle.mjs).
import { buildNodeBundle } from './node-bundle.mjs';

const started = performance.now();
try {
  await buildNodeBundle();
} catch (error) {
  // `npm install --omit=dev` has no esbuild: leave the build to a full install rather than fail it.
  if (process.argv.includes('--if-possible') && error?.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('dist-node/ not built: esbuild is not installed (a production-only install).\n');
    process.exit(0);
  }
  throw error;
}
if (!process.argv.includes('--quiet')) process.stdout.write(`dist-node/ built in ${Math.round(performance.now() - started)} ms\n`);
