import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { findPostgresBin, isRunning, stopLeftoverServers } from '../support/postgres-server';

/*
 * The private PostgreSQL servers of test runs and the bench never outlive their run: a server dies
 * with the process that started it, even one killed with SIGKILL, and the next start stops and
 * removes whatever a killed run left (tests/support/postgres-server.ts), never a live run's server.
 */

const bin = findPostgresBin();
const CHILD = fileURLToPath(new URL('../support/postgres-owner-child.ts', import.meta.url));

/** Starts a server in a child process, as a test run would; resolves with it once it serves. */
function startOwner(mode: 'follow' | 'stay'): Promise<{ owner: ReturnType<typeof spawn>; root: string; pid: number; url: string }> {
  const owner = spawn(process.execPath, ['--import', 'tsx', CHILD, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    owner.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('\n')) resolve({ owner, ...(JSON.parse(out.split('\n')[0]!) as { root: string; pid: number; url: string }) });
    });
    owner.on('exit', (code) => reject(new Error(`the owner exited with ${code}: ${out}`)));
  });
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function killAndWait(owner: ReturnType<typeof spawn>): Promise<void> {
  const exited = new Promise((resolve) => owner.once('exit', resolve));
  owner.kill('SIGKILL');
  await exited;
}

async function stops(pid: number, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

describe.skipIf(!bin)('private PostgreSQL servers of killed runs', () => {
  it('a server dies with the process that started it, even one killed with SIGKILL; the next start removes its folder', async () => {
    const { owner, root, pid, url } = await startOwner('follow');
    expect(await answers(url)).toBe(true);
    await killAndWait(owner);
    expect(await stops(pid)).toBe(true);
    expect(fs.existsSync(root)).toBe(true);
    expect(stopLeftoverServers(bin!)).toContain(root);
    expect(fs.existsSync(root)).toBe(false);
  });

  it("a server a killed run left running is stopped by the next start's sweep; a live run's server is never touched", async () => {
    const { owner, root, pid, url } = await startOwner('stay');
    await killAndWait(owner);
    // As a run older than the watchdog would leave it: the owner is gone, the server still serves.
    expect(await answers(url)).toBe(true);
    const removed = stopLeftoverServers(bin!);
    expect(removed).toContain(root);
    expect(isRunning(pid)).toBe(false);
    expect(fs.existsSync(root)).toBe(false);
    // This run's own server (owned by the live vitest process) answers as before.
    const ours = inject('postgresUrl');
    if (ours) expect(await answers(ours)).toBe(true);
  });
});
