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

/**
 * The account's `updatedAt` as the caller read it: its version. A write over a newer version is
 * refused as `conflict` listing what changed since (team workspaces: someone else saved first).
 * Without it the write applies to whatever the row holds now, as before.
 */
const expectedUpdatedAt = z.string().min(1).max(40).optional();
const versionedByIdSchema = z.object({ id: idSchema, expectedUpdatedAt }).strict();

export const accountMethods = {
  'accounts.list': defineMethod(accountListQuerySchema, z.array(accountSummarySchema), 'Live accounts, searched and sorted.'),
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
};
