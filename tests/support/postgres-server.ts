import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/*
 * A private PostgreSQL server for the tests and the bench: initdb in a temp folder, the server on
 * a free port, listening on 127.0.0.1 and a socket in that folder only, stopped with pg_ctl and
 * removed at the end. Never a system service. PostgreSQL refuses to run as root, so when we run as
 * root the server runs as `nobody`, owning only its temp folder.
 *
 * Nothing outlives the process that started it, even when that process is killed (a vitest run
 * stopped with SIGKILL, a bench interrupted): the server is this process's own child, started
 * through `setpriv --pdeathsig INT`, so the kernel asks it for a fast shutdown the moment its
 * parent dies. The folder it leaves, and any server a run older than this watchdog left behind, is
 * swept by the next start (stopLeftoverServers): each folder names its owner (owner.json: pid and
 * start time), and a folder whose owner is gone is stopped and removed. A folder whose owner still
 * runs (another engineer's test run) is never touched.
 */

/** Where Debian's postgresql package puts the server binaries (overridable with QBR_PG_BIN). */
const PG_BIN_CANDIDATES = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];
/** Every server folder is `<tmp>/qbr-pg-XXXXXX`. */
const FOLDER_PREFIX = 'qbr-pg-';
const OWNER_FILE = 'owner.json';
/** uid/gid of `nobody`/`nogroup` on Debian. */
const NOBODY = 65534;
const START_TIMEOUT_MS = 60_000;

/** Roles in this group log in with a password (scram-sha-256); see tests/support/postgres-password-role.ts. */
export const PASSWORD_LOGIN_GROUP = 'qbr_password_login';

export interface TestPostgres {
  /** Superuser URL of the server's `postgres` database, e.g. postgres://qbr@127.0.0.1:54123/postgres */
  url: string;
  /** The temp folder holding the data directory, the socket and server.log. */
  root: string;
  /** The postmaster's pid. */
  pid: number;
  stop(): void;
}

export interface StartOptions {
  /**
   * PostgreSQL settings (`-c name=value`). The tests' default trades durability for speed (fsync
   * off); the bench passes {} to measure the server as initdb makes it.
   */
  settings?: Record<string, string>;
  /** False only in the watchdog's own test, to leave a server behind as an older run would. */
  dieWithParent?: boolean;
}

/** The tests' settings: nothing here must survive a power cut, and 200 connections for parallel test files. */
export const TEST_SERVER_SETTINGS: Readonly<Record<string, string>> = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '200',
};

/** The folder holding initdb/pg_ctl/postgres, or null when PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
  const candidates = process.env.QBR_PG_BIN ? [process.env.QBR_PG_BIN] : PG_BIN_CANDIDATES;
  return candidates.find((dir) => ['initdb', 'pg_ctl', 'postgres'].every((name) => fs.existsSync(path.join(dir, name)))) ?? null;
}

/**
 * Starts a throwaway server on `port` (see freePort) that dies with this process; sweeps servers
 * left by killed runs first.
 * @example const server = await startTestPostgres(findPostgresBin()!, freePort()); try { … } finally { server.stop() }
 */
export async function startTestPostgres(bin: string, port: number, options: StartOptions = {}): Promise<TestPostgres> {
  stopLeftoverServers(bin);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), FOLDER_PREFIX));
  writeOwner(root, process.pid);
  const dataDir = path.join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) fs.chownSync(root, NOBODY, NOBODY);
  fs.chmodSync(root, 0o700);
  try {
    runAsServerUser(bin, 'initdb', ['-D', dataDir, '-U', 'qbr', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], root);
    // Members of qbr_password_login must give their password over TCP (team-connect tests: wrong or
    // missing passwords); everyone else is trusted. pg_hba.conf takes the first line that matches.
    const hba = path.join(dataDir, 'pg_hba.conf');
    fs.writeFileSync(hba, `host all +${PASSWORD_LOGIN_GROUP} 127.0.0.1/32 scram-sha-256\n${fs.readFileSync(hba, 'utf8')}`);
    const settings = Object.entries(options.settings ?? TEST_SERVER_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
    const serverArgs = ['-D', dataDir, '-p', String(port), '-k', root, '-c', 'listen_addresses=127.0.0.1', ...settings];
    const log = fs.openSync(path.join(root, 'server.log'), 'a');
    const child = spawn(...serverCommand(bin, serverArgs, asRoot, options.dieWithParent ?? true), { cwd: root, stdio: ['ignore', log, log], detached: false });
    fs.closeSync(log);
    // The server must not keep this process alive; it stops with it either way.
    child.unref();
    let exited: number | null | undefined;
    child.once('exit', (code) => (exited = code));
    await waitUntilReady(dataDir, () => exited, root);
    return {
      url: `postgres://qbr@127.0.0.1:${port}/postgres`,
      root,
      pid: child.pid!,
      stop: () => stopServer(bin, root),
    };
  } catch (error) {
    stopServer(bin, root);
    throw error;
  }
}

/**
 * Stops and removes every server folder whose owner process is gone (a run killed before it could
 * stop its server). Returns the folders removed. Folders of live owners, and folders without an
 * owner file, are left alone.
 */
