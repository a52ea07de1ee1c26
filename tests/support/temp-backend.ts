import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend, type Backend, type BackendOptions } from '../../src/main/api/backend';
import { createTestDatabase, type TestDialect } from './test-dialects';

/** A fresh folder under the OS temp dir, removed by the returned cleanup. */
export function makeTempDir(prefix = 'qbr-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A fixed clock: tests must not depend on when they run. */
export const FIXED_NOW = new Date('2026-11-15T10:00:00.000Z');

/** Sequential ids so assertions can name them. */
export function sequentialIds(prefix = 'id'): () => string {
  let next = 0;
  return () => `${prefix}-${++next}`;
}

/**
 * A backend on a new, empty workspace with a fixed clock (FIXED_NOW unless `now` is given, e.g. a
 * day inside a running quarter) and predictable ids: a file in a temp folder (default), or with
 * `dialect: 'postgres'` a new database on the test server (tests/support/test-dialects.ts).
 * `workspacePath` is the file, or the database's URL.
 */
export async function openTempBackend(
  options: { now?: Date; dialect?: TestDialect; backend?: Partial<BackendOptions> } = {},
): Promise<{ backend: Backend; workspacePath: string; dir: string; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = makeTempDir();
  const database = options.dialect === 'postgres' ? await createTestDatabase() : null;
  const workspacePath = database?.url ?? path.join(dir, 'workspace.sqlite');
  const now = options.now ?? FIXED_NOW;
  const backend = await openBackend({ workspacePath, transport: 'direct', now: () => now, newId: sequentialIds(), log: () => {}, ...options.backend });
  return {
    backend,
    workspacePath,
    dir,
    cleanup: async () => {
      await backend.close();
      await database?.drop();
      cleanup();
    },
  };
}
