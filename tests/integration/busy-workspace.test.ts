import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../src/main/api/backend';
import { READ_ONLY_METHODS } from '../../src/shared/api/read-only-methods';
import { apiContract } from '../../src/shared/api/contract';
import { seedFor } from '../support/contract-seeds';
import { seedImportAccounts, seededAccountName, writeLongMetricsCsv } from '../support/metrics-import-fixtures';
import { FIXED_NOW, makeTempDir, sequentialIds } from '../support/temp-backend';

/*
 * Issue 13, item 5: a write while an import holds the workspace's write lock. It used to block the
 * whole backend for SQLite's 5-second busy timeout (nothing else could answer, not even the import
 * it was waiting for) and then fail as `internal`, losing the edit. Now a write waits its turn
 * behind an import this app runs (queued), and behind another program's write it fails after a
 * bounded wait as `busy`, with a message saying nothing was saved; neither blocks other calls.
 */

/** Settles in the order calls finish, so a test can tell which answered first without timing anything. */
function finishOrder() {
  const order: string[] = [];
  const track = <T>(label: string, promise: Promise<T>) =>
    promise.then(
      (value) => (order.push(label), value),
      (error: unknown) => {
        order.push(label);
        throw error;
      },
    );
  return { order, track };
}

describe('writing while the workspace is busy', () => {
  let dir: string;
  let cleanup: () => void;
  let backend: Backend;
  beforeEach(async () => {
    ({ dir, cleanup } = makeTempDir());
    backend = await openBackend({
      workspacePath: path.join(dir, 'client.sqlite'),
      transport: 'direct',
      now: () => FIXED_NOW,
      newId: sequentialIds(),
      log: () => {},
      externalWriterWaitMs: 300,
    });
  });
  afterEach(async () => {
    await backend.close();
    cleanup();
  });

  it('an edit made while an in-app import runs waits for it and is saved; reads answer meanwhile', async () => {
    seedImportAccounts(backend.workspace.sqlite!, 60);
    const csv = path.join(dir, 'big.csv');
    const rows = writeLongMetricsCsv(csv, { accounts: 60, metrics: 30, months: 40 });
    const [account] = await backend.client.call('accounts.list', { search: seededAccountName(1) });

    const { jobId } = await backend.client.call('import.start', { source: { kind: 'path', path: csv }, mode: 'valid-rows' });
    // Wait until the import holds the write lock (it takes it before its first row).
    let progress = await backend.client.call('import.progress', { jobId });
    while (progress.state === 'running' && progress.rowsProcessed === 0) {
      await new Promise((resolve) => setImmediate(resolve));
      progress = await backend.client.call('import.progress', { jobId });
    }
    expect(progress.state).toBe('running');

    const { order, track } = finishOrder();
    const edit = track('edit', backend.client.call('accounts.update', { id: account!.id, patch: { notes: 'Renewal call booked' } }));
    const read = track('read', backend.client.call('accounts.list', {}));
    await expect(read).resolves.toHaveLength(60);
    await expect(edit).resolves.toMatchObject({ notes: 'Renewal call booked' });
    expect(order).toEqual(['read', 'edit']);

    expect((await backend.client.call('import.progress', { jobId })).state).toBe('done');
    expect(backend.workspace.sqlite!.prepare('SELECT count(*) FROM metric_observations').pluck().get()).toBe(rows);
    expect((await backend.client.call('accounts.get', { id: account!.id })).notes).toBe('Renewal call booked');
  });

  it('an edit made while another program writes fails as busy after a bounded wait, changes nothing, and works once it is done', async () => {
    const account = await backend.client.call('accounts.create', { name: 'Oak Family Medicine', customerSegment: 'physician_practice', buyerType: 'provider' });
    const other = new SqliteDatabase(backend.workspace.path);
    try {
      other.exec('BEGIN IMMEDIATE'); // another program (say `qbr import`) is mid-import
      const { order, track } = finishOrder();
      const edit = track('edit', backend.client.call('accounts.update', { id: account.id, patch: { notes: 'edited' } }));
      const read = track('read', backend.client.call('accounts.get', { id: account.id }));
      await expect(read).resolves.toMatchObject({ notes: '' });
      const error = await edit.then(() => null, (e: unknown) => e);
      expect(error).toMatchObject({ code: 'busy' });
      expect((error as Error).message).toMatch(/busy/);
      expect((error as Error).message).toMatch(/not saved/);
      expect(order).toEqual(['read', 'edit']);
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    expect((await backend.client.call('accounts.get', { id: account.id })).notes).toBe('');
    await expect(backend.client.call('accounts.update', { id: account.id, patch: { notes: 'edited' } })).resolves.toMatchObject({ notes: 'edited' });
  });

  it('an edit waiting on another program is saved as soon as that program finishes within the wait', async () => {
    const account = await backend.client.call('accounts.create', { name: 'Birch Clinic', customerSegment: 'physician_practice', buyerType: 'provider' });
    const other = new SqliteDatabase(backend.workspace.path);
    try {
      other.exec('BEGIN IMMEDIATE');
      const edit = backend.client.call('accounts.update', { id: account.id, patch: { notes: 'saved after the wait' } });
      await backend.client.call('accounts.list', {}); // the backend still answers while the edit waits
      other.exec('COMMIT');
      await expect(edit).resolves.toMatchObject({ notes: 'saved after the wait' });
    } finally {
      other.close();
    }
  });

  it('every method listed as read-only (answering at once during an import) leaves the database as it was', async () => {
    await backend.client.call('demo.load', {});
    const [account] = await backend.client.call('accounts.list', {});
    const ids = { accountIds: [account!.id], streamIds: [], stakeholderIds: [], goalIds: [] };
    const sqlite = backend.workspace.sqlite!;
    const counters = () => `${sqlite.prepare('SELECT total_changes()').pluck().get()}/${sqlite.pragma('data_version', { simple: true })}`;
    // Switching files and starting jobs are checked elsewhere; their own work is not a write of this call.
    const skipped = new Set(['workspace.create', 'workspace.open', 'workspace.restoreBackup', 'workspace.forgetRecent', 'import.start', 'decks.exportPortfolio']);
    // insights.portfolio keeps its health summaries (a cache, stored without waiting for the lock):
    // its first call writes those rows and nothing else; once kept, it writes nothing.
    const summariesBefore = counters();
    await backend.client.call('insights.portfolio', {});
    const kept = sqlite.prepare('SELECT count(*) FROM account_health_summaries').pluck().get() as number;
    expect(kept).toBeGreaterThan(0);
    expect(counters()).toBe(`${Number(summariesBefore.split('/')[0]) + kept}/${summariesBefore.split('/')[1]}`);
    const answered: string[] = [];
    for (const method of [...READ_ONLY_METHODS].filter((m) => !skipped.has(m))) {
      const before = counters();
      const result = await backend.dispatch(method, seedFor(apiContract[method].input, ids));
      expect(counters(), `${method} wrote to the workspace`).toBe(before);
      if (result.ok) answered.push(method);
    }
    expect(answered.length).toBeGreaterThan(15);
  });
});
