import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/transports/cli/main';
import { seedImportAccounts, writeLongMetricsCsv } from '../support/metrics-import-fixtures';
import { makeTempDir, openTempBackend } from '../support/temp-backend';
import { importAndWait } from './metrics-import/import-test-helpers';

/*
 * Encoding and text, through the API and the CLI: windows-1252 whose first accented byte comes
 * late in the file, Unicode normalisation of names (NFD "Café" is "Café"), terminal escape
 * sequences in CSV cells, and relative paths under `npm run`.
 */

const HEADER = 'account,stream,metric,month,value\n';
const R = 'Riverbend Cardiology Associates';

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  return { code, stdout, stderr };
}

describe('windows-1252 whose first accented byte comes after the first 64 KB', () => {
  let env: Awaited<ReturnType<typeof openTempBackend>>;
  beforeEach(async () => {
    env = await openTempBackend();
    await env.backend.client.call('demo.load', {});
    const cafe = await env.backend.client.call('accounts.create', { name: 'Café Clinic', customerSegment: 'physician_practice', buyerType: 'provider' });
    await env.backend.client.call('streams.create', { accountId: cafe.id, name: 'RPM', revenueModel: 'cpt_rpm' });
  });
  afterEach(async () => env.cleanup());

  it.each([70 * 1024, 300 * 1024, 1_100 * 1024])('is read as windows-1252 when the accent is at byte %i', async (offset) => {
    // One valid row, then filler rows (row errors, not values) until the accented byte.
    const filler = Buffer.from(`${HEADER.trimEnd()},note\n${`${R},,rpm_enrolled_patients,2019-01,5,${'x'.repeat(100)}\n`}${`,,,,,${'y'.repeat(100)}\n`.repeat(Math.ceil(offset / 106))}`, 'latin1');
    const accented = Buffer.from('Caf\xe9 Clinic,,rpm_enrolled_patients,2019-02,7,ok\n', 'latin1');
    const file = path.join(env.dir, 'late-accent.csv');
    fs.writeFileSync(file, Buffer.concat([filler, accented]));
    const preview = await env.backend.client.call('import.preview', { source: { kind: 'path', path: file } });
    expect(preview.refusal).toBeNull();
    expect(preview.encoding).toBe('windows-1252');
    const { final } = await importAndWait(env.backend, { source: { kind: 'path', path: file }, mode: 'valid-rows' });
    expect(final.result).toMatchObject({ committed: true, encoding: 'windows-1252' });
    const stored = env.backend.workspace.sqlite!.prepare("SELECT a.name FROM metric_observations m JOIN accounts a ON a.id = m.account_id WHERE m.month = '2019-02' AND m.metric_key = 'rpm_enrolled_patients'").pluck().all();
    expect(stored).toEqual(['Café Clinic']);
  });

  it('a UTF-8 file with a broken byte later on is refused, naming where the byte is', async () => {
    const head = Buffer.from(`${HEADER}Café Clinic,,rpm_enrolled_patients,2019-01,5\n`, 'utf8');
    const filler = Buffer.from(`${R},,rpm_enrolled_patients,2019-02,6\n`.repeat(3000), 'utf8');
    const broken = Buffer.from('Caf\xe9 Clinic,,rpm_enrolled_patients,2019-03,7\n', 'latin1');
    const file = path.join(env.dir, 'mixed.csv');
    fs.writeFileSync(file, Buffer.concat([head, filler, broken]));
    const preview = await env.backend.client.call('import.preview', { source: { kind: 'path', path: file } });
    expect(preview.refusal?.code).toBe('encoding');
    // 1-based: the 4th byte of "Caf\xe9".
    const at = (head.length + filler.length + 4).toLocaleString('en-US');
    expect(preview.refusal?.message).toContain(`byte ${at}`);
    expect(preview.refusal?.message).not.toContain('after byte 0');
  });
});

