import { parseArgs } from 'node:util';
import type { AuditEntry } from '../../../../shared/api/schemas/audit-schemas';
import { CliUsageError, type CliCommand } from '../cli-io';
import { resolveWorkspacePath, withBackend } from '../cli-backend';
import { findAccountByName } from '../find-account';
import { formatTable } from '../format-table';

/** `qbr audit`: who wrote what, when — the workspace's audit log, newest first. */
export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'Show the audit log, newest first: who changed which row and fields, when, through which method.',
  usage: 'qbr audit --db FILE [--account NAME] [--actor NAME] [--limit N] [--json]',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { db: { type: 'string' }, account: { type: 'string' }, actor: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
    });
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliUsageError('--limit takes a whole number from 1 to 500.');
    const workspacePath = resolveWorkspacePath(values.db, io);
    const result = await withBackend(workspacePath, async (backend) => {
      let accountId: string | undefined;
      if (values.account !== undefined) {
        const account = await findAccountByName(backend.client, values.account, { allowPartial: true });
        if ('error' in account) return account;
        accountId = account.id;
      }
      return backend.client.call('audit.list', { ...(accountId ? { accountId } : {}), ...(values.actor ? { actor: values.actor } : {}), limit });
    });
    if ('error' in result) {
      io.stderr(`qbr audit: ${result.error}\n`);
      return 1;
    }
    if (values.json) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    if (result.entries.length === 0) {
      io.stdout('Nothing recorded yet.\n');
      return 0;
    }
    io.stdout(formatTable(['When (UTC)', 'Who', 'What', 'Row', 'Account', 'Fields'], result.entries.map(toRow)));
    if (result.hasMore) io.stdout(`(the newest ${limit}; --limit shows more)\n`);
    return 0;
  },
};

function toRow(entry: AuditEntry): string[] {
  return [
    entry.at.slice(0, 19).replace('T', ' '),
    entry.actor,
    entry.method,
    entry.rowLabel ?? entry.rowId,
    entry.accountName ?? '—',
    entry.fields.join(', ') || '—',
  ];
}
