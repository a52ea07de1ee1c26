import { z } from 'zod';
import { idSchema, isoDateSchema, requiredName, shortTextSchema } from './common';

/** A goal's numbers: null means not known yet, which is different from zero. */
const goalNumber = z.number().finite().nullable();

/** YYYY-MM: the month a goal started; a KPI-linked goal reads its baseline there. */
const startMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month like 2026-03');

const goalTitleSchema = requiredName({ max: 300, empty: 'Describe the goal' });

export const goalInputSchema = z
  .object({
    accountId: idSchema,
    streamId: idSchema.nullable().default(null),
    title: goalTitleSchema,
    /** A KPI key (the goal is then measured by the KPI engine) or a metric key, or null for a free-text goal. */
    metricKey: z.string().max(100).nullable().default(null),
    unit: shortTextSchema.default(''),
    baseline: goalNumber.default(null),
    target: goalNumber.default(null),
    current: goalNumber.default(null),
    dueDate: isoDateSchema.nullable().default(null),
    /** Null: the month the goal is created. */
    startMonth: startMonthSchema.nullable().default(null),
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
    startMonth: startMonthSchema.nullable().optional(),
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
  startMonth: z.string().nullable(),
  /**
   * For a goal measured by a KPI: the engine's values (baseline at the start month, current at the
   * account's latest month with data, history between); null for a free-text goal.
   */
  kpi: z
    .object({
      key: z.string(),
      label: z.string(),
      unit: z.enum(['fraction', 'percent', 'days', 'usd', 'count', 'score']),
      higherIsBetter: z.boolean(),
      streamId: z.string(),
      baselineMonth: z.string(),
      baseline: z.number().nullable(),
      currentMonth: z.string(),
      current: z.number().nullable(),
      history: z.array(z.object({ month: z.string(), value: z.number().nullable() })),
    })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Goal = z.infer<typeof goalSchema>;