describe('a file read in many chunks', () => {
  let env: Awaited<ReturnType<typeof openTempBackend>>;
  beforeEach(async () => {
    env = await openTempBackend();
    seedImportAccounts(env.backend.workspace.sqlite!, 20);
    const cafe = await env.backend.client.call('accounts.create', { name: 'Café Clinic', customerSegment: 'physician_practice', buyerType: 'provider' });
    await env.backend.client.call('streams.create', { accountId: cafe.id, name: 'RPM', revenueModel: 'cpt_rpm' });
  });
  afterEach(async () => env.cleanup());

  // Chunks of nothing but ASCII text lie between the accented rows (in UTF-8 they are read as their
  // own bytes; in UTF-16 their bytes are ASCII too, and must still be decoded as UTF-16).
  it.each(['utf-8', 'utf-16le', 'utf-16be'] as const)('reads every row of a %s file with a BOM and accented names at its start, middle and end', async (encoding) => {
    const generated = path.join(env.dir, 'ascii.csv');
    writeLongMetricsCsv(generated, { accounts: 20, metrics: 40, months: 50 });
    const [header, ...ascii] = fs.readFileSync(generated, 'utf8').trim().split('\n');
    const cafe = (month: string, value: number) => `Café Clinic,,rpm_enrolled_patients,${month},${value}`;
    const text = [header, cafe('2019-01', 1), ...ascii.slice(0, 20_000), cafe('2019-02', 2), ...ascii.slice(20_000), cafe('2019-03', 3)].join('\r\n') + '\r\n';
    const bytes = encoding === 'utf-8' ? Buffer.from(`\ufeff${text}`, 'utf8') : Buffer.from(`\ufeff${text}`, 'utf16le');
    if (encoding === 'utf-16be') bytes.swap16();
    expect(bytes.length).toBeGreaterThan(5 * 256 * 1024);
    const file = path.join(env.dir, `${encoding}.csv`);
    fs.writeFileSync(file, bytes);
    const preview = await env.backend.client.call('import.preview', { source: { kind: 'path', path: file } });
    expect(preview).toMatchObject({ encoding, refusal: null, errorCount: 0, counts: { rows: ascii.length + 3, valid: ascii.length + 3, wouldAdd: ascii.length + 3 } });
    const { final } = await importAndWait(env.backend, { source: { kind: 'path', path: file }, mode: 'valid-rows' });
    expect(final.result).toMatchObject({ committed: true, counts: { added: ascii.length + 3 } });
    const stored = env.backend.workspace.sqlite!.prepare("SELECT m.month, m.value FROM metric_observations m JOIN accounts a ON a.id = m.account_id WHERE a.name = 'Café Clinic' ORDER BY m.month").raw().all();
    expect(stored).toEqual([['2019-01', 1], ['2019-02', 2], ['2019-03', 3]]);
  });
});

