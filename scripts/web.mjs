#!/usr/bin/env node
// `npm run web [-- --db FILE] [--port N]`: builds the renderer, then serves it with the real
// backend handlers on 127.0.0.1 (see src/main/transports/web/harness-server.ts). The backend runs
// from its built JavaScript (dist-node/web-harness.js, rebuilt first when a source changed).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeBundle } from './node-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!process.argv.includes('--no-build')) {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.web.config.ts'), logLevel: 'warn' });
}
// npm runs scripts from the project root; --db, --app-data and paths typed in the app are relative
// to where the user typed `npm run web`, which npm passes as INIT_CWD (after the build, which uses root).
if (process.env.npm_lifecycle_event && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
const { serveWebHarness } = await loadNodeBundle('web-harness');
await serveWebHarness(process.argv.slice(2).filter((arg) => arg !== '--no-build'), path.join(root, 'dist-web'));
