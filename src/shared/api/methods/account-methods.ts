import { z } from 'zod';
import { defineMethod } from '../define-method';
import {
  accountInputSchema,
  accountListQuerySchema,
  accountPatchSchema,
  accountSchema,
  accountSummarySchema,
} from '../schemas/account-schemas';
import { idSchema } from '../schemas/common';

const byIdSchema = z.object({ id: idSchema }).strict();

export const accountMethods = {
  'accounts.list': defineMethod(accountListQuerySchema, z.array(accountSummarySchema), 'Live accounts, searched and sorted.'),
  'accounts.get': defineMethod(byIdSchema, accountSummarySchema, 'One live account with its list-level aggregates.'),
  'accounts.create': defineMethod(accountInputSchema, accountSchema, 'Creates an account; names are unique.'),
  'accounts.update': defineMethod(
    z.object({ id: idSchema, patch: accountPatchSchema }).strict(),
    accountSchema,
    'Changes some fields of an account.',
  ),
  'accounts.delete': defineMethod(
    byIdSchema,
    z.object({ id: idSchema, name: z.string() }),
    'Moves an account to the trash; `accounts.restore` undoes it.',
  ),
  'accounts.restore': defineMethod(byIdSchema, accountSchema, 'Brings a deleted account back, with everything it had.'),
};
