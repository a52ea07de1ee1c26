import { z } from 'zod';
import { PAYMENT_ENVIRONMENTS, type PaymentEnvironmentKey, REVENUE_MODELS } from '../../framework/keys';
import { idSchema, isoDateSchema, requiredName } from './common';
import { hybridTermsSchema, pmpmTermsSchema, rpmTermsSchema, saasTermsSchema, type ModelTerms, valueBasedTermsSchema } from './stream-terms-schemas';

const streamNameSchema = requiredName({ max: 200, empty: 'Name the revenue stream' });

const commonStreamFields = {
  name: streamNameSchema,
  /** The buyer's payment environment for this stream; null while unknown. */
  paymentEnvironment: z.enum(PAYMENT_ENVIRONMENTS).nullable().default(null),
  startDate: isoDateSchema.nullable().default(null),
  endDate: isoDateSchema.nullable().default(null),
};

/**
 * One strict object per revenue model carrying `fields` plus that model's terms, so a stream's
 * model and terms are always validated as a pair.
 */
function byModel<F extends z.ZodRawShape>(fields: F) {
  return z.discriminatedUnion('revenueModel', [
    z.object({ ...fields, revenueModel: z.literal('cpt_rpm'), terms: rpmTermsSchema.default({}) }).strict(),
    z.object({ ...fields, revenueModel: z.literal('pmpm_pepm'), terms: pmpmTermsSchema.default({}) }).strict(),
    z.object({ ...fields, revenueModel: z.literal('saas_license'), terms: saasTermsSchema.default({}) }).strict(),
    z.object({ ...fields, revenueModel: z.literal('value_based'), terms: valueBasedTermsSchema.default({}) }).strict(),
    z.object({ ...fields, revenueModel: z.literal('hybrid'), terms: hybridTermsSchema.default({}) }).strict(),
  ]);
}

/** A revenue stream's model together with the terms that model uses. */
export const streamModelAndTermsSchema = byModel({});

export const revenueStreamInputSchema = byModel({ accountId: idSchema, ...commonStreamFields });
export type RevenueStreamInput = z.input<typeof revenueStreamInputSchema>;

/** Changing the model replaces the terms, so model and terms travel together when either changes. */
export const revenueStreamPatchSchema = z
  .object({
    name: streamNameSchema.optional(),
    paymentEnvironment: z.enum(PAYMENT_ENVIRONMENTS).nullable().optional(),
    startDate: isoDateSchema.nullable().optional(),
    endDate: isoDateSchema.nullable().optional(),
    modelAndTerms: streamModelAndTermsSchema.optional(),
  })
  .strict();
export type RevenueStreamPatch = z.input<typeof revenueStreamPatchSchema>;

export const revenueStreamSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  name: z.string(),
  revenueModel: z.enum(REVENUE_MODELS),
  paymentEnvironment: z.enum(PAYMENT_ENVIRONMENTS).nullable(),
  terms: z.record(z.string(), z.unknown()),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RevenueStream = z.infer<typeof revenueStreamSchema>;

/** What every stored stream has, whatever its model. */
interface StreamRecordBase {
  id: string;
  accountId: string;
  name: string;
  paymentEnvironment: PaymentEnvironmentKey | null;
  startDate: string | null;
  endDate: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A revenue stream as the backend holds it: its terms checked against its model's schema when read. */
export type StreamRecord = StreamRecordBase & ModelTerms;