describe('names are Unicode-normalised (NFC) when written and when looked up', () => {
  let env: Awaited<ReturnType<typeof openTempBackend>>;
  const NFD = 'Cafe\u0301 Clinic';
  const NFC = 'Café Clinic';
  beforeEach(async () => {
    env = await openTempBackend();
  });
  afterEach(async () => env.cleanup());

  it('stores NFC and refuses a second account that only looks different', async () => {
    const created = await env.backend.client.call('accounts.create', { name: NFD, customerSegment: 'employer', buyerType: 'employer' });
    expect(created.name).toBe(NFC);
    for (const twin of [NFC, NFD, 'CAFÉ CLINIC', 'Café\u00A0Clinic', 'Café\u200B Clinic', 'Ｃａｆé Clinic']) {
      const result = await env.backend.dispatch('accounts.create', { name: twin, customerSegment: 'employer', buyerType: 'employer' });
      expect(result, JSON.stringify(twin)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
    const stream = await env.backend.client.call('streams.create', { accountId: created.id, name: 'Pre\u0301vention', revenueModel: 'pmpm_pepm' });
    expect(stream.name).toBe('Prévention');
  });

  it('finds the account from an NFD name in the CLI and in a CSV', async () => {
    const created = await env.backend.client.call('accounts.create', { name: NFC, customerSegment: 'employer', buyerType: 'employer' });
    await env.backend.client.call('streams.create', { accountId: created.id, name: 'Prévention', revenueModel: 'pmpm_pepm' });
    const text = `${HEADER}${NFD},Pre\u0301vention,pmpm_active_members,2019-01,5\nCAFÉ CLINIC,,pmpm_active_members,2019-02,6\n`;
    const { final } = await importAndWait(env.backend, { source: { kind: 'text', fileName: 'nfd.csv', text }, mode: 'all-or-nothing' });
    expect(final.result).toMatchObject({ committed: true, counts: { added: 2 } });
    await env.backend.close();
    const signals = await cli(['signals', '--db', env.workspacePath, '--account', NFD, '--json']);
    expect(signals.code, signals.stderr).toBe(0);
    expect(JSON.parse(signals.stdout).account).toBe(NFC);
    const imported = await cli(['import', '--db', env.workspacePath, '--account', 'CAFE\u0301 CLINIC', '--csv', writeCsv(env.dir, `${HEADER},,pmpm_active_members,2019-03,7\n`), '--json']);
    expect(imported.code, imported.stderr).toBe(0);
  });

  it('a restore that would leave two identical-looking live accounts is refused, changing nothing', async () => {
    const created = await env.backend.client.call('accounts.create', { name: NFC, customerSegment: 'employer', buyerType: 'employer' });
    const exportFile = path.join(env.dir, 'export.json');
    await env.backend.client.call('workspace.exportJson', { path: exportFile });
    const document = JSON.parse(fs.readFileSync(exportFile, 'utf8'));
    document.accounts.push({ ...document.accounts[0], id: 'twin', name: NFD });
    fs.writeFileSync(exportFile, JSON.stringify(document));
    const preview = await env.backend.client.call('workspace.previewImport', { path: exportFile, mode: 'merge' });
    expect(preview.problems.join(' ')).toMatch(/two accounts would be named/);
    const result = await env.backend.dispatch('workspace.importJson', { path: exportFile, mode: 'merge' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await env.backend.client.call('accounts.list', {})).map((a) => a.id)).toEqual([created.id]);
  });
});

function writeCsv(dir: string, text: string): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, text);
  return file;
}

describe('the CLI never prints control characters from user data raw', () => {
  it('escapes terminal escape sequences in CSV cells, account names and file names', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const db = path.join(dir, 'w.sqlite');
      expect((await cli(['demo', '--db', db])).code).toBe(0);
      const evil = '\u001b[2J\u001b[31mEvil\u001b]0;pwned\u0007 Clinic\u009b31m\r';
      const file = writeCsv(dir, `${HEADER}${evil},,rpm_enrolled_patients,2019-01,5\n${R},,not_a_metric\u001b[5m,2019-01,5\n`);
      for (const flags of [[], ['--json'], ['--dry-run']]) {
        const result = await cli(['import', '--db', db, '--csv', file, ...flags]);
        const output = result.stdout + result.stderr;
        expect(output).toContain('Evil');
        expect(output, flags.join(' ')).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
        if (flags.includes('--json')) expect(() => JSON.parse(result.stdout)).not.toThrow();
      }
      const lookup = await cli(['signals', '--db', db, '--account', evil]);
      expect(lookup.code).toBe(1);
      expect(lookup.stdout + lookup.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    } finally {
      cleanup();
    }
  });
});

describe('relative paths under npm run resolve where the user typed them', () => {
  const projectRoot = process.cwd();
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('npm run qbr -- demo --db rel.sqlite writes the file in the directory npm was run from', () => {
    const result = spawnSync('npm', ['--prefix', projectRoot, 'run', '--silent', 'qbr', '--', 'demo', '--db', 'rel.sqlite'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'rel.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(projectRoot, 'rel.sqlite'))).toBe(false);
  }, 120_000);

  it('npm run web -- --db rel.sqlite opens the workspace in the directory npm was run from', async () => {
    const child = spawn('npm', ['--prefix', projectRoot, 'run', '--silent', 'web', '--', '--no-build', '--db', 'rel-web.sqlite', '--app-data', 'app-data'], { cwd: dir, detached: true });
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`no address printed: ${text}`)), 60_000);
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('open:')) {
            clearTimeout(timer);
            resolve(text);
          }
        });
        child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      });
      expect(output).toContain(`workspace: ${path.join(dir, 'rel-web.sqlite')}`);
      expect(fs.existsSync(path.join(dir, 'app-data'))).toBe(true);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
    expect(fs.existsSync(path.join(projectRoot, 'rel-web.sqlite'))).toBe(false);
  }, 90_000);
});
