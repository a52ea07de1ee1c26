import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApiFailure } from '../../../../shared/api/errors';
import { resolveWorkspacePath, withBackend } from '../cli-backend';
import { CliUsageError, type CliCommand } from '../cli-io';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Copy a workspace to another file with SQLite\'s backup API (safe while the app has it open).',
  usage: 'qbr backup --db FILE --out FILE [--force]',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } }, strict: true });
    const workspacePath = path.resolve(resolveWorkspacePath(values.db, io));
    if (!values.out) throw new CliUsageError('Say where to write the backup: --out FILE.');
    const outPath = path.resolve(values.out);
    if (outPath === workspacePath) throw new CliUsageError('--out must be a different file from the workspace.');
    // Overwriting by accident could replace another client's workspace; ask for --force.
    if (fs.existsSync(outPath) && !values.force) throw new ApiFailure('conflict', `${outPath} already exists; pass --force to replace it.`);
    await withBackend(workspacePath, (backend) => backend.writeBackup(outPath), { writes: true });
    io.stdout(`Backed up ${workspacePath} to ${outPath}.\n`);
    return 0;
  },
};
