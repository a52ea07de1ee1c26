import { ApiFailure } from '../../../shared/api/errors';
import type { Goal } from '../../../shared/api/schemas/goal-schemas';
import { findGoal, findStream, insertGoal, listGoals } from '../../storage/db/repositories/account-children-repository';
import { auditCreate, deleteAtVersion, updateAtVersion, type VersionedRow } from './row-writes';
import type { GoalRow } from '../../storage/db/tables/goals-table';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';
import type { KpiGoalReading } from '../../../shared/goals/goal-kpi';
import { readGoalKpis } from '../../services/goals/goal-readings';
import { requireLiveAccount } from './require-account';

type GoalHandlers = Pick<ApiHandlers, 'goals.list' | 'goals.create' | 'goals.update' | 'goals.delete'>;

export function goalHandlers(deps: HandlerDeps): GoalHandlers {
  const { workspace, now, newId } = deps;
  const { db } = workspace;
  const today = () => now().toISOString().slice(0, 10);

  /** Goals as the API returns them, KPI-linked ones with the engine's values. */
  async function withReadings(accountId: string, rows: readonly GoalRow[]): Promise<Goal[]> {
    const readings = await readGoalKpis(db, accountId, rows, today());
    return rows.map((row) => toGoal(row, readings.get(row.id) ?? null));
  }

  async function requireGoal(id: string): Promise<GoalRow> {
    const row = await findGoal(db, id);
    if (!row) throw new ApiFailure('not_found', 'That goal no longer exists.', { id });
    return row;
  }

  /** A goal may point at a stream only of its own account. */
  async function checkStream(accountId: string, streamId: string | null | undefined): Promise<void> {
    if (!streamId) return;
    const stream = await findStream(db, streamId);
    if (!stream || stream.accountId !== accountId) {
      throw new ApiFailure('invalid_input', 'The goal refers to a revenue stream of another account, or one that no longer exists.', { field: 'streamId' });
    }
  }

  return {
    'goals.list': async ({ accountId }) => {
      await requireLiveAccount(db, accountId);
      return withReadings(accountId, await listGoals(db, accountId));
    },

    'goals.create': async (input) => {
      await requireLiveAccount(db, input.accountId);
      await checkStream(input.accountId, input.streamId);
      const stamp = now().toISOString();
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await insertGoal(trx, { id, ...input, createdAt: stamp, updatedAt: stamp });
        await auditCreate(trx, deps, 'goals.create', { table: 'goals', id, accountId: input.accountId, updatedAt: stamp, label: input.title }, Object.keys(input).filter((key) => key !== 'accountId'));
      });
      return (await withReadings(input.accountId, [await requireGoal(id)]))[0]!;
    },

    'goals.update': async ({ id, patch, expectedUpdatedAt }) => {
      const goal = await requireGoal(id);
      await checkStream(goal.accountId, patch.streamId);
      await updateAtVersion(db, deps, 'goals.update', versioned(goal), expectedUpdatedAt, patch);
      return (await withReadings(goal.accountId, [await requireGoal(id)]))[0]!;
    },

    'goals.delete': async ({ id, expectedUpdatedAt }) => {
      const goal = await requireGoal(id);
      await deleteAtVersion(db, deps, 'goals.delete', versioned(goal), expectedUpdatedAt);
      return toGoal(goal, null);
    },
  };
}

function versioned(row: GoalRow): VersionedRow & { table: 'goals' } {
  return { table: 'goals', id: row.id, accountId: row.accountId, updatedAt: row.updatedAt, label: row.title, what: `the goal "${row.title}"` };
}

/** A stored goal as the API returns it, with the KPI engine's reading when it is KPI-linked. */
export function toGoal(row: GoalRow, kpi: KpiGoalReading | null): Goal {
  return { ...row, kpi };
}
