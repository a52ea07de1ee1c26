import { sql } from 'kysely';
import { nameKey } from '../../../../shared/text/name-key';
import type { WorkspaceDb } from '../database';
import { caseFolded } from '../sql-dialect';
import type { UserRow } from '../tables/users-table';

/*
 * The workspace's named users and who owns each account (schema 7). Names are compared as
 * nameKey compares account names (any case, Unicode form, spacing); the database's own unique
 * index holds them unique ignoring ASCII case on both engines.
 */

/** Every user, by name. */
export async function listUsers(db: WorkspaceDb): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy(caseFolded(db, sql.ref('name'))).orderBy('id').execute();
}

/** True when the workspace has at least one user (then writes are checked; see write-guard.ts). */
export async function hasUsers(db: WorkspaceDb): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function findUser(db: WorkspaceDb, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The user whose name looks the same as `name` (see nameKey), or undefined. */
export async function findUserByName(db: WorkspaceDb, name: string): Promise<UserRow | undefined> {
  const wanted = nameKey(name);
  return (await listUsers(db)).find((user) => nameKey(user.name) === wanted);
}

export async function insertUser(db: WorkspaceDb, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function renameUser(db: WorkspaceDb, id: string, name: string, updatedAt: string): Promise<void> {
  await db.updateTable('users').set({ name, updatedAt }).where('id', '=', id).execute();
}

/** The owner of an account (live or in the trash), or undefined when it has none. */
export async function findAccountOwner(db: WorkspaceDb, accountId: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('accountOwners as o')
    .innerJoin('users as u', 'u.id', 'o.userId')
    .selectAll('u')
    .where('o.accountId', '=', accountId)
    .executeTakeFirst();
}

/** Makes `userId` the account's owner, or with null leaves it without one. */
export async function setAccountOwner(db: WorkspaceDb, accountId: string, userId: string | null, updatedAt: string): Promise<void> {
  if (userId === null) {
    await db.deleteFrom('accountOwners').where('accountId', '=', accountId).execute();
    return;
  }
  await db
    .insertInto('accountOwners')
    .values({ accountId, userId, updatedAt })
    .onConflict((oc) => oc.column('accountId').doUpdateSet({ userId, updatedAt }))
    .execute();
}
