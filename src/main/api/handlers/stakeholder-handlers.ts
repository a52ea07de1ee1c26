import { ApiFailure } from '../../../shared/api/errors';
import type { Stakeholder } from '../../../shared/api/schemas/stakeholder-schemas';
import { findStakeholder, insertStakeholder, listStakeholders } from '../../storage/db/repositories/account-children-repository';
import { auditCreate, deleteAtVersion, updateAtVersion, type VersionedRow } from './row-writes';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';
import { requireLiveAccount } from './require-account';

type StakeholderHandlers = Pick<ApiHandlers, 'stakeholders.list' | 'stakeholders.create' | 'stakeholders.update' | 'stakeholders.delete'>;

export function stakeholderHandlers(deps: HandlerDeps): StakeholderHandlers {
  const { workspace, now, newId } = deps;
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
      await db.transaction().execute(async (trx) => {
        await insertStakeholder(trx, {
          id,
          ...input,
          isExecutiveSponsor: isExecutiveSponsor ? 1 : 0,
          isBudgetHolder: isBudgetHolder ? 1 : 0,
          createdAt: stamp,
          updatedAt: stamp,
        });
        const fields = [...Object.keys(input).filter((key) => key !== 'accountId'), 'isExecutiveSponsor', 'isBudgetHolder'];
        await auditCreate(trx, deps, 'stakeholders.create', { table: 'stakeholders', id, accountId: input.accountId, updatedAt: stamp, label: input.personName }, fields);
      });
      return requireStakeholder(id);
    },

    'stakeholders.update': async ({ id, patch: { isExecutiveSponsor, isBudgetHolder, ...patch }, expectedUpdatedAt }) => {
      const row = await requireStakeholder(id);
      await updateAtVersion(db, deps, 'stakeholders.update', versioned(row), expectedUpdatedAt, {
        ...patch,
        ...(isExecutiveSponsor === undefined ? {} : { isExecutiveSponsor: isExecutiveSponsor ? 1 : 0 }),
        ...(isBudgetHolder === undefined ? {} : { isBudgetHolder: isBudgetHolder ? 1 : 0 }),
      });
      return requireStakeholder(id);
    },

    'stakeholders.delete': async ({ id, expectedUpdatedAt }) => {
      const row = await requireStakeholder(id);
      await deleteAtVersion(db, deps, 'stakeholders.delete', versioned(row), expectedUpdatedAt);
      return row;
    },
  };
}

function versioned(row: Stakeholder): VersionedRow & { table: 'stakeholders' } {
  return { table: 'stakeholders', id: row.id, accountId: row.accountId, updatedAt: row.updatedAt, label: row.personName, what: `the stakeholder "${row.personName}"` };
}
