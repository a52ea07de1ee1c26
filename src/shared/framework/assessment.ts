import { z } from 'zod';
import {
  BUYER_TYPES,
  CUSTOMER_SEGMENTS,
  ENGAGEMENT_GATES,
  HYBRID_STRUCTURES,
  PAYMENT_ENVIRONMENTS,
  REVENUE_MODELS,
  STREAM_MODELS,
  VALUE_ORIENTATIONS,
} from './keys';

/*
 * The framework assessment of one account: what identify() concluded, possibly corrected by the CSM.
 * It is what gets saved per account per quarter and what the value map and deck plan read.
 */

/** Whether a stream is the floor that keeps the lights on or the performance upside. */
export const STREAM_ROLES = ['sole', 'base', 'performance'] as const;
export type StreamRole = (typeof STREAM_ROLES)[number];

export const assessmentStreamSchema = z.object({
  id: z.string().trim().min(1),
  label: z.string().optional(),
  model: z.enum(STREAM_MODELS),
  variant: z.string().nullable().default(null),
  paymentEnvironment: z.enum(PAYMENT_ENVIRONMENTS).nullable().default(null),
  orientation: z.enum(VALUE_ORIENTATIONS).default('unknown'),
  role: z.enum(STREAM_ROLES).default('sole'),
});
/** One revenue stream of an assessed account. */
export type AssessmentStream = z.infer<typeof assessmentStreamSchema>;

export const frameworkAssessmentSchema = z.object({
  catalogVersion: z.string().min(1),
  primaryModel: z.enum(REVENUE_MODELS),
  hybridStructure: z.enum(HYBRID_STRUCTURES).nullable().default(null),
  streams: z.array(assessmentStreamSchema).min(1),
  engagementGates: z.array(z.enum(ENGAGEMENT_GATES)).default([]),
  customerSegment: z.enum(CUSTOMER_SEGMENTS).nullable().default(null),
  /** Who buys (payer, employer, provider…); null in assessments saved before it was recorded. */
  buyerType: z.enum(BUYER_TYPES).nullable().default(null),
});
/** The framework's reading of one account at one point in time. */
export type FrameworkAssessment = z.infer<typeof frameworkAssessmentSchema>;
