import { parseArgs } from 'node:util';
import type { AccountSummary } from '../../../../shared/api/schemas/account-schemas';
import { formatTable } from '../format-table';
import { resolveWorkspacePath, withBackend } from '../cli-backend';
import type { CliCommand } from '../cli-io';

export const accountsCommand: CliCommand = {
  name: 'accounts',
  summary: 'List the accounts in a workspace.',
  usage: 'qbr accounts --db FILE [--search TEXT] [--json]',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { db: { type: 'string' }, json: { type: 'boolean' }, search: { type: 'string' } },
      strict: true,
    });
    const workspacePath = resolveWorkspacePath(values.db, io);
    const accounts = await withBackend(workspacePath, async (backend) =>
      backend.client.call('accounts.list', { search: values.search ?? '' }),
    );
    if (values.json) {
      io.stdout(`${JSON.stringify(accounts, null, 2)}\n`);
      return 0;
    }
    if (accounts.length === 0) {
      io.stdout('No accounts yet. Add one in the app, or run `qbr demo --db FILE` for the demo portfolio.\n');
      return 0;
    }
    io.stdout(formatTable(['Account', 'Segment', 'Revenue models', 'Renewal', 'Stakeholders'], accounts.map(toRow)));
    return 0;
  },
};

function toRow(account: AccountSummary): string[] {
  return [
    account.name,
    account.customerSegment,
    account.revenueModels.join(' + ') || '—',
    account.renewalDate ?? 'unknown',
    String(account.stakeholderCount),
  ];
}
