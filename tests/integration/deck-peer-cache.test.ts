import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/api/backend';
import type { AccountRow } from '../../src/main/storage/db/tables/accounts-table';
import { defaultQuarter, loadDeckPlanInput } from '../../src/main/services/decks/deck-plan-inputs';
import { loadAppSettings } from '../../src/main/storage/settings/app-settings';
import { FIXED_NOW, openTempBackend } from '../support/temp-backend';

/*
 * Peer benchmarks are cached per peer (decks/deck-plan-inputs.ts, keyed by the data versions of migration 9):
 * repeated plans reuse them, a deck export does not void them, a write through the API refreshes
 * the account it names, and any other data change, on this connection or another, is seen by the
 * next plan.
 */

let backend: Backend;
let workspacePath: string;
let dir: string;
let cleanup: () => Promise<void>;
let account: AccountRow;

const today = FIXED_NOW.toISOString().slice(0, 10);
const peersNow = async () => {
  const settings = await loadAppSettings(backend.workspace.db);
  return (await loadDeckPlanInput(backend.workspace, account, { audience: ['clinic_administrator'], deckType: 'qbr', quarter: defaultQuarter(today), today }, settings)).peers;
};
const sameModelPeerIds = (): string[] =>
  (backend.workspace.sqlite!
    .prepare(
      `SELECT DISTINCT s.account_id AS id FROM revenue_streams s JOIN accounts a ON a.id = s.account_id
        WHERE a.deleted_at IS NULL AND s.account_id <> ?
          AND (s.revenue_model, s.payment_environment) IN (SELECT revenue_model, payment_environment FROM revenue_streams WHERE account_id = ?) ORDER BY s.account_id`,
    )
    .all(account.id, account.id) as { id: string }[]).map((row) => row.id);

beforeAll(async () => {
  ({ backend, workspacePath, dir, cleanup } = await openTempBackend());
  await backend.client.call('demo.load', {});
  const rows = await backend.workspace.db.selectFrom('accounts').selectAll().where('deletedAt', 'is', null).orderBy('name').execute();
  account = rows.find((row) => row.name === 'Riverbend Cardiology Associates')!;
  // Peers share model and payment environment: give Riverbend (Medicare FFS RPM) a comparable peer.
  const summit = rows.find((row) => row.name === 'Summit Senior Health Plan')!;
  const [summitStream] = await backend.client.call('streams.list', { accountId: summit.id });
  await backend.client.call('streams.update', { id: summitStream!.id, patch: { paymentEnvironment: 'medicare_ffs' } });
});

afterAll(async () => cleanup());

describe('peer benchmark cache', () => {
  it('reuses peers across plans and exports, and sees every data change', async () => {
    const first = await peersNow();
    expect(first.length).toBe(sameModelPeerIds().length);
    expect(first.length).toBeGreaterThan(0);
    expect(await peersNow()).toEqual(first);

    await backend.client.call('decks.export', { accountId: account.id, audience: ['clinic_administrator'], deckType: 'qbr', filePath: path.join(dir, 'a.pptx'), overwrite: true });
    expect(await peersNow()).toEqual(first);

    // A metric saved through the API: that peer's benchmark KPIs change, the others stay as they were.
    const changedPeer = sameModelPeerIds()[0]!;
    const stream = (await backend.client.call('streams.list', { accountId: changedPeer })).find((candidate) => candidate.revenueModel === 'cpt_rpm')!;
    const month = (await backend.client.call('accounts.get', { id: changedPeer })).latestMetricMonth!;
    const original = Object.fromEntries(
      (await backend.client.call('metrics.list', { accountId: changedPeer, fromMonth: month, toMonth: month }))
        .filter((o) => o.streamId === stream.id && (o.metricKey === 'rpm_enrolled_patients' || o.metricKey === 'rpm_device_days_total'))
        .map((o) => [o.metricKey, o.value]),
    );
    expect(Object.keys(original)).toHaveLength(2);
    await backend.client.call('metrics.saveMonth', { accountId: changedPeer, streamId: stream.id, month, values: { rpm_enrolled_patients: 1, rpm_device_days_total: 30 } });
    const afterSave = await peersNow();
    expect(afterSave[0]).not.toEqual(first[0]);
    expect(afterSave.slice(1)).toEqual(first.slice(1));
    await backend.client.call('metrics.saveMonth', { accountId: changedPeer, streamId: stream.id, month, values: original });
    expect(await peersNow()).toEqual(first);

    // A change on this connection nobody announced: the last peer loses its observations.
    const peerIds = sameModelPeerIds();
    const lastPeer = peerIds[peerIds.length - 1]!;
    const saved = backend.workspace.sqlite!.prepare('SELECT * FROM metric_observations WHERE account_id = ?').all(lastPeer);
    expect(saved.length).toBeGreaterThan(0);
    backend.workspace.sqlite!.prepare('DELETE FROM metric_observations WHERE account_id = ?').run(lastPeer);
    const emptied = await peersNow();
    expect(emptied.length).toBe(first.length);
    expect(emptied).not.toEqual(first);
    expect(emptied.slice(0, -1)).toEqual(first.slice(0, -1));

    // A change from another connection (another process): the first peer is soft-deleted.
    const other = new SqliteDatabase(workspacePath);
    try {
      other.prepare('UPDATE accounts SET deleted_at = ? WHERE id = ?').run(FIXED_NOW.toISOString(), peerIds[0]);
    } finally {
      other.close();
    }
    const fewer = await peersNow();
    expect(fewer.length).toBe(first.length - 1);
    expect(fewer.slice(0, -1).map((peer) => peer.kpis)).toEqual(first.slice(1, -1).map((peer) => peer.kpis));
  });
});
