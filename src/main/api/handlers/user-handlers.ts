import { ApiFailure } from '../../../shared/api/errors';
import type { CurrentUser, User, UserRole } from '../../../shared/api/schemas/user-schemas';
import { nameKey } from '../../../shared/text/name-key';
import { findUser, findUserByName, hasUsers, insertUser, listUsers, renameUser } from '../../storage/db/repositories/users-repository';
import type { UserRow } from '../../storage/db/tables/users-table';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';
import { auditWrite } from './row-writes';

type UserHandlers = Pick<ApiHandlers, 'users.list' | 'users.add' | 'users.rename' | 'users.current' | 'users.choose'>;

/** The workspace's named users, and who this session acts as. Who may change them: write-guard.ts. */
export function userHandlers(deps: HandlerDeps): UserHandlers {
  const { workspace, now, newId, session } = deps;
  const { db } = workspace;

  async function requireUser(id: string): Promise<UserRow> {
    const row = await findUser(db, id);
    if (!row) throw new ApiFailure('not_found', 'That user does not exist in this workspace.', { id });
    return row;
  }

  async function requireUniqueName(name: string, exceptId?: string): Promise<void> {
    const clash = await findUserByName(db, name);
    if (clash && clash.id !== exceptId) {
      throw new ApiFailure('conflict', `There is already a user named "${clash.name}". User names must be unique (ignoring case).`, { field: 'name' });
    }
  }

  async function current(): Promise<CurrentUser> {
    const user = await findUserByName(db, session.actor);
    return { actor: session.actor, user: user ? toUser(user) : null, enforced: await hasUsers(db) };
  }

  return {
    'users.list': async () => (await listUsers(db)).map(toUser),

    'users.add': async ({ name, role }) => {
      await requireUniqueName(name);
      const stamp = now().toISOString();
      const row: UserRow = { id: newId(), name, role, createdAt: stamp, updatedAt: stamp };
      await db.transaction().execute(async (trx) => {
        await insertUser(trx, row);
        await auditWrite(trx, deps, { method: 'users.add', tableName: 'users', rowId: row.id, rowVersion: stamp, fields: ['name', 'role'], accountId: null, rowLabel: name });
      });
      return toUser(row);
    },

    'users.rename': async ({ id, name }) => {
      const before = await requireUser(id);
      await requireUniqueName(name, id);
      const stamp = now().toISOString();
      await db.transaction().execute(async (trx) => {
        await renameUser(trx, id, name, stamp);
        await auditWrite(trx, deps, { method: 'users.rename', tableName: 'users', rowId: id, rowVersion: stamp, fields: ['name'], accountId: null, rowLabel: name });
      });
      // A session acting as this user stays this user under the new name.
      if (nameKey(session.actor) === nameKey(before.name)) session.actor = name;
      return toUser(await requireUser(id));
    },

    'users.current': current,

    'users.choose': async ({ userId }) => {
      session.actor = (await requireUser(userId)).name;
      return current();
    },
  };
}

export function toUser(row: UserRow): User {
  return { id: row.id, name: row.name, role: row.role as UserRole, createdAt: row.createdAt, updatedAt: row.updatedAt };
}
