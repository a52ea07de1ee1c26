import { z } from 'zod';
import { idSchema, isoDateSchema, requiredName, shortTextSchema } from './common';

/** A goal's numbers: null means not known yet, which is different from zero. */
const goalNumber = z.number().finite().nullable();

const goalTitleSchema = requiredName({ max: 300, empty: 'Describe the goal' });

export const goalInputSchema = z
  .object({
    accountId: idSchema,
    streamId: idSchema.nullable().default(null),
    title: goalTitleSchema,
    metricKey: z.string().max(100).nullable().default(null),
    unit: shortTextSchema.default(''),
    baseline: goalNumber.default(null),
    target: goalNumber.default(null),
    current: goalNumber.default(null),
    dueDate: isoDateSchema.nullable().default(null),
  })
  .strict();
export type GoalInput = z.input<typeof goalInputSchema>;

export const goalPatchSchema = z
  .object({
    streamId: idSchema.nullable().optional(),
    title: goalTitleSchema.optional(),
    metricKey: z.string().max(100).nullable().optional(),
    unit: shortTextSchema.optional(),
    baseline: goalNumber.optional(),
    target: goalNumber.optional(),
    current: goalNumber.optional(),
    dueDate: isoDateSchema.nullable().optional(),
  })
  .strict();
export type GoalPatch = z.input<typeof goalPatchSchema>;

export const goalSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  streamId: idSchema.nullable(),
  title: z.string(),
  metricKey: z.string().nullable(),
  unit: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  current: z.number().nullable(),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Goal = z.infer<typeof goalSchema>;
