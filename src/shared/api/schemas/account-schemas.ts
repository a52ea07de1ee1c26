import { z } from 'zod';
import { BUYER_TYPES, CUSTOMER_SEGMENTS, REVENUE_MODELS } from '../../framework/keys';
import { idSchema, isoDateSchema, longTextSchema, requiredName } from './common';
import { portfolioInsightSchema } from './insight-schemas';
import { portfolioFactsSchema } from './portfolio-schemas';

export const accountNameSchema = requiredName({ max: 200, empty: 'Give the account a name', tooLong: 'Keep the name under 200 characters' });

/** What a user supplies to create an account. */
export const accountInputSchema = z
  .object({
    name: accountNameSchema,
    customerSegment: z.enum(CUSTOMER_SEGMENTS),
    buyerType: z.enum(BUYER_TYPES),
    notes: longTextSchema.default(''),
    renewalDate: isoDateSchema.nullable().default(null),
    contractStartDate: isoDateSchema.nullable().default(null),
  })
  .strict();
export type AccountInput = z.input<typeof accountInputSchema>;

/** A partial change to an account; omitted fields stay as they are. */
export const accountPatchSchema = z
  .object({
    name: accountNameSchema.optional(),
    customerSegment: z.enum(CUSTOMER_SEGMENTS).optional(),
    buyerType: z.enum(BUYER_TYPES).optional(),
    notes: longTextSchema.optional(),
    renewalDate: isoDateSchema.nullable().optional(),
    contractStartDate: isoDateSchema.nullable().optional(),
  })
  .strict();
export type AccountPatch = z.input<typeof accountPatchSchema>;

export const accountSchema = z.object({
  id: idSchema,
  name: z.string(),
  customerSegment: z.enum(CUSTOMER_SEGMENTS),
  buyerType: z.enum(BUYER_TYPES),
  notes: z.string(),
  renewalDate: z.string().nullable(),
  contractStartDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

/** One row of the portfolio list: the account plus what the list shows and sorts by. */
export const accountSummarySchema = accountSchema.extend({
  revenueModels: z.array(z.enum(REVENUE_MODELS)),
  stakeholderCount: z.number().int().nonnegative(),
  /** Latest month with any metric (YYYY-MM), or null when no metrics are recorded. */
  latestMetricMonth: z.string().nullable(),
  /** The user who owns the account (they and managers write it), or null: anyone may. */
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const ACCOUNT_SORT_KEYS = ['name', 'renewalDate', 'updatedAt', 'customerSegment'] as const;
export type AccountSortKey = (typeof ACCOUNT_SORT_KEYS)[number];

export const accountListQuerySchema = z
  .object({
    /** Matched against names as stored (NFC), so a decomposed "Café" finds "Café". */
    search: z.string().max(200).default('').transform((text) => text.normalize('NFC')),
    sortBy: z.enum(ACCOUNT_SORT_KEYS).default('name'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    /** At most this many accounts, the first in that order (a window's first screen, while the rest load); all when absent. */
    limit: z.number().int().min(1).max(100_000).optional(),
    /**
     * Each row also brings what its other cells show, as far as it is known without working
     * anything out: the health the workspace has kept for it (as `insights.portfolio` gives it)
     * and its setup facts (as `portfolio.facts` gives them). The window's first screen asks for it.
     */
    withHealthAndSetup: z.boolean().optional(),
  })
  .strict();
export type AccountListQuery = z.input<typeof accountListQuerySchema>;

/** A row of `accounts.list`: with `withHealthAndSetup`, its kept health (absent when none is kept or it is out of date) and its setup facts. */
export const accountListRowSchema = accountSummarySchema.extend({
  health: portfolioInsightSchema.optional(),
  setup: portfolioFactsSchema.optional(),
});
export type AccountListRow = z.infer<typeof accountListRowSchema>;
