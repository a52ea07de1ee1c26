import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend, type Backend } from '../../src/main/api/backend';

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
 * A backend on a new workspace file in a temp folder, with a fixed clock (FIXED_NOW unless `now` is
 * given, e.g. a day inside a running quarter) and predictable ids.
 */
export async function openTempBackend(options: { now?: Date } = {}): Promise<{ backend: Backend; workspacePath: string; dir: string; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = makeTempDir();
  const workspacePath = path.join(dir, 'workspace.sqlite');
  const now = options.now ?? FIXED_NOW;
  const backend = await openBackend({ workspacePath, transport: 'direct', now: () => now, newId: sequentialIds(), log: () => {} });
  return {
    backend,
    workspacePath,
    dir,
    cleanup: async () => {
      await backend.close();
      cleanup();
    },
  };
}
