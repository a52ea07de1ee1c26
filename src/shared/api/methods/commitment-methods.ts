import { z } from 'zod';
import { defineMethod } from '../define-method';
import { expectedUpdatedAtSchema as expectedUpdatedAt, idSchema } from '../schemas/common';
import { commitmentFilterSchema, commitmentInputSchema, commitmentPatchSchema, commitmentSchema } from '../schemas/commitment-schemas';

export const commitmentMethods = {
  'commitments.list': defineMethod(commitmentFilterSchema, z.array(commitmentSchema), "An account's commitments ledger, newest quarter first, optionally narrowed by status and quarter raised."),
  'commitments.create': defineMethod(commitmentInputSchema, commitmentSchema, 'Adds a commitment to the ledger by hand (decks.export saves the accepted ones itself).'),
  'commitments.update': defineMethod(
    z.object({ id: idSchema, patch: commitmentPatchSchema, expectedUpdatedAt }).strict(),
    commitmentSchema,
    'Marks a commitment done, slipped or dropped, records its outcome, or corrects its text, owner or date.',
  ),
};
