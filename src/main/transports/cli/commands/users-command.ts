import { parseArgs } from 'node:util';
import { USER_ROLES, type User, type UserRole } from '../../../../shared/api/schemas/user-schemas';
import { nameKey } from '../../../../shared/text/name-key';
import type { BackendClient } from '../../../api/backend-client';
import { CliUsageError, type CliCommand } from '../cli-io';
import { resolveWorkspacePath, withBackend } from '../cli-backend';
import { formatTable } from '../format-table';

/** `qbr users`: the workspace's named users; `add` and `rename` change them (a manager, once there is one). */
export const usersCommand: CliCommand = {
  name: 'users',
  summary: "List the workspace's users (who owns accounts, who manages); `add NAME [--role csm|manager]`, `rename NAME NEW_NAME`.",
  usage: 'qbr users [add NAME [--role csm|manager] | rename NAME NEW_NAME] --db FILE [--json]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { db: { type: 'string' }, json: { type: 'boolean' }, role: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const [action, ...names] = positionals;
    if (values.role !== undefined && !(USER_ROLES as readonly string[]).includes(values.role)) {
      throw new CliUsageError(`Unknown role "${values.role}"; use ${USER_ROLES.join(' or ')}.`);
    }
    if (action === 'add' && names.length !== 1) throw new CliUsageError('Name the user to add: qbr users add NAME.');
    if (action === 'rename' && names.length !== 2) throw new CliUsageError('Name the user and the new name: qbr users rename NAME NEW_NAME.');
    if (action !== undefined && action !== 'add' && action !== 'rename') throw new CliUsageError(`Unknown action "${action}"; use add or rename.`);
    if (action !== 'add' && values.role !== undefined) throw new CliUsageError('--role goes with add.');
    const workspacePath = resolveWorkspacePath(values.db, io);
    const result = await withBackend(
      workspacePath,
      async (backend) => {
        const client = backend.client;
        if (action === 'add') return { done: await client.call('users.add', { name: names[0]!, role: (values.role ?? 'csm') as UserRole }), verb: 'Added' };
        if (action === 'rename') {
          const user = await findUser(client, names[0]!);
          if ('error' in user) return user;
          return { done: await client.call('users.rename', { id: user.id, name: names[1]! }), verb: 'Renamed' };
        }
        return { users: await client.call('users.list', {}), me: await client.call('users.current', {}) };
      },
      { writes: action !== undefined },
    );
    if ('error' in result) {
      io.stderr(`qbr users: ${result.error}\n`);
      return 1;
    }
    if ('done' in result && result.done) {
      const { done, verb } = result;
      io.stdout(values.json ? `${JSON.stringify(done, null, 2)}\n` : `${verb} ${done.name} (${roleLabel(done.role)}).\n`);
      return 0;
    }
    if (!('users' in result)) return 1;
    if (values.json) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    if (result.users.length === 0) {
      io.stdout('No users: anyone may write every account (a workspace for one person). Add the first with `qbr users add NAME --role manager`.\n');
      return 0;
    }
    const you = result.me.user ? `You are ${result.me.user.name} (${roleLabel(result.me.user.role)}).` : `You are "${result.me.actor}", who is not a user here: you can write only accounts without an owner (say --user NAME).`;
    io.stdout(`${formatTable(['User', 'Role'], result.users.map((u) => [u.name, roleLabel(u.role)]))}${you}\n`);
    return 0;
  },
};

export function roleLabel(role: UserRole): string {
  return role === 'manager' ? 'manager' : 'CSM';
}

/** The user a command line names (any case, Unicode form or spacing), or the reason there is none. */
export async function findUser(client: BackendClient, name: string): Promise<User | { error: string }> {
  const wanted = nameKey(name);
  const user = (await client.call('users.list', {})).find((u) => nameKey(u.name) === wanted);
  return user ?? { error: `There is no user called "${name}" in this workspace (see \`qbr users\`).` };
}
