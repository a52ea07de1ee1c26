#!/usr/bin/env node
// Installs Doyensec's electronegativity into tools/electronegativity with its own lockfile
// (`npm ci --prefix`), never beside the app's packages: it pins TypeScript 4.2 and breaks when the
// app's newer TypeScript is hoisted next to it. `--if-missing` skips the install when it is there.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prefix = path.join(root, 'tools/electronegativity');
const marker = path.join(prefix, 'node_modules/@doyensec/electronegativity/package.json');
if (process.argv.includes('--if-missing') && fs.existsSync(marker)) process.exit(0);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// --ignore-scripts: nothing in its tree needs an install step, and the gate should not run foreign scripts.
execFileSync(npm, ['ci', '--prefix', prefix, '--no-audit', '--no-fund', '--ignore-scripts'], { stdio: 'inherit' });