export function stopLeftoverServers(bin: string, tmp = os.tmpdir()): string[] {
  const removed: string[] = [];
  for (const name of fs.readdirSync(tmp)) {
    if (!name.startsWith(FOLDER_PREFIX)) continue;
    const root = path.join(tmp, name);
    const owner = readOwner(root);
    if (!owner || isRunning(owner.pid, owner.startTicks)) continue;
    stopServer(bin, root);
    removed.push(root);
  }
  return removed;
}

/** A TCP port nobody listens on right now (asked of the OS by a short-lived child). */
export function freePort(): number {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}

/** Stops the server of `root` if one runs (fast shutdown, then immediate, then SIGKILL), and removes the folder. */
function stopServer(bin: string, root: string): void {
  const dataDir = path.join(root, 'data');
  try {
    const pid = postmasterPid(dataDir);
    if (pid !== null && isRunning(pid)) {
      const fast = tryAsServerUser(bin, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop'], root);
      if (!fast && isRunning(pid)) tryAsServerUser(bin, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', '-t', '10', 'stop'], root);
      if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The command line starting `postgres` as the server user, asking the kernel to send it SIGINT (fast shutdown) when its parent dies. */
function serverCommand(bin: string, serverArgs: string[], asRoot: boolean, dieWithParent: boolean): [string, string[]] {
  const postgres = path.join(bin, 'postgres');
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((candidate) => fs.existsSync(candidate));
  if (!setpriv) {
    // Without setpriv (not Debian) the server cannot follow its parent; the next start's sweep still stops it.
    if (asRoot) return ['runuser', ['-u', 'nobody', '--', postgres, ...serverArgs]];
    return [postgres, serverArgs];
  }
  // setpriv changes the user first and sets the parent-death signal last (a change of user would clear it), then execs postgres.
  const user = asRoot ? [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'] : [];
  const death = dieWithParent ? ['--pdeathsig', 'INT'] : [];
  return [setpriv, [...user, ...death, postgres, ...serverArgs]];
}

/** Waits until postmaster.pid says the server is ready for connections (what `pg_ctl -w` waits for). */
async function waitUntilReady(dataDir: string, exitCode: () => number | null | undefined, root: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode() !== undefined) throw new Error(`postgres exited with ${exitCode()}: ${readLog(root)}`);
    // Line 8 of postmaster.pid is the server's status: "ready" once it accepts connections.
    const status = readText(path.join(dataDir, 'postmaster.pid'))?.split('\n')[7]?.trim();
    if (status === 'ready') return;
    await sleep(50);
  }
  throw new Error(`postgres was not ready after ${START_TIMEOUT_MS / 1000} s: ${readLog(root)}`);
}

function runAsServerUser(bin: string, command: string, args: string[], cwd: string): void {
  const result = spawnAsServerUser(bin, command, args, cwd);
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout || result.error?.message}`);
}

function tryAsServerUser(bin: string, command: string, args: string[], cwd: string): boolean {
  return spawnAsServerUser(bin, command, args, cwd).status === 0;
}

function spawnAsServerUser(bin: string, command: string, args: string[], cwd: string) {
  const full = path.join(bin, command);
  // runuser keeps the environment minimal; the folder must belong to the user the server runs as.
  return process.getuid?.() === 0
    ? spawnSync('runuser', ['-u', 'nobody', '--', full, ...args], { encoding: 'utf8', cwd })
    : spawnSync(full, args, { encoding: 'utf8', cwd });
}

function writeOwner(root: string, pid: number): void {
  fs.writeFileSync(path.join(root, OWNER_FILE), JSON.stringify({ pid, startTicks: startTicks(pid) }));
}

function readOwner(root: string): { pid: number; startTicks: number | null } | null {
  try {
    const owner = JSON.parse(fs.readFileSync(path.join(root, OWNER_FILE), 'utf8')) as { pid?: unknown; startTicks?: unknown };
    return typeof owner.pid === 'number' ? { pid: owner.pid, startTicks: typeof owner.startTicks === 'number' ? owner.startTicks : null } : null;
  } catch {
    return null;
  }
}

function postmasterPid(dataDir: string): number | null {
  const pid = Number(readText(path.join(dataDir, 'postmaster.pid'))?.split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** /proc/PID/stat: [state, start time in clock ticks since boot], or null when there is no such process. */
function procStat(pid: number): [string, number] | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // The command name (field 2) may hold spaces and parentheses: the fields after it start past the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [fields[0]!, Number(fields[19])];
}

function startTicks(pid: number): number | null {
  return procStat(pid)?.[1] ?? null;
}

/**
 * Whether `pid` is a running process (a zombie is not: a killed server's parent may never reap it)
 * and, when `ticks` is given, the same one that was recorded (a reused pid is not).
 */
export function isRunning(pid: number, ticks: number | null = null): boolean {
  if (fs.existsSync('/proc/self/stat')) {
    const stat = procStat(pid);
    if (!stat || stat[0] === 'Z' || stat[0] === 'X') return false;
    return ticks === null || stat[1] === ticks;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function readLog(root: string): string {
  return (readText(path.join(root, 'server.log')) ?? '').trim().split('\n').slice(-5).join('\n');
}
