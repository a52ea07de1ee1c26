#!/usr/bin/env node
// The CLI runs straight from the TypeScript sources through tsx, so it works right after
// `npm install` on a fresh clone with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main/transports/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
