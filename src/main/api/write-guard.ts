import { API_METHOD_NAMES, type ApiMethodName } from '../../shared/api/contract';
import { ApiFailure } from '../../shared/api/errors';
import type { WorkspaceDb } from '../storage/db/database';
import { nameKey } from '../../shared/text/name-key';
import { findAccountOwner, listUsers } from '../storage/db/repositories/users-repository';
import { accountIdOfRow } from '../storage/db/repositories/versioned-rows-repository';
import type { UserRow } from '../storage/db/tables/users-table';
import type { ApiHandlers } from './api-handlers';
import type { HandlerDeps } from './handler-deps';
import { WRITE_TARGETS, writeTargetOf, type WriteTarget } from './write-targets';

/*
 * The one place a team workspace's write rules are enforced (issue 17). Everyone reads the whole
 * book; an account and every row of it are written only by its owner or a manager; an account
 * with no owner by anyone. A workspace with no users at all (every solo file) checks nothing.
 * Which account a call writes comes from WRITE_TARGETS, beside the cache effects of each method,
 * so no handler carries its own check. A refused call changes nothing: it never reaches its handler.
 */

/**
 * Wraps every writing method of the handler table with the ownership check.
 * @example const handlers = guardWrites(createHandlers(deps), deps);
 */
export function guardWrites(handlers: ApiHandlers, deps: Pick<HandlerDeps, 'workspace' | 'session'>): ApiHandlers {
  const wrapped = { ...handlers } as Record<ApiMethodName, (input: unknown) => Promise<unknown>>;
  for (const method of API_METHOD_NAMES) {
    if (WRITE_TARGETS[method] === 'read') continue;
    const handler = wrapped[method];
    wrapped[method] = async (input) => {
      const me = await checkWriteAllowed(deps.workspace.db, deps.session.actor, method, writeTargetOf(method, input));
      // The log records a user as the workspace spells them ("Mia Chen", though QBR_USER said "mia chen").
      if (me) deps.session.actor = me.name;
      return handler(input);
    };
  }
  return wrapped as unknown as ApiHandlers;
}

/**
 * Throws `not_owner` (an account of someone else) or `forbidden` (managers only) when `actor` may
 * not make this write; returns when it may (with the workspace user `actor` names, if it was
 * looked up), or when the workspace has no users.
 */
export async function checkWriteAllowed(db: WorkspaceDb, actor: string, method: string, target: 'read' | WriteTarget): Promise<UserRow | null> {
  if (target === 'read') return null;
  const users = await listUsers(db);
  if (users.length === 0) return null;
  const wanted = nameKey(actor);
  const me = users.find((user) => nameKey(user.name) === wanted) ?? null;
  if (target === 'open' || target === 'new-account' || me?.role === 'manager') return me;
  if (target === 'users') {
    // Until there is a manager anyone may set the team up; then managers keep the list.
    if (users.some((user) => user.role === 'manager')) throw managersOnly(method, actor, me, 'change the list of users');
    return me;
  }
  if (target === 'book') throw managersOnly(method, actor, me, 'write many accounts at once');
  const accountId = 'account' in target ? target.account : await accountIdOfRow(db, target.row.table, target.row.id);
  // A row that is not there: the handler says not_found.
  if (accountId === undefined) return me;
  const owner = await findAccountOwner(db, accountId);
  if (!owner || owner.id === me?.id) return me;
  const account = await db.selectFrom('accounts').select('name').where('id', '=', accountId).executeTakeFirst();
  const accountName = account?.name ?? accountId;
  throw new ApiFailure(
    'not_owner',
    `"${accountName}" is owned by ${owner.name}: only ${owner.name} or a manager can change it, and you are ${describeActor(actor, me)}. Nothing was saved.`,
    { accountId, accountName, ownerId: owner.id, ownerName: owner.name, actor, method },
  );
}

function managersOnly(method: string, actor: string, me: UserRow | null, what: string): ApiFailure {
  return new ApiFailure('forbidden', `Only a manager can ${what} (${method}), and you are ${describeActor(actor, me)}. Nothing was saved.`, {
    reason: 'manager_only',
    actor,
    method,
  });
}

/** 'Ben Ode (a CSM)', or '"root", who is not a user of this workspace'. */
function describeActor(actor: string, me: UserRow | null): string {
  return me ? `${me.name} (a CSM)` : `"${actor}", who is not a user of this workspace`;
}
