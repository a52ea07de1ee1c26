import { z } from 'zod';
import { idSchema, requiredName } from './common';

/*
 * Named users of a workspace (issue 17): plain names, no passwords (see the README's team
 * workspace section for what a production deployment adds). A CSM writes the accounts they own;
 * a manager writes every account. A workspace without users checks nothing.
 */

export const USER_ROLES = ['csm', 'manager'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const userNameSchema = requiredName({ max: 100, empty: 'Give the user a name', tooLong: 'Keep the name under 100 characters' });

export const userSchema = z.object({
  id: idSchema,
  name: z.string(),
  role: z.enum(USER_ROLES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userInputSchema = z.object({ name: userNameSchema, role: z.enum(USER_ROLES).default('csm') }).strict();
export type UserInput = z.input<typeof userInputSchema>;

/** Who this session acts as: the actor name writes are recorded under, and the user it is, if any. */
export const currentUserSchema = z.object({
  actor: z.string(),
  /** The workspace user named `actor`, or null (then only unowned accounts can be written). */
  user: userSchema.nullable(),
  /** False while the workspace has no users: nothing is checked, as on a solo laptop. */
  enforced: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;
