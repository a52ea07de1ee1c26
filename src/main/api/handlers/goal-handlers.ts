import { ApiFailure } from '../../../shared/api/errors';
import type { Goal } from '../../../shared/api/schemas/goal-schemas';
import { deleteGoal, findGoal, findStream, insertGoal, listGoals, updateGoal } from '../../storage/db/repositories/account-children-repository';
import type { GoalRow } from '../../storage/db/tables/goals-table';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';
import { requireLiveAccount } from './require-account';

type GoalHandlers = Pick<ApiHandlers, 'goals.list' | 'goals.create' | 'goals.update' | 'goals.delete'>;

export function goalHandlers({ workspace, now, newId }: HandlerDeps): GoalHandlers {
  const { db } = workspace;

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
      return (await listGoals(db, accountId)).map(toGoal);
    },

    'goals.create': async (input) => {
      await requireLiveAccount(db, input.accountId);
      await checkStream(input.accountId, input.streamId);
      const stamp = now().toISOString();
      const id = newId();
      await insertGoal(db, { id, ...input, createdAt: stamp, updatedAt: stamp });
      return toGoal(await requireGoal(id));
    },

    'goals.update': async ({ id, patch }) => {
      const goal = await requireGoal(id);
      await checkStream(goal.accountId, patch.streamId);
      await updateGoal(db, id, { ...patch, updatedAt: now().toISOString() });
      return toGoal(await requireGoal(id));
    },

    'goals.delete': async ({ id }) => {
      const goal = await requireGoal(id);
      await deleteGoal(db, id);
      return toGoal(goal);
    },
  };
}

export function toGoal(row: GoalRow): Goal {
  return { ...row };
}
