import { z } from 'zod';
import { defineMethod } from '../define-method';
import { idSchema } from '../schemas/common';
import { currentUserSchema, userInputSchema, userNameSchema, userSchema } from '../schemas/user-schemas';

/** The workspace's named users and who this session acts as (issue 17). */
export const userMethods = {
  'users.list': defineMethod(z.object({}).strict(), z.array(userSchema), "The workspace's users, by name."),
  'users.add': defineMethod(userInputSchema, userSchema, 'Adds a named user (a CSM, or a manager who may write every account); names are unique ignoring case.'),
  'users.rename': defineMethod(z.object({ id: idSchema, name: userNameSchema }).strict(), userSchema, 'Renames a user; the accounts they own stay theirs.'),
  'users.current': defineMethod(z.object({}).strict(), currentUserSchema, 'Who this session acts as, and whether writes are checked.'),
  'users.choose': defineMethod(
    z.object({ userId: idSchema }).strict(),
    currentUserSchema,
    'Chooses who you are in this session (the app\'s "You are" picker): later writes are checked and recorded as that user.',
  ),
};
