import { z } from 'zod';
import { defineMethod } from '../define-method';
import {
  accountInputSchema,
  accountListQuerySchema,
  accountListRowSchema,
  accountPatchSchema,
  accountSchema,
  accountSummarySchema,
} from '../schemas/account-schemas';
import { expectedUpdatedAtSchema as expectedUpdatedAt, idSchema } from '../schemas/common';

const byIdSchema = z.object({ id: idSchema }).strict();

const versionedByIdSchema = z.object({ id: idSchema, expectedUpdatedAt }).strict();

export const accountMethods = {
  'accounts.list': defineMethod(accountListQuerySchema, z.array(accountListRowSchema), 'Live accounts, searched and sorted.'),
  'accounts.get': defineMethod(byIdSchema, accountSummarySchema, 'One live account with its list-level aggregates.'),
  'accounts.create': defineMethod(accountInputSchema, accountSchema, 'Creates an account; names are unique.'),
  'accounts.update': defineMethod(
    z.object({ id: idSchema, patch: accountPatchSchema, expectedUpdatedAt }).strict(),
    accountSchema,
    'Changes some fields of an account.',
  ),
  'accounts.delete': defineMethod(
    versionedByIdSchema,
    z.object({ id: idSchema, name: z.string() }),
    'Moves an account to the trash; `accounts.restore` undoes it.',
  ),
  'accounts.restore': defineMethod(versionedByIdSchema, accountSchema, 'Brings a deleted account back, with everything it had.'),
  'accounts.setOwner': defineMethod(
    z.object({ id: idSchema, ownerId: idSchema.nullable(), expectedUpdatedAt }).strict(),
    accountSummarySchema,
    'Makes a user the owner of an account (they, and managers, write it), or with null leaves it without one.',
  ),
};
