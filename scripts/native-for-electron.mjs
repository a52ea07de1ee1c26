#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .native/electron-<version>/, leaving the Node
// build in node_modules untouched, so `npm test`/the CLI (Node) and `npm start` (Electron) both work.
// Usage: node scripts/native-for-electron.mjs [--force]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');

const electronDir = path.dirname(require.resolve('electron/package.json'));
const electronVersion = require('electron/package.json').version;
if (!fs.existsSync(path.join(electronDir, 'path.txt'))) {
  console.error(
    `QBR Workbench: the Electron ${electronVersion} binary is not installed (npm install ran with ELECTRON_SKIP_BINARY_DOWNLOAD or could not download it). ` +
      'On a machine with internet access run `node node_modules/electron/install.js`; here, use `npm run web` for the same UI in a browser.',
  );
  process.exit(1);
}

const targetDir = path.join(root, '.native', `electron-${electronVersion}`);
const target = path.join(targetDir, 'better_sqlite3.node');
if (fs.existsSync(target) && !force) process.exit(0);

const sourceDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const buildRoot = path.join(root, '.native', `build-electron-${electronVersion}`);
const moduleCopy = path.join(buildRoot, 'node_modules', 'better-sqlite3');
fs.rmSync(buildRoot, { recursive: true, force: true });
fs.mkdirSync(moduleCopy, { recursive: true });
for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
  fs.cpSync(path.join(sourceDir, entry), path.join(moduleCopy, entry), { recursive: true });
}
const version = require('better-sqlite3/package.json').version;
fs.writeFileSync(path.join(buildRoot, 'package.json'), JSON.stringify({ name: 'native-build', private: true, dependencies: { 'better-sqlite3': version } }));

console.log(`Building better-sqlite3 ${version} for Electron ${electronVersion} (first run only; takes a few minutes)…`);
const { rebuild } = await import('@electron/rebuild');
await rebuild({ buildPath: buildRoot, electronVersion, onlyModules: ['better-sqlite3'], force: true });
fs.mkdirSync(targetDir, { recursive: true });
fs.copyFileSync(path.join(moduleCopy, 'build', 'Release', 'better_sqlite3.node'), target);
fs.rmSync(buildRoot, { recursive: true, force: true });
console.log(`better-sqlite3 for Electron written to ${path.relative(root, target)}`);
