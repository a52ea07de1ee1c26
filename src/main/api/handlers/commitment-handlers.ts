import { ApiFailure } from '../../../shared/api/errors';
import { checkCommitmentStakeholder, toCommitment } from '../../services/commitments/commitments-ledger';
import { findCommitment, insertCommitment, listCommitments } from '../../storage/db/repositories/commitments-repository';
import { auditCreate, updateAtVersion, type VersionedRow } from './row-writes';
import type { CommitmentRow } from '../../storage/db/tables/commitments-table';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';
import { requireLiveAccount } from './require-account';

type CommitmentHandlers = Pick<ApiHandlers, 'commitments.list' | 'commitments.create' | 'commitments.update'>;

/** The commitments ledger: list, add by hand, mark and correct. */
export function commitmentHandlers(deps: HandlerDeps): CommitmentHandlers {
  const { workspace, now, newId } = deps;
  const { db } = workspace;
  const today = () => now().toISOString().slice(0, 10);

  async function requireCommitment(id: string): Promise<CommitmentRow> {
    const row = await findCommitment(db, id);
    if (!row) throw new ApiFailure('not_found', 'That commitment no longer exists.', { id });
    return row;
  }

  return {
    'commitments.list': async ({ accountId, status, quarterRaised }) => {
      await requireLiveAccount(db, accountId);
      const rows = await listCommitments(db, { accountId, ...(status ? { statuses: status } : {}), ...(quarterRaised ? { quarterRaised } : {}) });
      return rows.map((row) => toCommitment(row, today()));
    },

    'commitments.create': async (input) => {
      await requireLiveAccount(db, input.accountId);
      await checkCommitmentStakeholder(db, input.accountId, input.stakeholderId);
      const stamp = now().toISOString();
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await insertCommitment(trx, { id, ...input, deckId: null, proposalKey: null, createdAt: stamp, updatedAt: stamp });
        await auditCreate(trx, deps, 'commitments.create', { table: 'commitments', id, accountId: input.accountId, updatedAt: stamp, label: labelOf(input.text) }, Object.keys(input).filter((key) => key !== 'accountId'));
      });
      return toCommitment(await requireCommitment(id), today());
    },

    'commitments.update': async ({ id, patch, expectedUpdatedAt }) => {
      const row = await requireCommitment(id);
      await checkCommitmentStakeholder(db, row.accountId, patch.stakeholderId, 'patch.stakeholderId');
      await updateAtVersion(db, deps, 'commitments.update', versioned(row), expectedUpdatedAt, patch);
      return toCommitment(await requireCommitment(id), today());
    },
  };
}

/** A commitment's text as the log names it: its first line, cut at 80 characters. */
function labelOf(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function versioned(row: CommitmentRow): VersionedRow & { table: 'commitments' } {
  const label = labelOf(row.text);
  return { table: 'commitments', id: row.id, accountId: row.accountId, updatedAt: row.updatedAt, label, what: `the commitment "${label}"` };
}
