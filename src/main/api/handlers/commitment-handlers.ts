import { ApiFailure } from '../../../shared/api/errors';
import { checkCommitmentStakeholder, toCommitment } from '../../services/commitments/commitments-ledger';
import { findCommitment, insertCommitment, listCommitments, updateCommitment } from '../../storage/db/repositories/commitments-repository';
import type { CommitmentRow } from '../../storage/db/tables/commitments-table';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';
import { requireLiveAccount } from './require-account';

type CommitmentHandlers = Pick<ApiHandlers, 'commitments.list' | 'commitments.create' | 'commitments.update'>;

/** The commitments ledger: list, add by hand, mark and correct. */
export function commitmentHandlers({ workspace, now, newId }: HandlerDeps): CommitmentHandlers {
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
      await insertCommitment(db, { id, ...input, deckId: null, proposalKey: null, createdAt: stamp, updatedAt: stamp });
      return toCommitment(await requireCommitment(id), today());
    },

    'commitments.update': async ({ id, patch }) => {
      const row = await requireCommitment(id);
      await checkCommitmentStakeholder(db, row.accountId, patch.stakeholderId, 'patch.stakeholderId');
      await updateCommitment(db, id, { ...patch, updatedAt: now().toISOString() });
      return toCommitment(await requireCommitment(id), today());
    },
  };
}
