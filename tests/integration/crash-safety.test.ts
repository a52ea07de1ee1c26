import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/main/api/backend';
import { sweepTempFiles, TEMP_FILE_PREFIX } from '../../src/main/storage/files/atomic-write';
import { backupsFolderFor } from '../../src/main/storage/workspace/backup-files';
import { listBackups, verifyBackup } from '../../src/main/storage/workspace/backups';
import { openWorkspace } from '../../src/main/storage/workspace/open-workspace';
import { CRASH_ACCOUNT, crashFileContent } from '../support/crash-child';
import { makeTempDir } from '../support/temp-backend';

/*
 * Kills a child process at random moments while it imports, backs up or writes files, then checks
 * that nothing acknowledged was lost and nothing half-written is visible. Trial counts are
 * overridable (QBR_CRASH_TRIALS=200) for a longer soak; the defaults keep `npm test` quick.
 */

const CHILD = path.resolve('tests/support/crash-child.ts');
const TRIALS = Number(process.env.QBR_CRASH_TRIALS ?? 50);
const ROWS_PER_IMPORT = 2_000;
const IMPORTS_PER_CHILD = 12;

interface ChildRun {
  acked: number;
  finished: boolean;
  /** The child was killed after it reported ready and before it finished. */
  killedMidWork: boolean;
  stderr: string;
  elapsedMs: number;
}

/** Runs the child; kills it `killAfterMs` after it says ready (never, when null). */
function runChild(args: string[], killAfterMs: number | null): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let readyAt = 0;
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!readyAt && stdout.includes('ready\n')) {
        readyAt = performance.now();
        if (killAfterMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const acks = [...stdout.matchAll(/^ack (\d+)$/gm)].map((m) => Number(m[1]));
      const finished = stdout.includes('done\n');
      if (!signal && code !== 0) return reject(new Error(`child failed (${code}): ${stderr}`));
      resolve({ acked: acks.length ? Math.max(...acks) : 0, finished, killedMidWork: signal === 'SIGKILL' && readyAt > 0 && !finished, stderr, elapsedMs: readyAt ? performance.now() - readyAt : 0 });
    });
  });
}

/** What a workspace holds after a crash: integrity, and the distinct values of the import's rows. */
async function inspectWorkspace(file: string): Promise<{ integrity: string; values: number[]; rows: number }> {
  // Reopening is the "restart": it runs the quick check and sweeps temp files.
  const workspace = await openWorkspace(file, { now: () => new Date() });
  const integrity = String(workspace.sqlite!.pragma('integrity_check', { simple: true }));
  const rows = workspace.sqlite!.prepare('SELECT value, count(*) AS n FROM metric_observations GROUP BY value').all() as { value: number; n: number }[];
  await workspace.close();
  return { integrity, values: rows.map((r) => r.value).sort((a, b) => a - b), rows: rows.reduce((sum, r) => sum + r.n, 0) };
}

/** Problems with one import trial's outcome; [] when every acknowledged import is complete and none is partial. */
function importTrialProblems(outcome: Awaited<ReturnType<typeof inspectWorkspace>>, acked: number): string[] {
  const problems: string[] = [];
  if (outcome.integrity !== 'ok') problems.push(`integrity_check: ${outcome.integrity}`);
  if (outcome.values.length > 1) problems.push(`partial import: rows from imports ${outcome.values.join(', ')}`);
  const value = outcome.values[0] ?? 0;
  if (value < acked) problems.push(`acknowledged import ${acked} lost (workspace holds import ${value})`);
  if (value > acked + 1) problems.push(`holds import ${value}, beyond the one in flight`);
  if (outcome.rows !== 0 && outcome.rows !== ROWS_PER_IMPORT) problems.push(`${outcome.rows} rows instead of ${ROWS_PER_IMPORT}`);
  return problems;
}

const readdir = (folder: string): string[] => (fs.existsSync(folder) ? fs.readdirSync(folder) : []);

/** Runs `count` trials two at a time (each in its own folder): the machine has two cores. */
async function inPairs<T>(count: number, trial: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i += 2) results.push(...(await Promise.all([i, i + 1].filter((n) => n < count).map(trial))));
  return results;
}

const figures: Record<string, { trials: number; midWork: number; failures: number }> = {};

