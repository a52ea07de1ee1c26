import { z } from 'zod';
import type { AssessmentResult } from '../../assessment/assessment-result';
import { identificationAnswersSchema } from '../../framework/answers';
import { REVENUE_MODELS } from '../../framework/keys';
import { idSchema, storableText } from './common';

/** A calendar quarter such as 2026Q3. */
export const quarterSchema = z.string().regex(/^\d{4}Q[1-4]$/, 'Use a quarter like 2026Q3');

/** What the wizard saves: the answers plus the CSM's notes where they overrode the framework's orientation. */
export const assessmentInputSchema = z
  .object({
    accountId: idSchema,
    quarter: quarterSchema,
    answers: identificationAnswersSchema,
    /** Stream id → why the CSM's orientation differs from the rule's suggestion. */
    orientationNotes: z.record(z.string().max(100), storableText(2000)).default({}),
  })
  .strict();
export type AssessmentInput = z.input<typeof assessmentInputSchema>;

/** Results are computed by the backend from typed, pure functions; the schema only carries them. */
export const assessmentResultSchema = z.custom<AssessmentResult>((value) => typeof value === 'object' && value !== null);

export const assessmentRecordSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  quarter: z.string(),
  status: z.enum(['draft', 'final']),
  answers: identificationAnswersSchema,
  orientationNotes: z.record(z.string(), z.string()),
  /** Null for a draft never saved as final. */
  result: assessmentResultSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AssessmentRecord = z.infer<typeof assessmentRecordSchema>;

export const assessmentSummarySchema = z.object({
  id: idSchema,
  quarter: z.string(),
  status: z.enum(['draft', 'final']),
  primaryModel: z.enum(REVENUE_MODELS).nullable(),
  isHybrid: z.boolean(),
  openQuestionCount: z.number().int().nonnegative(),
  updatedAt: z.string(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;
