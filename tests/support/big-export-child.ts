import path from 'node:path';
import { openBackend } from '../../src/main/api/backend';
import { runCli } from '../../src/main/transports/cli/main';
import { COUNT_METRIC_KEYS, seedImportAccounts } from './metrics-import-fixtures';

/*
 * Run in a child process with a small heap (--max-old-space-size): builds a workspace of
 * `observations` metric values and exports it with `qbr export`. Exit code and output are the CLI's.
 * Usage: node --import tsx big-export-child.ts DIR OBSERVATIONS
 */
const [dir, count] = process.argv.slice(2) as [string, string];
const observations = Number(count);
const workspacePath = path.join(dir, 'big.sqlite');
const backend = await openBackend({ workspacePath, transport: 'direct', log: () => {} });
const accounts = Math.ceil(observations / (COUNT_METRIC_KEYS.length * 120));
seedImportAccounts(backend.workspace.sqlite!, accounts);
const insert = backend.workspace.sqlite!.prepare(
  "INSERT INTO metric_observations (account_id, stream_id, metric_key, month, value, source, updated_at) VALUES (?, ?, ?, ?, ?, 'bench.csv', '2026-01-01T00:00:00.000Z')",
);
backend.workspace.sqlite!.transaction(() => {
  let written = 0;
  for (let a = 1; a <= accounts && written < observations; a += 1) {
    for (const key of COUNT_METRIC_KEYS) {
      for (let m = 0; m < 120 && written < observations; m += 1, written += 1) {
        insert.run(`seed-account-${a}`, `seed-stream-${a}`, key, `${2016 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`, (a * 7 + m) % 5000);
      }
    }
  }
})();
await backend.close();
const code = await runCli(['export', '--db', workspacePath, '--out', path.join(dir, 'big.json')], {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: {},
});
process.exit(code);