describe('crash safety: SIGKILL at random moments', () => {
  let dir: string;
  let cleanup: () => void;
  let seedFile: string;
  beforeAll(async () => {
    ({ dir, cleanup } = makeTempDir('qbr-crash-'));
    seedFile = path.join(dir, 'seed.sqlite');
    const backend = await openBackend({ workspacePath: seedFile, transport: 'direct', log: () => {} });
    const account = await backend.client.call('accounts.create', { name: CRASH_ACCOUNT, customerSegment: 'physician_practice', buyerType: 'provider' });
    // The crash CSV leaves the stream empty; its values go to the account's one RPM stream.
    await backend.client.call('streams.create', { accountId: account.id, name: 'RPM', revenueModel: 'cpt_rpm' });
    await backend.client.call('settings.update', { backupsToKeep: 3 });
    await backend.close();
  });
  afterAll(() => {
    cleanup();
    console.log(`crash-safety: ${JSON.stringify(figures)}`);
  });

  /** A fresh copy of the seed workspace for one trial. */
  function trialWorkspace(name: string): string {
    const file = path.join(dir, name, 'workspace.sqlite!');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(seedFile, file);
    return file;
  }

  async function killTrials(mode: 'import' | 'naive', trials: number): Promise<{ failures: string[][]; midWork: number }> {
    const calibration = await runChild([mode, trialWorkspace(`${mode}-calibrate`), String(IMPORTS_PER_CHILD), String(ROWS_PER_IMPORT)], null);
    expect(calibration.finished, calibration.stderr).toBe(true);
    const outcomes = await inPairs(trials, async (trial) => {
      const file = trialWorkspace(`${mode}-${trial}`);
      // Uniform over the whole run, so kills land in parsing, backups, writes and commits alike.
      const run = await runChild([mode, file, String(IMPORTS_PER_CHILD), String(ROWS_PER_IMPORT)], Math.random() * calibration.elapsedMs * 0.95);
      const problems = importTrialProblems(await inspectWorkspace(file), run.acked);
      const leftovers = [...readdir(path.dirname(file)), ...readdir(backupsFolderFor(file)).map((n) => `backups/${n}`)].filter((n) => n.includes(TEMP_FILE_PREFIX));
      if (leftovers.length) problems.push(`temp files left after restart: ${leftovers.join(', ')}`);
      for (const backup of listBackups(file)) {
        try {
          verifyBackup(backup.path);
        } catch (error) {
          problems.push(`torn backup ${backup.fileName}: ${(error as Error).message}`);
        }
      }
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
      return { problems, midWork: run.killedMidWork };
    });
    return { failures: outcomes.map((o) => o.problems), midWork: outcomes.filter((o) => o.midWork).length };
  }

  it(`the CSV importer: ${TRIALS} kills, every acknowledged import present, no partial import, backups whole`, async () => {
    const { failures, midWork } = await killTrials('import', TRIALS);
    const failed = failures.filter((p) => p.length > 0);
    figures.import = { trials: TRIALS, midWork, failures: failed.length };
    expect(failed).toEqual([]);
    expect(midWork).toBeGreaterThan(TRIALS / 2);
  }, 300_000);

  it('a deliberately non-transactional importer fails the same harness (the harness can fail)', async () => {
    const trials = 8;
    const { failures, midWork } = await killTrials('naive', trials);
    const caught = failures.filter((p) => p.some((problem) => problem.startsWith('partial import'))).length;
    figures.naive = { trials, midWork, failures: caught };
    expect(caught).toBeGreaterThan(0);
  }, 120_000);

  it('backups: kills while backing up never leave a torn backup or temp files after restart', async () => {
    const trials = 12;
    const file = trialWorkspace('backup-base');
    const seeded = await openBackend({ workspacePath: file, transport: 'direct', log: () => {} });
    await seeded.client.call('demo.load', {});
    await seeded.close();
    const calibration = await runChild(['backup', file, '8'], null);
    let failures = 0;
    let midWork = 0;
    for (let trial = 0; trial < trials; trial += 1) {
      const run = await runChild(['backup', file, '8'], Math.random() * calibration.elapsedMs);
      if (run.killedMidWork) midWork += 1;
      await sweepTempFiles(backupsFolderFor(file));
      const names = fs.readdirSync(backupsFolderFor(file));
      const torn = listBackups(file).filter((b) => {
        try {
          verifyBackup(b.path);
          return false;
        } catch {
          return true;
        }
      });
      if (torn.length || names.some((n) => n.startsWith(TEMP_FILE_PREFIX))) failures += 1;
    }
    figures.backup = { trials, midWork, failures };
    expect(failures).toBe(0);
    expect(new SqliteDatabase(file, { readonly: true }).pragma('quick_check', { simple: true })).toBe('ok');
  }, 120_000);

  it('atomic file writes (deck export path): the target is always one complete version, never torn', async () => {
    const trials = 12;
    const size = 4 * 1024 * 1024;
    const target = path.join(dir, 'writes', 'q4-review.pptx');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const calibration = await runChild(['write', target, '12', String(size)], null);
    let failures = 0;
    let midWork = 0;
    for (let trial = 0; trial < trials; trial += 1) {
      const run = await runChild(['write', target, '12', String(size)], Math.random() * calibration.elapsedMs);
      if (run.killedMidWork) midWork += 1;
      await sweepTempFiles(path.dirname(target));
      const content = fs.readFileSync(target);
      const version = Number(/^version (\d+)\n/.exec(content.subarray(0, 32).toString())?.[1] ?? -1);
      const whole = version >= 1 && content.equals(crashFileContent(version, size));
      const leftovers = fs.readdirSync(path.dirname(target)).filter((n) => n.startsWith(TEMP_FILE_PREFIX));
      // The previous trial finished some version, so the file exists; an acked version must not be replaced by an older one.
      if (!whole || version < run.acked || leftovers.length) failures += 1;
    }
    figures.write = { trials, midWork, failures };
    expect(failures).toBe(0);
  }, 120_000);
});
