import { z } from 'zod';
import { COMMITMENT_KINDS, COMMITMENT_OWNER_SIDES, COMMITMENT_STATUSES } from '../../commitments/commitment';
import { quarterSchema } from './assessment-schemas';
import { idSchema, isoDateSchema, longTextSchema, requiredName, storableText } from './common';

/*
 * The commitments ledger over the API. One set of field rules for creating, editing, accepting a
 * proposal at export and restoring an export (restore-row-rules.ts parses restored rows with
 * commitmentInputSchema), so no path stores what another would refuse.
 */

const commitmentTextSchema = requiredName({ max: 500, empty: 'Say what was committed to' });
/** The owner as slides name them ("Dana Whitfield", "Alex Chen (CSM)"); may be empty while unknown. */
const ownerNameSchema = storableText(200).trim();

/** The fields a person writes; shared by create, accept-at-export and restore. */
const commitmentFields = {
  kind: z.enum(COMMITMENT_KINDS),
  text: commitmentTextSchema,
  ownerSide: z.enum(COMMITMENT_OWNER_SIDES),
  ownerName: ownerNameSchema.default(''),
  stakeholderId: idSchema.nullable().default(null),
  dueDate: isoDateSchema.nullable().default(null),
};

export const commitmentInputSchema = z
  .object({
    accountId: idSchema,
    ...commitmentFields,
    quarterRaised: quarterSchema,
    status: z.enum(COMMITMENT_STATUSES).default('open'),
    outcomeNote: longTextSchema.default(''),
  })
  .strict();
export type CommitmentInput = z.input<typeof commitmentInputSchema>;

export const commitmentPatchSchema = z
  .object({
    text: commitmentTextSchema.optional(),
    ownerSide: z.enum(COMMITMENT_OWNER_SIDES).optional(),
    ownerName: ownerNameSchema.optional(),
    stakeholderId: idSchema.nullable().optional(),
    dueDate: isoDateSchema.nullable().optional(),
    status: z.enum(COMMITMENT_STATUSES).optional(),
    outcomeNote: longTextSchema.optional(),
  })
  .strict();
export type CommitmentPatch = z.input<typeof commitmentPatchSchema>;

/**
 * A proposal from the deck plan as the CSM accepted it (possibly edited) in the deck builder; sent
 * with decks.plan / decks.export. `proposalKey` ties it to the plan's proposal, so exporting the
 * quarter again updates the same ledger entry.
 */
export const acceptedCommitmentSchema = z
  .object({
    proposalKey: z.string().min(1).max(200),
    ...commitmentFields,
    // A commitment the customer sees names who owns it and by when.
    ownerName: requiredName({ max: 200, empty: 'Name who owns it' }),
    dueDate: isoDateSchema,
  })
  .strict();
export type AcceptedCommitment = z.output<typeof acceptedCommitmentSchema>;
export type AcceptedCommitmentInput = z.input<typeof acceptedCommitmentSchema>;

export const commitmentSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  kind: z.enum(COMMITMENT_KINDS),
  text: z.string(),
  ownerSide: z.enum(COMMITMENT_OWNER_SIDES),
  ownerName: z.string(),
  stakeholderId: idSchema.nullable(),
  dueDate: z.string().nullable(),
  quarterRaised: z.string(),
  deckId: idSchema.nullable(),
  proposalKey: z.string().nullable(),
  status: z.enum(COMMITMENT_STATUSES),
  outcomeNote: z.string(),
  /** Still owed and past its due date, as of the backend's today. */
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const commitmentFilterSchema = z
  .object({
    accountId: idSchema,
    /** Only these statuses; all when omitted. */
    status: z.array(z.enum(COMMITMENT_STATUSES)).min(1).max(4).optional(),
    /** Only those raised in this quarter. */
    quarterRaised: quarterSchema.optional(),
  })
  .strict();
