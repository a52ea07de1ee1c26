#!/usr/bin/env node
// The CLI runs from its built JavaScript (dist-node/cli.js, made by `npm install` or
// `npm run build:node`), so nothing is compiled at start; in a source checkout the build is
// redone first when a source file changed since (scripts/node-bundle.mjs).
import { loadNodeBundle } from '../scripts/node-bundle.mjs';

// `npm run qbr` runs from the project root; paths the user typed are relative to where they typed
// them, which npm passes as INIT_CWD. (Run directly, as `qbr`, the working directory is already right.)
if (process.env.npm_lifecycle_event && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
const { runCli } = await loadNodeBundle('cli');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
