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
 * next plan. A plan reads only its peers' versions: a change to an account that is no peer keeps
 * every entry, while an account that becomes comparable joins the peers.
 */

let backend: Backend;
let workspacePath: string;
let dir: string;
let cleanup: () => Promise<void>;
let account: AccountRow;

const today = FIXED_NOW.toISOString().slice(0, 10);
const peersOf = async (of: AccountRow) => {
  const settings = await loadAppSettings(backend.workspace.db);
  return (await loadDeckPlanInput(backend.workspace, of, { audience: ['clinic_administrator'], deckType: 'qbr', quarter: defaultQuarter(today), today }, settings)).peers;
};
const peersNow = () => peersOf(account);
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

describe('peer benchmark cache and accounts that are no peers', () => {
  it('keeps each peer’s entry when a non-peer changes, refreshes a peer that changes, and takes in an account that becomes comparable', async () => {
    const byName = (name: string) => backend.workspace.db.selectFrom('accounts').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
    // Meridian (PMPM, commercial insurance) gets one comparable peer, Northwind; Bayview (PMPM, Medicaid) is none.
    const meridian = await byName('Meridian Commercial Health');
    const northwind = await byName('Northwind Logistics');
    const bayview = await byName('Bayview Community Health Plan');
    const [northwindStream] = await backend.client.call('streams.list', { accountId: northwind.id });
    await backend.client.call('streams.update', { id: northwindStream!.id, patch: { paymentEnvironment: 'commercial_insurance' } });
    const before = await peersOf(meridian);
    expect(before).toHaveLength(1);
    expect(Object.values(before[0]!.kpis).some((value) => typeof value === 'number')).toBe(true);

    // Northwind's values go behind the cache's back (its data version put back as it was): only a
    // recomputed entry would show it, so an unchanged plan proves the entry was kept.
    const sqlite = backend.workspace.sqlite!;
    const versionOf = (id: string) => sqlite.prepare('SELECT version FROM account_data_versions WHERE account_id = ?').pluck().get(id) as number;
    const northwindVersion = versionOf(northwind.id);
    sqlite.prepare('DELETE FROM metric_observations WHERE account_id = ?').run(northwind.id);
    sqlite.prepare('UPDATE account_data_versions SET version = ? WHERE account_id = ?').run(northwindVersion, northwind.id);

    const bayviewVersion = versionOf(bayview.id);
    await backend.client.call('accounts.update', { id: bayview.id, patch: { notes: 'a non-peer changes' } });
    expect(versionOf(bayview.id)).toBeGreaterThan(bayviewVersion);
    expect(await peersOf(meridian)).toEqual(before);

    // A change to the peer moves its version: its entry is read again (and now has no values).
    await backend.client.call('accounts.update', { id: northwind.id, patch: { notes: 'the peer changes' } });
    const refreshed = await peersOf(meridian);
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]!.kpis).not.toEqual(before[0]!.kpis);
    expect(Object.values(refreshed[0]!.kpis).every((value) => value === null)).toBe(true);

    // A non-peer whose stream becomes comparable is a peer on the next plan.
    const [bayviewStream] = await backend.client.call('streams.list', { accountId: bayview.id });
    await backend.client.call('streams.update', { id: bayviewStream!.id, patch: { paymentEnvironment: 'commercial_insurance' } });
    expect(await peersOf(meridian)).toHaveLength(2);
  });
});

describe('peer benchmarks and streams this version cannot read', () => {
  it('a deck is planned past an unreadable stream of an account that is no peer; an unreadable peer stream is named', async () => {
    // A workspace of its own: the tests above delete peers.
    const own = await openTempBackend();
    try {
      await own.backend.client.call('demo.load', {});
      const accounts = await own.backend.workspace.db.selectFrom('accounts').selectAll().where('deletedAt', 'is', null).execute();
      const riverbend = accounts.find((row) => row.name === 'Riverbend Cardiology Associates')!;
      const summit = accounts.find((row) => row.name === 'Summit Senior Health Plan')!;
      const [summitStream] = await own.backend.client.call('streams.list', { accountId: summit.id });
      await own.backend.client.call('streams.update', { id: summitStream!.id, patch: { paymentEnvironment: 'medicare_ffs' } });
      const settings = await loadAppSettings(own.backend.workspace.db);
      const peers = async () => (await loadDeckPlanInput(own.backend.workspace, riverbend, { audience: ['clinic_administrator'], deckType: 'qbr', quarter: defaultQuarter(today), today }, settings)).peers;
      const sqlite = own.backend.workspace.sqlite!;
      const streams = sqlite.prepare('SELECT id, account_id AS accountId, name FROM revenue_streams WHERE account_id <> ? ORDER BY id').all(riverbend.id) as { id: string; accountId: string; name: string }[];
      const peerStream = streams.find((stream) => stream.accountId === summit.id)!;
      const otherStream = streams.find((stream) => stream.accountId !== summit.id)!;
      const breakTerms = (id: string) => sqlite.prepare(`UPDATE revenue_streams SET terms_json = '{"not":' WHERE id = ?`).run(id);

      const expected = await peers();
      expect(expected).toHaveLength(1);
      breakTerms(otherStream.id);
      expect(await peers()).toEqual(expected);
      breakTerms(peerStream.id);
      await expect(peers()).rejects.toThrow(`Revenue stream "${peerStream.name}" cannot be read by this version of the app: its contract terms are not valid JSON`);
    } finally {
      await own.cleanup();
    }
  });
});
