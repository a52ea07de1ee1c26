import { ApiFailure } from '../../../shared/api/errors';
import {
  REVENUE_MODELS,
  type BuyerTypeKey,
  type CustomerSegmentKey,
  type RevenueModelKey,
} from '../../../shared/framework/keys';
import type { Account, AccountSummary } from '../../../shared/api/schemas/account-schemas';
import {
  findDeletedAccount,
  findLiveAccount,
  findLiveAccountByName,
  insertAccount,
  listAccountSummaries,
  updateAccountAtVersion,
  type AccountSummaryRow,
} from '../../storage/db/repositories/accounts-repository';
import type { AccountRow, AccountRowUpdate } from '../../storage/db/tables/accounts-table';
import { nextRowVersion } from '../../storage/db/row-version';
import { auditWrite, staleWriteFailure } from './row-writes';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';

type AccountHandlers = Pick<
  ApiHandlers,
  'accounts.list' | 'accounts.get' | 'accounts.create' | 'accounts.update' | 'accounts.delete' | 'accounts.restore'
>;

export function accountHandlers(deps: HandlerDeps): AccountHandlers {
  const { workspace, now, newId } = deps;
  const { db } = workspace;

  async function requireLive(id: string): Promise<AccountRow> {
    const row = await findLiveAccount(db, id);
    if (!row) throw new ApiFailure('not_found', 'That account no longer exists. It may have been deleted.', { id });
    return row;
  }

  async function requireUniqueName(name: string, exceptId?: string): Promise<void> {
    const clash = await findLiveAccountByName(db, name);
    if (clash && clash.id !== exceptId) {
      throw new ApiFailure('conflict', `An account named "${clash.name}" already exists. Account names must be unique.`, { field: 'name' });
    }
  }

  /**
   * Writes `changes` over the account only if it is still at the version the caller read
   * (`expected`; the version just read when the caller gave none), with its audit entry in the
   * same transaction; a stale version is a conflict listing what changed since.
   */
  async function writeAtVersion(method: string, row: AccountRow, expected: string | undefined, changes: AccountRowUpdate): Promise<void> {
    const version = expected ?? row.updatedAt;
    const next = nextRowVersion(now(), version);
    const written = await db.transaction().execute(async (trx) => {
      if (!(await updateAccountAtVersion(trx, row.id, version, { ...changes, updatedAt: next }))) return false;
      await auditWrite(trx, deps, { method, tableName: 'accounts', rowId: row.id, rowVersion: next, fields: Object.keys(changes) });
      return true;
    });
    if (!written) {
      const current = await db.selectFrom('accounts').select('updatedAt').where('id', '=', row.id).executeTakeFirst();
      throw await staleWriteFailure(db, `"${row.name}"`, row.id, version, current?.updatedAt ?? null);
    }
  }

  return {
    'accounts.list': async (query) => (await listAccountSummaries(db, query)).map(toAccountSummary),

    'accounts.get': async ({ id }) => {
      const [row] = await listAccountSummaries(db, { search: '', sortBy: 'name', direction: 'asc' }, id);
      if (!row) throw new ApiFailure('not_found', 'That account no longer exists. It may have been deleted.', { id });
      return toAccountSummary(row);
    },

    'accounts.create': async (input) => {
      await requireUniqueName(input.name);
      const stamp = now().toISOString();
      const row = { id: newId(), ...input, createdAt: stamp, updatedAt: stamp };
      await db.transaction().execute(async (trx) => {
        await insertAccount(trx, row);
        await auditWrite(trx, deps, { method: 'accounts.create', tableName: 'accounts', rowId: row.id, rowVersion: stamp, fields: Object.keys(input) });
      });
      return toAccount(await requireLive(row.id));
    },

    'accounts.update': async ({ id, patch, expectedUpdatedAt }) => {
      const row = await requireLive(id);
      if (patch.name !== undefined) await requireUniqueName(patch.name, id);
      await writeAtVersion('accounts.update', row, expectedUpdatedAt, patch);
      return toAccount(await requireLive(id));
    },

    'accounts.delete': async ({ id, expectedUpdatedAt }) => {
      const row = await requireLive(id);
      await writeAtVersion('accounts.delete', row, expectedUpdatedAt, { deletedAt: now().toISOString() });
      return { id, name: row.name };
    },

    'accounts.restore': async ({ id, expectedUpdatedAt }) => {
      const row = await findDeletedAccount(db, id);
      if (!row) throw new ApiFailure('not_found', 'There is no deleted account with that id to restore.', { id });
      await requireUniqueName(row.name);
      await writeAtVersion('accounts.restore', row, expectedUpdatedAt, { deletedAt: null });
      return toAccount(await requireLive(id));
    },
  };
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    customerSegment: row.customerSegment as CustomerSegmentKey,
    buyerType: row.buyerType as BuyerTypeKey,
    notes: row.notes,
    renewalDate: row.renewalDate,
    contractStartDate: row.contractStartDate,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toAccountSummary(row: AccountSummaryRow): AccountSummary {
  const models = (row.revenueModelsCsv ?? '').split(',').filter((m): m is RevenueModelKey =>
    (REVENUE_MODELS as readonly string[]).includes(m),
  );
  return {
    ...toAccount(row),
    revenueModels: [...new Set(models)].sort(),
    stakeholderCount: row.stakeholderCount,
    latestMetricMonth: row.latestMetricMonth,
  };
}
