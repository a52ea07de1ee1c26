import { parseArgs } from 'node:util';
import { COMMITMENT_STATUSES, COMMITMENT_STATUS_LABEL, isOutstanding, type CommitmentStatus } from '../../../../shared/commitments/commitment';
import { quarterLabel } from '../../../../shared/deck-plan/deck-period';
import { CliUsageError, type CliCommand } from '../cli-io';
import { resolveWorkspacePath, withBackend } from '../cli-backend';
import { findAccountByName } from '../find-account';
import { formatTable } from '../format-table';

export const commitmentsCommand: CliCommand = {
  name: 'commitments',
  summary: "List an account's commitments ledger: decisions and actions by quarter, with owner, due date and status.",
  usage: 'qbr commitments --db FILE --account NAME [--status open,slipped] [--json]',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { db: { type: 'string' }, account: { type: 'string' }, status: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
    });
    if (!values.account) throw new CliUsageError('Say which account: --account NAME.');
    const statuses = values.status?.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = statuses?.filter((s) => !(COMMITMENT_STATUSES as readonly string[]).includes(s)) ?? [];
    if (unknown.length > 0) throw new CliUsageError(`Unknown status "${unknown[0]}"; use ${COMMITMENT_STATUSES.join(', ')}.`);
    const accountName = values.account;
    const workspacePath = resolveWorkspacePath(values.db, io);
    const result = await withBackend(workspacePath, async (backend) => {
      const account = await findAccountByName(backend.client, accountName, { allowPartial: true });
      if ('error' in account) return account;
      const commitments = await backend.client.call('commitments.list', { accountId: account.id, ...(statuses && statuses.length > 0 ? { status: statuses as CommitmentStatus[] } : {}) });
      return { name: account.name, commitments };
    });
    if ('error' in result) {
      io.stderr(`qbr commitments: ${result.error}\n`);
      return 1;
    }
    const { name, commitments } = result;
    // Overdue as the backend judged it on its own clock (commitments.list), open by the ledger's one rule.
    const counts = { open: commitments.filter(isOutstanding).length, overdue: commitments.filter((c) => c.overdue).length };
    if (values.json) {
      io.stdout(`${JSON.stringify({ account: name, ...counts, commitments }, null, 2)}\n`);
      return 0;
    }
    const out = [`${name}: ${commitments.length} commitment${commitments.length === 1 ? '' : 's'}, ${counts.open} open, ${counts.overdue} overdue\n`];
    if (commitments.length > 0) {
      out.push(
        formatTable(
          ['Quarter', 'Kind', 'Commitment', 'Owner', 'Due', 'Status', 'Outcome'],
          commitments.map((c) => [quarterLabel(c.quarterRaised), c.kind, c.text, c.ownerName || c.ownerSide, c.dueDate ?? '—', `${COMMITMENT_STATUS_LABEL[c.status]}${c.overdue ? ' (overdue)' : ''}`, c.outcomeNote]),
        ),
      );
    }
    io.stdout(out.join(''));
    return 0;
  },
};
