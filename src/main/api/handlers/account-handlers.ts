import { ApiFailure } from '../../../shared/api/errors';
import {
  REVENUE_MODELS,
  type BuyerTypeKey,
  type CustomerSegmentKey,
  type RevenueModelKey,
} from '../../../shared/framework/keys';
import type { Account, AccountListRow, AccountSummary } from '../../../shared/api/schemas/account-schemas';
import { healthSettings } from '../../services/insights/health-settings';
import { keptHealth, portfolioInsightOf } from '../../services/insights/portfolio-health';
import { portfolioFacts } from '../../services/portfolio/portfolio-facts';
import {
  findDeletedAccount,
  findLiveAccount,
  findLiveAccountByName,
  insertAccount,
  listAccountSummaries,
  type AccountSummaryRow,
} from '../../storage/db/repositories/accounts-repository';
import type { AccountRow, AccountRowUpdate } from '../../storage/db/tables/accounts-table';
import { findUser, findUserByName, setAccountOwner } from '../../storage/db/repositories/users-repository';
import { updateRowAtVersion } from '../../storage/db/repositories/versioned-rows-repository';
import { auditWrite, updateAtVersion, writeRowAtVersion, type VersionedRow } from './row-writes';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';

type AccountHandlers = Pick<
  ApiHandlers,
  'accounts.list' | 'accounts.get' | 'accounts.create' | 'accounts.update' | 'accounts.delete' | 'accounts.restore' | 'accounts.setOwner'
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
    await updateAtVersion(db, deps, method, accountRow(row), expected, changes);
  }

  /** The rows with the health kept for them and their setup facts: what `insights.portfolio` and `portfolio.facts` give for them. */
  async function withHealthAndSetup(rows: AccountSummary[]): Promise<AccountListRow[]> {
    const ids = rows.map((row) => row.id);
    // On one connection: on a team workspace, reads side by side would make the pool open new
    // connections (a server process each, ~250 ms of a cold start's contended cores against ~60 on
    // one connection), and they are on the first rows' path.
    const { kept, setup } = await db.connection().execute(async (connection) => {
      const settings = await healthSettings(connection, now);
      const [kept, setup] = await Promise.all([keptHealth({ db: connection }, ids, settings), portfolioFacts(connection, settings.today, ids)]);
      return { kept, setup };
    });
    return rows.map((row, i) => {
      const health = kept.get(row.id);
      return { ...row, ...(health ? { health: portfolioInsightOf(row.id, health) } : {}), setup: setup[i]! };
    });
  }

  async function summaryOf(id: string): Promise<AccountSummary> {
    const [row] = await listAccountSummaries(db, { search: '', sortBy: 'name', direction: 'asc' }, id);
    if (!row) throw new ApiFailure('not_found', 'That account no longer exists. It may have been deleted.', { id });
    return toAccountSummary(row);
  }

  return {
    'accounts.list': async (query) => {
      const rows = (await listAccountSummaries(db, query)).map(toAccountSummary);
      return query.withHealthAndSetup ? withHealthAndSetup(rows) : rows;
    },

    'accounts.get': async ({ id }) => summaryOf(id),

    'accounts.create': async (input) => {
      await requireUniqueName(input.name);
      const stamp = now().toISOString();
      const row = { id: newId(), ...input, createdAt: stamp, updatedAt: stamp };
      // A user of the workspace who creates an account owns it.
      const creator = await findUserByName(db, deps.session.actor);
      await db.transaction().execute(async (trx) => {
        await insertAccount(trx, row);
        if (creator) await setAccountOwner(trx, row.id, creator.id, stamp);
        await auditWrite(trx, deps, { method: 'accounts.create', tableName: 'accounts', rowId: row.id, rowVersion: stamp, fields: Object.keys(input), accountId: row.id, rowLabel: row.name });
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

    'accounts.setOwner': async ({ id, ownerId, expectedUpdatedAt }) => {
      const row = await requireLive(id);
      if (ownerId !== null && !(await findUser(db, ownerId))) {
        throw new ApiFailure('not_found', 'That user does not exist in this workspace.', { field: 'ownerId', id: ownerId });
      }
      // The account's version moves with its owner, so a form opened before sees the change.
      await writeRowAtVersion(db, deps, 'accounts.setOwner', accountRow(row), expectedUpdatedAt, ['owner'], async (trx, at, next) => {
        if (!(await updateRowAtVersion(trx, 'accounts', id, at, { updatedAt: next }))) return false;
        await setAccountOwner(trx, id, ownerId, next);
        return true;
      });
      return summaryOf(id);
    },
  };
}

function accountRow(row: AccountRow): VersionedRow & { table: 'accounts' } {
  return { table: 'accounts', id: row.id, accountId: row.id, updatedAt: row.updatedAt, label: row.name, what: `"${row.name}"` };
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
    ownerId: row.ownerId ?? null,
    ownerName: row.ownerName ?? null,
  };
}
