import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * A private PostgreSQL server for the tests: initdb + pg_ctl in a temp folder, on a free port,
 * listening on 127.0.0.1 and a socket in that folder only, stopped and removed at the end. Never a
 * system service. PostgreSQL refuses to run as root, so when the tests run as root the server
 * runs as `nobody`, owning only its temp folder.
 */

/** Where Debian's postgresql package puts the server binaries (overridable with QBR_PG_BIN). */
const PG_BIN_CANDIDATES = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];

/** Roles in this group log in with a password (scram-sha-256); see tests/support/postgres-password-role.ts. */
export const PASSWORD_LOGIN_GROUP = 'qbr_password_login';

export interface TestPostgres {
  /** Superuser URL of the server's `postgres` database, e.g. postgres://qbr@127.0.0.1:54123/postgres */
  url: string;
  stop(): void;
}

/** The folder holding initdb/pg_ctl, or null when PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
  const candidates = process.env.QBR_PG_BIN ? [process.env.QBR_PG_BIN] : PG_BIN_CANDIDATES;
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))) ?? null;
}

/** Starts a throwaway server; `port` should be free (see freePort). */
export function startTestPostgres(bin: string, port: number): TestPostgres {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qbr-pg-'));
  const dataDir = path.join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  // runuser keeps the environment minimal; the folder must belong to the user the server runs as.
  if (asRoot) fs.chownSync(root, 65534, 65534);
  fs.chmodSync(root, 0o700);
  const run = (command: string, args: string[]): void => {
    const full = path.join(bin, command);
    const result = asRoot
      ? spawnSync('runuser', ['-u', 'nobody', '--', full, ...args], { encoding: 'utf8', cwd: root })
      : spawnSync(full, args, { encoding: 'utf8', cwd: root });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout || result.error?.message}`);
  };
  run('initdb', ['-D', dataDir, '-U', 'qbr', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  // Members of qbr_password_login must give their password over TCP (team-connect tests: wrong or
  // missing passwords); everyone else is trusted. pg_hba.conf takes the first line that matches.
  const hba = path.join(dataDir, 'pg_hba.conf');
  fs.writeFileSync(hba, `host all +${PASSWORD_LOGIN_GROUP} 127.0.0.1/32 scram-sha-256\n${fs.readFileSync(hba, 'utf8')}`);
  run('pg_ctl', [
    '-D', dataDir, '-l', path.join(root, 'server.log'), '-w', '-t', '60',
    '-o', `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    'start',
  ]);
  return {
    url: `postgres://qbr@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

/** A TCP port nobody listens on right now (asked of the OS by a short-lived child). */
export function freePort(): number {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}
