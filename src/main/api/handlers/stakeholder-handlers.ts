import { ApiFailure } from '../../../shared/api/errors';
import type { Stakeholder } from '../../../shared/api/schemas/stakeholder-schemas';
import {
  deleteStakeholder,
  findStakeholder,
  insertStakeholder,
  listStakeholders,
  updateStakeholder,
} from '../../storage/db/repositories/account-children-repository';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';
import { requireLiveAccount } from './require-account';

type StakeholderHandlers = Pick<ApiHandlers, 'stakeholders.list' | 'stakeholders.create' | 'stakeholders.update' | 'stakeholders.delete'>;

export function stakeholderHandlers({ workspace, now, newId }: HandlerDeps): StakeholderHandlers {
  const { db } = workspace;

  async function requireStakeholder(id: string): Promise<Stakeholder> {
    const row = await findStakeholder(db, id);
    if (!row) throw new ApiFailure('not_found', 'That stakeholder no longer exists.', { id });
    return row;
  }

  return {
    'stakeholders.list': async ({ accountId }) => {
      await requireLiveAccount(db, accountId);
      return (await listStakeholders(db, accountId));
    },

    'stakeholders.create': async ({ isExecutiveSponsor, isBudgetHolder, ...input }) => {
      await requireLiveAccount(db, input.accountId);
      const stamp = now().toISOString();
      const id = newId();
      await insertStakeholder(db, {
        id,
        ...input,
        isExecutiveSponsor: isExecutiveSponsor ? 1 : 0,
        isBudgetHolder: isBudgetHolder ? 1 : 0,
        createdAt: stamp,
        updatedAt: stamp,
      });
      return requireStakeholder(id);
    },

    'stakeholders.update': async ({ id, patch: { isExecutiveSponsor, isBudgetHolder, ...patch } }) => {
      await requireStakeholder(id);
      await updateStakeholder(db, id, {
        ...patch,
        ...(isExecutiveSponsor === undefined ? {} : { isExecutiveSponsor: isExecutiveSponsor ? 1 : 0 }),
        ...(isBudgetHolder === undefined ? {} : { isBudgetHolder: isBudgetHolder ? 1 : 0 }),
        updatedAt: now().toISOString(),
      });
      return requireStakeholder(id);
    },

    'stakeholders.delete': async ({ id }) => {
      const row = await requireStakeholder(id);
      await deleteStakeholder(db, id);
      return row;
    },
  };
}

