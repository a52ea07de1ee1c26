import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/main/api/backend';
import { runCli } from '../../src/main/transports/cli/main';
import { FIXED_NOW, makeTempDir, sequentialIds } from '../support/temp-backend';

/*
 * Issue 13, item 4: `qbr export --out` replaced any existing file without asking (backup and deck
 * refuse without --force), and the export of a big workspace was one JSON string. Restoring read
 * the export back as one string too (and refused files over 512 MB), so a big workspace could be
 * exported but not restored.
 */

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  return { code, stdout, stderr };
}

describe('workspace export file safety', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('qbr export refuses an existing file without --force and replaces it with --force', async () => {
    const db = path.join(dir, 'client.sqlite');
    expect((await cli(['demo', '--db', db])).code).toBe(0);
    const out = path.join(dir, 'thesis.json');
    fs.writeFileSync(out, 'someone else’s work\n');

    const refused = await cli(['export', '--db', db, '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists');
    expect(refused.stderr).toContain('--force');
    expect(fs.readFileSync(out, 'utf8')).toBe('someone else’s work\n');
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('.qbr-tmp'))).toEqual([]);

    const forced = await cli(['export', '--db', db, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toMatchObject({ format: 'qbr-workbench-workspace' });
  });

  it('workspace.exportJson answers conflict for an existing path unless overwrite is set', async () => {
    const backend = await openBackend({ workspacePath: path.join(dir, 'client.sqlite'), transport: 'direct', now: () => FIXED_NOW, newId: sequentialIds(), log: () => {} });
    try {
      const out = path.join(dir, 'export.json');
      await backend.client.call('workspace.exportJson', { path: out });
      await expect(backend.client.call('workspace.exportJson', { path: out })).rejects.toMatchObject({ code: 'conflict', details: { field: 'path' } });
      await expect(backend.client.call('workspace.exportJson', { path: out, overwrite: true })).resolves.toMatchObject({ path: out });
    } finally {
      await backend.close();
    }
  });
});

describe('streaming export', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('exports 600,000 observations within a 160 MB heap: no single giant string or array', () => {
    const observations = 600_000;
    const result = spawnSync(process.execPath, ['--max-old-space-size=160', '--import', 'tsx', path.resolve('tests/support/big-export-child.ts'), dir, String(observations)], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`${observations} metric values`);
    // The file is a whole export: it ends where a document ends, and its last table closes.
    const file = path.join(dir, 'big.json');
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r');
    const tail = Buffer.alloc(64);
    fs.readSync(fd, tail, 0, 64, size - 64);
    fs.closeSync(fd);
    expect(tail.toString('utf8')).toMatch(/"auditLog": \[\]\n\}\n$/);
  }, 180_000);
});

describe('streaming restore', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('restores an export of 600,000 observations within a 160 MB heap, every value as it was', () => {
    const observations = 600_000;
    const child = (script: string, args: string[]) =>
      spawnSync(process.execPath, ['--max-old-space-size=160', '--import', 'tsx', path.resolve('tests/support', script), dir, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const exported = child('big-export-child.ts', [String(observations)]);
    expect(exported.status, exported.stderr).toBe(0);
    // The export file alone is larger than the heap the restore may use.
    expect(fs.statSync(path.join(dir, 'big.json')).size).toBeGreaterThan(160 * 1024 * 1024 * 0.9);

    const restored = child('big-restore-child.ts', []);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/metricObservations\s+600000\s/);

    const summary = (file: string) => {
      const sqlite = new SqliteDatabase(file, { readonly: true });
      try {
        return sqlite.prepare('SELECT count(*) AS n, total(value) AS sum, max(account_id || stream_id || metric_key || month || value) AS last FROM metric_observations').get();
      } finally {
        sqlite.close();
      }
    };
    expect(summary(path.join(dir, 'restored.sqlite'))).toEqual(summary(path.join(dir, 'big.sqlite')));
  }, 400_000);
});
