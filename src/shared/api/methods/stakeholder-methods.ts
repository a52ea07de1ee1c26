import { z } from 'zod';
import { defineMethod } from '../define-method';
import { expectedUpdatedAtSchema as expectedUpdatedAt, idSchema } from '../schemas/common';
import { stakeholderInputSchema, stakeholderPatchSchema, stakeholderSchema } from '../schemas/stakeholder-schemas';

export const stakeholderMethods = {
  'stakeholders.list': defineMethod(z.object({ accountId: idSchema }).strict(), z.array(stakeholderSchema), "An account's stakeholder map."),
  'stakeholders.create': defineMethod(stakeholderInputSchema, stakeholderSchema, 'Adds a person mapped to a framework archetype.'),
  'stakeholders.update': defineMethod(
    z.object({ id: idSchema, patch: stakeholderPatchSchema, expectedUpdatedAt }).strict(),
    stakeholderSchema,
    'Changes some fields of a stakeholder.',
  ),
  'stakeholders.delete': defineMethod(
    z.object({ id: idSchema, expectedUpdatedAt }).strict(),
    stakeholderSchema,
    'Removes a stakeholder; returns the removed record so the UI can offer undo (re-create).',
  ),
};
