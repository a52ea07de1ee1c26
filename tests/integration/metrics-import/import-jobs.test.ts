import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempBackend } from '../../support/temp-backend';
import { seedImportAccounts, writeLongMetricsCsv } from '../../support/metrics-import-fixtures';
import { sha256File } from '../../support/workspace-files';
import { openBackend } from '../../../src/main/api/backend';
import { importAndWait } from './import-test-helpers';

/*
 * Long imports run as jobs: streamed with progress, cancellable with a rollback, and the app's own
 * connection keeps reading the last committed state while the import's transaction is open.
 */

const countRows = (env: Awaited<ReturnType<typeof openTempBackend>>) =>
  Number(env.backend.workspace.sqlite!.prepare('SELECT count(*) FROM metric_observations').pluck().get());

describe('import jobs on a generated 200,000-row file', () => {
  let env: Awaited<ReturnType<typeof openTempBackend>>;
  let csvPath: string;
  let rows: number;
  beforeAll(async () => {
    env = await openTempBackend();
    seedImportAccounts(env.backend.workspace.sqlite!, 100);
    csvPath = path.join(env.dir, 'big.csv');
    rows = writeLongMetricsCsv(csvPath, { accounts: 100, metrics: 40, months: 50 });
  });
  // The cancel test reopens the backend, so close whichever one is current.
  afterAll(async () => {
    await env.backend.close();
    fs.rmSync(env.dir, { recursive: true, force: true });
  });

  it('cancelling mid-import rolls back: the workspace file is byte-for-byte what it was', async () => {
    await env.backend.close();
    const before = sha256File(env.workspacePath);
    const backend = await openBackend({ workspacePath: env.workspacePath, transport: 'direct', log: () => {} });
    try {
      const { jobId } = await backend.client.call('import.start', { source: { kind: 'path', path: csvPath }, mode: 'valid-rows' });
      let progress = await backend.client.call('import.progress', { jobId });
      while (progress.state === 'running' && progress.rowsProcessed < 20_000) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        progress = await backend.client.call('import.progress', { jobId });
      }
      expect(progress.state).toBe('running');
      expect(await backend.client.call('import.cancel', { jobId })).toEqual({ jobId, state: 'running' });
      while (progress.state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 2));
        progress = await backend.client.call('import.progress', { jobId });
      }
      expect(progress.state).toBe('cancelled');
      expect(progress.rowsProcessed).toBeLessThan(rows);
    } finally {
      await backend.close();
    }
    expect(sha256File(env.workspacePath)).toBe(before);
    env.backend = await openBackend({ workspacePath: env.workspacePath, transport: 'direct', log: () => {} });
  });

  it('imports every row with rising progress while the app keeps reading the committed state', async () => {
    const { jobId } = await env.backend.client.call('import.start', { source: { kind: 'path', path: csvPath }, mode: 'valid-rows' });
    const seen: { rows: number; bytes: number; visible: number }[] = [];
    let progress = await env.backend.client.call('import.progress', { jobId });
    while (progress.state === 'running') {
      // The app's own connection: reads stay possible and never see a half-done import.
      seen.push({ rows: progress.rowsProcessed, bytes: progress.bytesRead, visible: countRows(env) });
      await new Promise((resolve) => setTimeout(resolve, 10));
      progress = await env.backend.client.call('import.progress', { jobId });
    }
    expect(progress.state).toBe('done');
    expect(progress.result?.counts).toMatchObject({ rows, valid: rows, added: rows, updated: 0, unchanged: 0, rejected: 0 });
    expect(progress).toMatchObject({ bytesRead: progress.totalBytes, rowsProcessed: rows });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((s) => s.visible === 0)).toBe(true);
    expect(seen.map((s) => s.bytes)).toEqual([...seen.map((s) => s.bytes)].sort((a, b) => a - b));
    expect(seen.some((s) => s.rows > 0 && s.rows < rows)).toBe(true);
    expect(countRows(env)).toBe(rows);
  });

  it('importing the same 200,000 rows again adds and updates nothing', async () => {
    const { final } = await importAndWait(env.backend, { source: { kind: 'path', path: csvPath }, mode: 'valid-rows' });
    expect(final.result?.counts).toMatchObject({ added: 0, updated: 0, unchanged: rows, rejected: 0 });
  });
});
