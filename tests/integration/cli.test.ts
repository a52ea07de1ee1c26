import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/main/api/backend';
import { CLI_COMMAND_LOADERS, runCli } from '../../src/main/transports/cli/main';
import { makeTempDir } from '../support/temp-backend';

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

describe('qbr CLI', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('demo writes the demo portfolio once; a second run adds nothing', async () => {
    const db = path.join(dir, 'w.sqlite');
    const first = await run(['demo', '--db', db, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ accountsCreated: 9 });
    const second = await run(['demo', '--db', db]);
    expect(second.stdout).toContain('nothing was added');
  });

  it('deck --all writes one deck per account and names the quarter it wrote them for', async () => {
    const db = path.join(dir, 'w.sqlite');
    await run(['demo', '--db', db]);
    const named = path.join(dir, 'q3');
    const current = path.join(dir, 'current');
    fs.mkdirSync(named);
    fs.mkdirSync(current);
    const result = await run(['deck', '--db', db, '--all', '--audience', 'auto', '--quarter', '2026Q3', '--out-dir', named]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^9 of 9 decks written for Q3 2026\.$/m);
    // Without --quarter the summary names the quarter the decks were planned for, not a placeholder.
    const defaulted = await run(['deck', '--db', db, '--all', '--audience', 'auto', '--out-dir', current]);
    expect(defaulted.stdout).toMatch(/^9 of 9 decks written for Q[1-4] \d{4}\.$/m);
  }, 120_000);

  it('accounts lists the workspace as a table and as JSON, reading QBR_DB when --db is absent', async () => {
    const db = path.join(dir, 'w.sqlite');
    await run(['demo', '--db', db]);
    const table = await run(['accounts'], { QBR_DB: db });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Account\s+Segment\s+Revenue models\s+Renewal\s+Stakeholders/);
    expect(table.stdout).toContain('Granite State ACO');
    const json = JSON.parse((await run(['accounts', '--db', db, '--json', '--search', 'cardio'])).stdout);
    expect(json.map((a: { name: string }) => a.name)).toEqual(['Riverbend Cardiology Associates']);
  });

  it('each command is loaded under its own name (the CLI loads only the command it runs)', async () => {
    for (const [name, load] of Object.entries(CLI_COMMAND_LOADERS)) expect((await load()).name).toBe(name);
  });

  it('--account finds an account by its name, a part of its name, or says which several it could be', async () => {
    const db = path.join(dir, 'w.sqlite');
    const backend = await openBackend({ workspacePath: db, transport: 'direct' });
    const create = (name: string, notes = '') => backend.client.call('accounts.create', { name, notes, customerSegment: 'employer', buyerType: 'employer' });
    await create('Northwind Health');
    await create('Northwind Health Partners');
    // Another account whose notes mention the text: a name's part is the name's, not the notes'.
    await create('Contoso Clinics', 'Referred by Lakeshore Rehab.');
    await create('Lakeshore Rehab');
    await create('Lakeshore Rehab West');
    await backend.close();
    const named = async (account: string) => {
      const result = await run(['signals', '--db', db, '--account', account, '--json']);
      return result.code === 0 ? JSON.parse(result.stdout).account : result.stderr.trim();
    };
    expect(await named('northwind health')).toBe('Northwind Health');
    expect(await named('Partners')).toBe('Northwind Health Partners');
    expect(await named('Northwind')).toBe('qbr signals: "Northwind" matches several accounts: Northwind Health, Northwind Health Partners.');
    expect(await named('Rehab West')).toBe('Lakeshore Rehab West');
    expect(await named('Lakeshore Rehab')).toBe('Lakeshore Rehab');
    expect(await named('Contoso Clinic')).toBe('Contoso Clinics');
    expect(await named('Referred')).toBe('qbr signals: There is no account called "Referred" in this workspace.');
  });

  it('accounts on an empty workspace says how to add some', async () => {
    const db = path.join(dir, 'empty.sqlite');
    await (await openBackend({ workspacePath: db, transport: 'direct', log: () => {} })).close();
    const result = await run(['accounts', '--db', db]);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('No accounts yet');
  });

  it('unknown commands and bad arguments print usage and exit 2', async () => {
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.stderr).toContain('Usage: qbr <command>');
    const badOption = await run(['accounts', '--db', path.join(dir, 'w.sqlite'), '--colour']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('Usage: qbr accounts');
    const missingDb = await run(['accounts']);
    expect(missingDb.code).toBe(2);
    expect(missingDb.stderr).toContain('--db FILE');
    expect((await run([])).code).toBe(2);
  });

  it('a file that is not a workspace fails with a clear message and exit 1', async () => {
    const result = await run(['accounts', '--db', path.join(process.cwd(), 'package.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not a QBR Workbench workspace');
  });

  it('the bin entry runs from the TypeScript sources with no build step', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.resolve('bin/qbr.mjs'), 'help']);
    expect(stdout).toContain('qbr demo --db FILE');
  });
});
