import path from 'node:path';
import { openBackend } from '../../src/main/api/backend';
import { runCli } from '../../src/main/transports/cli/main';

/*
 * Run in a child process with a small heap (--max-old-space-size): restores DIR/big.json (written
 * by big-export-child.ts) into a new workspace DIR/restored.sqlite with `qbr restore-workspace
 * --replace`. Exit code and output are the CLI's.
 * Usage: node --import tsx big-restore-child.ts DIR
 */
const [dir] = process.argv.slice(2) as [string];
const workspacePath = path.join(dir, 'restored.sqlite');
await (await openBackend({ workspacePath, transport: 'direct', log: () => {} })).close();
const code = await runCli(['restore-workspace', '--db', workspacePath, '--file', path.join(dir, 'big.json'), '--replace'], {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: {},
});
process.exit(code);
