import { parseArgs } from 'node:util';
import type { AccountSummary } from '../../../../shared/api/schemas/account-schemas';
import { formatTable } from '../format-table';
import { resolveWorkspacePath, withBackend } from '../cli-backend';
import { CliUsageError, type CliCommand } from '../cli-io';
import { findAccountByName } from '../find-account';
import { findUser } from './users-command';

export const accountsCommand: CliCommand = {
  name: 'accounts',
  summary: 'List the accounts in a workspace; `owner ACCOUNT USER` (or `--none`) sets who owns one.',
  usage: 'qbr accounts [owner ACCOUNT USER|--none] --db FILE [--search TEXT] [--json]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { db: { type: 'string' }, json: { type: 'boolean' }, search: { type: 'string' }, none: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    const [action, ...rest] = positionals;
    if (action !== undefined) {
      if (action !== 'owner') throw new CliUsageError(`Unknown action "${action}"; the only one is owner.`);
      if (rest.length !== (values.none ? 1 : 2)) throw new CliUsageError('Say which account and who owns it: qbr accounts owner ACCOUNT USER (or ACCOUNT --none).');
      return setOwner(rest[0]!, values.none ? null : rest[1]!, values, io);
    }
    if (values.none) throw new CliUsageError('--none goes with owner.');
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
    // The owner column appears once a team uses owners; a solo workspace's list stays as it was.
    const owned = accounts.some((account) => account.ownerName !== null);
    const headers = ['Account', 'Segment', 'Revenue models', 'Renewal', 'Stakeholders', ...(owned ? ['Owner'] : [])];
    io.stdout(formatTable(headers, accounts.map((account) => [...toRow(account), ...(owned ? [account.ownerName ?? '—'] : [])])));
    return 0;
  },
};

async function setOwner(accountName: string, userName: string | null, values: { db?: string; json?: boolean }, io: Parameters<CliCommand['run']>[1]): Promise<number> {
  const workspacePath = resolveWorkspacePath(values.db, io);
  const result = await withBackend(
    workspacePath,
    async (backend) => {
      const account = await findAccountByName(backend.client, accountName, { allowPartial: false });
      if ('error' in account) return account;
      const user = userName === null ? null : await findUser(backend.client, userName);
      if (user && 'error' in user) return user;
      return backend.client.call('accounts.setOwner', { id: account.id, ownerId: user?.id ?? null, expectedUpdatedAt: account.updatedAt });
    },
    { writes: true },
  );
  if ('error' in result) {
    io.stderr(`qbr accounts: ${result.error}\n`);
    return 1;
  }
  io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : result.ownerName ? `${result.name} is now owned by ${result.ownerName}.\n` : `${result.name} has no owner now: anyone may write it.\n`);
  return 0;
}

function toRow(account: AccountSummary): string[] {
  return [
    account.name,
    account.customerSegment,
    account.revenueModels.join(' + ') || '—',
    account.renewalDate ?? 'unknown',
    String(account.stakeholderCount),
  ];
}
