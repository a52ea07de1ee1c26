import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApiFailure } from '../../../../shared/api/errors';
import { resolveWorkspacePath, withBackend } from '../cli-backend';
import { CliUsageError, type CliCommand } from '../cli-io';
import { findAccountByName } from '../find-account';

export const takeoutCommand: CliCommand = {
  name: 'takeout',
  summary: 'Take accounts (with all their rows) out of a workspace into a new file to work offline; `qbr bringback` returns the changes.',
  usage: 'qbr takeout --db WORKSPACE --accounts "NAME,NAME" [--account NAME ...] --out FILE.qbr [--json]',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { db: { type: 'string' }, accounts: { type: 'string' }, account: { type: 'string', multiple: true }, out: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
    });
    const workspacePath = resolveWorkspacePath(values.db, io);
    if (!values.out) throw new CliUsageError('Say where to write the laptop file: --out FILE.qbr.');
    // --accounts splits on commas; --account (repeatable) takes a name that itself has a comma.
    const names = [...(values.accounts ?? '').split(','), ...(values.account ?? [])].map((name) => name.trim()).filter(Boolean);
    if (names.length === 0) throw new CliUsageError('Say which accounts to take out: --accounts "NAME,NAME".');
    const result = await withBackend(workspacePath, async (backend) => {
      const accountIds: string[] = [];
      for (const name of names) {
        const found = await findAccountByName(backend.client, name, { allowPartial: false });
        if ('error' in found) throw new ApiFailure('not_found', `${found.error} Nothing was taken out.`);
        accountIds.push(found.id);
      }
      return backend.client.call('offline.takeOut', { accountIds, path: path.resolve(values.out!) });
    });
    if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else {
      io.stdout(
        `Took ${result.counts.accounts} account${result.counts.accounts === 1 ? '' : 's'} out of ${result.origin.source} into ${result.path} ` +
          `(${result.counts.metricObservations} metric values, ${result.counts.stakeholders} stakeholders).\n` +
          `Work on it with --db ${result.path}; bring the changes back with: qbr bringback ${result.path} --db ${result.origin.source}\n`,
      );
    }
    return 0;
  },
};
