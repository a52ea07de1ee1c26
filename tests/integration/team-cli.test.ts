import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/transports/cli/main';
import { makeTempDir } from '../support/temp-backend';

/* `qbr users`, `qbr accounts owner`, `--user NAME` and `qbr audit`: team semantics from the command line. */

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

describe('qbr users, owners and audit', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('sets up a team, hands out an account, refuses a non-owner by name, and shows who did what', async () => {
    const db = path.join(dir, 'w.sqlite');
    await run(['demo', '--db', db]);
    expect((await run(['users', '--db', db])).stdout).toContain('No users');
    expect(await run(['users', 'add', 'Mia Chen', '--role', 'manager', '--db', db, '--user', 'Mia Chen'])).toMatchObject({ code: 0, stdout: 'Added Mia Chen (manager).\n' });
    // Once there is a manager, only a manager changes the list.
    const refusedAdd = await run(['users', 'add', 'Ana', '--db', db], { QBR_USER: 'someone' });
    expect(refusedAdd.code).toBe(1);
    expect(refusedAdd.stderr).toContain('Only a manager can change the list of users');
    expect((await run(['users', 'add', 'Ana', '--db', db], { QBR_USER: 'mia chen' })).code).toBe(0);

    const accounts = JSON.parse((await run(['accounts', '--db', db, '--json'])).stdout) as { name: string }[];
    const name = accounts[0]!.name;
    expect(await run(['accounts', 'owner', name, 'ana', '--db', db, '--user=Mia Chen'])).toMatchObject({ code: 0, stdout: `${name} is now owned by Ana.\n` });
    expect((await run(['accounts', '--db', db])).stdout).toMatch(/Owner[\s\S]*Ana/);

    const refused = await run(['accounts', 'owner', name, '--none', '--db', db], { QBR_USER: 'Ben' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`"${name}" is owned by Ana: only Ana or a manager can change it, and you are "Ben", who is not a user of this workspace. Nothing was saved.`);

    const audit = await run(['audit', '--db', db, '--account', name]);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/Mia Chen\s+accounts\.setOwner\s+\S.*owner/);
    const json = JSON.parse((await run(['audit', '--db', db, '--actor', 'Mia Chen', '--json'])).stdout) as { entries: { method: string }[] };
    expect(json.entries.map((e) => e.method)).toEqual(['accounts.setOwner', 'users.add', 'users.add']);
    expect((await run(['users', 'rename', 'nobody', 'x', '--db', db, '--user', 'Mia Chen'])).stderr).toContain('There is no user called "nobody"');
    expect((await run(['users', '--db', db, '--user', ''])).code).toBe(2);
  });
});
