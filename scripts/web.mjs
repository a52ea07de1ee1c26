#!/usr/bin/env node
// `npm run web [-- --db FILE] [--port N]`: builds the renderer, then serves it with the real
// backend handlers on 127.0.0.1 (see src/main/transports/web/harness-server.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!process.argv.includes('--no-build')) {
  await build({ configFile: path.join(root, 'vite.web.config.ts'), logLevel: 'warn' });
}
register();
const { serveWebHarness } = await import('../src/main/transports/web/serve.ts');
await serveWebHarness(process.argv.slice(2).filter((arg) => arg !== '--no-build'), path.join(root, 'dist-web'));
