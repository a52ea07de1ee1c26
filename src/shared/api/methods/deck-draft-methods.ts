import { z } from 'zod';
import { defineMethod } from '../define-method';
import { idSchema } from '../schemas/common';
import { carriedEditsSchema, deckDraftFilterSchema, deckDraftInputSchema, deckDraftKeySchema, deckDraftSchema } from '../schemas/deck-draft-schemas';

/** The deck builder's saved drafts (see deck-draft-schemas.ts). */
export const deckDraftMethods = {
  'decks.saveDraft': defineMethod(deckDraftInputSchema, deckDraftSchema, "Saves the deck builder's edits and choices for one account, deck type, audience and quarter."),
  'decks.getDraft': defineMethod(deckDraftKeySchema, deckDraftSchema.nullable(), 'The draft for exactly this account, deck type, audience and quarter, or null.'),
  'decks.latestDraft': defineMethod(z.object({ accountId: idSchema }).strict(), deckDraftSchema.nullable(), 'The draft saved last for an account (what the deck builder reopens with), or null.'),
  'decks.listDrafts': defineMethod(deckDraftFilterSchema, z.array(deckDraftSchema), "An account's drafts, latest quarter first; narrowed by deck type, audience and quarters before one."),
  'decks.lastQuarterEdits': defineMethod(
    deckDraftKeySchema,
    carriedEditsSchema.nullable(),
    "What a new quarter's deck starts from: the latest earlier draft's edits for the same account, audience and deck type, kept where the slide is still in this quarter's plan, with the edits that no longer apply; null when there is none.",
  ),
};
