import { z } from 'zod';
import { defineMethod } from '../define-method';
import { expectedUpdatedAtSchema as expectedUpdatedAt, idSchema } from '../schemas/common';
import { goalInputSchema, goalPatchSchema, goalSchema } from '../schemas/goal-schemas';

export const goalMethods = {
  'goals.list': defineMethod(z.object({ accountId: idSchema }).strict(), z.array(goalSchema), "An account's success-plan goals."),
  'goals.create': defineMethod(goalInputSchema, goalSchema, 'Adds a success-plan goal.'),
  'goals.update': defineMethod(z.object({ id: idSchema, patch: goalPatchSchema, expectedUpdatedAt }).strict(), goalSchema, 'Changes a goal.'),
  'goals.delete': defineMethod(
    z.object({ id: idSchema, expectedUpdatedAt }).strict(),
    goalSchema,
    'Removes a goal; returns the removed record so the UI can offer undo (re-create).',
  ),
};
