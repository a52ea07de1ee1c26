import { z } from 'zod';
import { DECK_TYPES } from '../../deck-plan/deck-plan-types';
import { deckPlanEditsSchema } from '../../deck-plan/deck-edits';
import { ARCHETYPES } from '../../framework/keys';
import { quarterSchema } from './assessment-schemas';
import { idSchema } from './common';
import { audienceSchema } from './deck-schemas';

/*
 * The deck builder's drafts. A draft is keyed by account + deck type + audience (in the order
 * chosen: the first person leads the deck) + quarter; its edits are keyed by stable slide id, so
 * they apply to the plan again whenever the numbers change, and a later quarter can start from an
 * earlier quarter's edits for the same account, audience and deck type (issue 15).
 */

/** Which draft: account, deck type, audience and quarter. */
export const deckDraftKeySchema = z
  .object({
    accountId: idSchema,
    deckType: z.enum(DECK_TYPES),
    audience: audienceSchema,
    quarter: quarterSchema,
  })
  .strict();
export type DeckDraftKey = z.infer<typeof deckDraftKeySchema>;

export const deckDraftInputSchema = deckDraftKeySchema
  .extend({
    edits: deckPlanEditsSchema,
    /** False while the audience is the builder's suggestion (it then follows the deck type). */
    audienceChosen: z.boolean().default(true),
  })
  .strict();
export type DeckDraftInput = z.input<typeof deckDraftInputSchema>;

export const deckDraftSchema = z.object({
  accountId: idSchema,
  deckType: z.enum(DECK_TYPES),
  audience: z.array(z.enum(ARCHETYPES)),
  quarter: z.string(),
  edits: deckPlanEditsSchema,
  audienceChosen: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DeckDraft = z.infer<typeof deckDraftSchema>;

/** An account's drafts, narrowed by deck type, audience and quarters before one. */
export const deckDraftFilterSchema = z
  .object({
    accountId: idSchema,
    deckType: z.enum(DECK_TYPES).optional(),
    audience: audienceSchema.optional(),
    /** Only quarters before this one (exclusive): "last quarter's edits". */
    beforeQuarter: quarterSchema.optional(),
  })
  .strict();

/** Last quarter's edits as next quarter's deck starts from them (decks.lastQuarterEdits). */
export const carriedEditsSchema = z.object({
  /** The quarter of the draft the edits came from. */
  fromQuarter: z.string(),
  /** The edits whose slide is still in this quarter's plan. */
  edits: deckPlanEditsSchema,
  /** Edits naming slides this quarter's plan no longer has, in words. */
  notApplied: z.array(z.object({ slideId: z.string(), kind: z.enum(['hidden', 'order', 'title', 'notes', 'section']), description: z.string() })),
});
export type CarriedEdits = z.infer<typeof carriedEditsSchema>;
