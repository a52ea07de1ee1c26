#!/usr/bin/env node
// The CLI runs straight from the TypeScript sources through tsx, so it works right after
// `npm install` on a fresh clone with no build step.
import { register } from 'tsx/esm/api';

// `npm run qbr` runs from the project root; paths the user typed are relative to where they typed
// them, which npm passes as INIT_CWD. (Run directly, as `qbr`, the working directory is already right.)
if (process.env.npm_lifecycle_event && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
register();
const { runCli } = await import('../src/main/transports/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
