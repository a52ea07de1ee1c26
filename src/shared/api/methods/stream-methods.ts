import { z } from 'zod';
import { defineMethod } from '../define-method';
import { expectedUpdatedAtSchema as expectedUpdatedAt, idSchema } from '../schemas/common';
import { revenueStreamInputSchema, revenueStreamPatchSchema, revenueStreamSchema } from '../schemas/stream-schemas';

export const streamMethods = {
  'streams.list': defineMethod(z.object({ accountId: idSchema }).strict(), z.array(revenueStreamSchema), "An account's revenue streams."),
  'streams.create': defineMethod(revenueStreamInputSchema, revenueStreamSchema, 'Adds a revenue stream with its model and contract terms.'),
  'streams.update': defineMethod(
    z.object({ id: idSchema, patch: revenueStreamPatchSchema, expectedUpdatedAt }).strict(),
    revenueStreamSchema,
    'Changes a revenue stream; model and terms change together.',
  ),
  'streams.delete': defineMethod(
    z.object({ id: idSchema, expectedUpdatedAt }).strict(),
    z.object({ id: idSchema, name: z.string(), observationsDeleted: z.number().int().nonnegative() }),
    'Removes a revenue stream and the monthly metrics recorded against it.',
  ),
};
