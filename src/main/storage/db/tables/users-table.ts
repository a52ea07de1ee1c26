import type { Selectable } from 'kysely';

/** A named person of the workspace (issue 17): a CSM owns accounts, a manager writes every account. */
export interface UsersTable {
  id: string;
  /** Unique ignoring case; what QBR_USER / --user name. */
  name: string;
  /** 'csm' or 'manager'. */
  role: string;
  createdAt: string;
  updatedAt: string;
}

export type UserRow = Selectable<UsersTable>;

/** Who owns an account; an account without a row here has no owner (anyone may write it). */
export interface AccountOwnersTable {
  accountId: string;
  userId: string;
  updatedAt: string;
}
