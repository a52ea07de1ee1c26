import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../src/main/api/backend';
import { runCli } from '../../src/main/transports/cli/main';
import { FIXED_NOW, makeTempDir, sequentialIds } from '../support/temp-backend';

/*
 * Issue 13, items 3 and 7: restoring a workspace export.
 * 7 — every row is checked like the API checks it (names, per-model stream terms, observations for
 *     known metrics on existing streams within the metric's rules, settings), an export from a newer
 *     app is refused as such, and a field this app does not know is named, deliberately.
 * 3 — a merge compares updatedAt: by default it keeps whichever side is newer, never revives an
 *     account deleted since the export, and the preview lists every row it would overwrite, revive
 *     or keep.
 */

type Doc = Record<string, any>;

describe('restoring a workspace export', () => {
  let dir: string;
  let cleanup: () => void;
  let backend: Backend;
  let clock: Date;
  const at = (minutes: number) => new Date(FIXED_NOW.getTime() + minutes * 60_000);
  beforeEach(async () => {
    ({ dir, cleanup } = makeTempDir());
    clock = FIXED_NOW;
    backend = await openBackend({ workspacePath: path.join(dir, 'client.sqlite'), transport: 'direct', now: () => clock, newId: sequentialIds(), log: () => {} });
    await backend.client.call('demo.load', {});
  });
  afterEach(async () => {
    await backend.close();
    cleanup();
  });

  async function exportDoc(): Promise<Doc> {
    const file = path.join(dir, `export-${Math.random().toString(36).slice(2)}.json`);
    await backend.client.call('workspace.exportJson', { path: file });
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Doc;
  }
  function write(doc: Doc): string {
    const file = path.join(dir, `edited-${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));
    return file;
  }
  const snapshot = () => backend.workspace.sqlite!.prepare('SELECT (SELECT group_concat(name || updated_at || coalesce(deleted_at, \'\')) FROM accounts) AS a, (SELECT count(*) FROM metric_observations) AS o').get();

  describe('item 7: every row is checked like the API checks it', () => {
    async function problemsFor(mutate: (doc: Doc) => void): Promise<string[]> {
      const doc = await exportDoc();
      mutate(doc);
      const preview = await backend.client.call('workspace.previewImport', { path: write(doc), mode: 'replace' });
      return preview.problems;
    }
    const pmpmStream = (doc: Doc) => doc.revenueStreams.find((s: Doc) => s.revenueModel === 'pmpm_pepm');
    const observationOf = (doc: Doc, unit: (key: string) => boolean) => doc.metricObservations.find((o: Doc) => unit(o.metricKey));

    it.each([
      ['a PMPM stream with "terms": null', (doc: Doc) => void (pmpmStream(doc).terms = null), /revenue stream .*terms/i],
      ['terms another model uses', (doc: Doc) => void (pmpmStream(doc).terms = { revenueSharePct: 80 }), /revenue stream .*revenueSharePct/],
      ['a 1,000-character account name', (doc: Doc) => void (doc.accounts[0].name = 'A'.repeat(1000)), /account .*name/i],
      ['a blank account name', (doc: Doc) => void (doc.accounts[0].name = '   '), /account .*name/i],
      ['a blank stakeholder name', (doc: Doc) => void (doc.stakeholders[0].personName = ' '), /stakeholder .*personName/i],
      ['an unknown metric key', (doc: Doc) => void (doc.metricObservations[0].metricKey = 'made_up_metric'), /made_up_metric/],
      ['an observation for a stream that is not there', (doc: Doc) => void (doc.metricObservations[0].streamId = 'no-such-stream'), /no-such-stream/],
      ['a negative count', (doc: Doc) => void (observationOf(doc, (k) => k === 'rpm_enrolled_patients').value = -5), /negative/],
      ['a 1e300 percentage', (doc: Doc) => void (observationOf(doc, (k) => k.endsWith('_pct')).value = 1e300), /percentage/],
      ['an unknown setting', (doc: Doc) => void doc.settings.push({ key: 'launchCodes', value: 1, updatedAt: 'x' }), /launchCodes/],
      ['a setting out of range', (doc: Doc) => void doc.settings.push({ key: 'backupsToKeep', value: 0, updatedAt: 'x' }), /backupsToKeep/],
      ['a commitment with a status the ledger does not have', (doc: Doc) => void (doc.commitments[0].status = 'maybe'), /commitment .*status/],
      ['a commitment with a blank text', (doc: Doc) => void (doc.commitments[0].text = '  '), /commitment .*text/],
      ['a commitment naming a stakeholder who is not there', (doc: Doc) => void (doc.commitments[0].stakeholderId = 'nobody'), /commitment .*nobody/],
      ['a goal with a blank title', (doc: Doc) => void (doc.goals[0].title = '  '), /goal .*title/],
      ['a goal with a 500-character unit', (doc: Doc) => void (doc.goals[0].unit = 'u'.repeat(500)), /goal .*unit/],
      ['a stakeholder email that is not one', (doc: Doc) => void (doc.stakeholders[0].email = 'not an email'), /stakeholder .*email/],
      ['a stream ending on a date that is not one', (doc: Doc) => void (doc.revenueStreams[0].endDate = '2026-02-30'), /revenue stream .*endDate/],
    ])('refuses %s, naming the row, and changes nothing', async (_label, mutate, expected) => {
      const before = snapshot();
      const problems = await problemsFor(mutate);
      expect(problems.join('\n')).toMatch(expected);
      const doc = await exportDoc();
      mutate(doc);
      await expect(backend.client.call('workspace.importJson', { path: write(doc), mode: 'replace' })).rejects.toMatchObject({ code: 'conflict' });
      expect(snapshot()).toEqual(before);
    });

    it('refuses a metric value listed twice, naming its key, and changes nothing', async () => {
      const doc = await exportDoc();
      doc.metricObservations.push({ ...doc.metricObservations[3], value: doc.metricObservations[3].value + 1 });
      const before = snapshot();
      const preview = await backend.client.call('workspace.previewImport', { path: write(doc), mode: 'merge' });
      expect(preview.problems.join('\n')).toContain(`metricObservations has two rows with the key ${JSON.stringify(['accountId', 'streamId', 'metricKey', 'month'].map((k) => doc.metricObservations[3][k]))}`);
      await expect(backend.client.call('workspace.importJson', { path: write(doc), mode: 'merge' })).rejects.toMatchObject({ code: 'conflict' });
      expect(snapshot()).toEqual(before);
    });

    it('a merge that changes a stream\'s revenue model checks the values kept on that stream', async () => {
      const doc = await exportDoc();
      const stream = doc.revenueStreams.find((s: Doc) => s.revenueModel === 'cpt_rpm');
      Object.assign(stream, { revenueModel: 'saas_license', terms: {}, updatedAt: at(30).toISOString() });
      // The file no longer lists the stream's RPM values: the merge would keep the workspace's, on a SaaS stream.
      doc.metricObservations = doc.metricObservations.filter((o: Doc) => o.streamId !== stream.id);
      const before = snapshot();
      const preview = await backend.client.call('workspace.previewImport', { path: write(doc), mode: 'merge' });
      expect(preview.problems.join('\n')).toMatch(new RegExp(`rpm_\\w+ for \\d{4}-\\d{2} \\(account [^,]+, stream ${stream.id}\\)`));
      await expect(backend.client.call('workspace.importJson', { path: write(doc), mode: 'merge' })).rejects.toMatchObject({ code: 'conflict' });
      expect(snapshot()).toEqual(before);
    });

    it('refuses an export from a newer app with a message saying so', async () => {
      const doc = await exportDoc();
      doc.schemaVersion = 99;
      doc.accounts[0].loyaltyTier = 'gold'; // what a newer app might add
      const error = await backend.client.call('workspace.previewImport', { path: write(doc), mode: 'merge' }).then(() => null, (e: unknown) => e);
      expect(error).toMatchObject({ code: 'invalid_input' });
      expect((error as Error).message).toMatch(/newer version of QBR Workbench.*schema 99/);
    });

    it('names a field this app does not know, in a file claiming to be from this app', async () => {
      const doc = await exportDoc();
      doc.accounts[2].loyaltyTier = 'gold';
      const error = await backend.client.call('workspace.previewImport', { path: write(doc), mode: 'merge' }).then(() => null, (e: unknown) => e);
      expect(error).toMatchObject({ code: 'invalid_input' });
      expect((error as Error).message).toMatch(/accounts\[2\].*loyaltyTier/);
      expect((error as Error).message).not.toMatch(/Unrecognized key/);
    });
  });

  describe('item 3: merge keeps the newer side and lists every row it overwrites, revives or keeps', () => {
    it('an older export neither reverts newer edits nor revives accounts deleted since; the preview says so per row', async () => {
      const old = await exportDoc(); // taken at FIXED_NOW
      const [edited, deleted] = await backend.client.call('accounts.list', {});
      clock = at(10);
      await backend.client.call('accounts.update', { id: edited!.id, patch: { notes: 'Renewal call booked' } });
      await backend.client.call('accounts.delete', { id: deleted!.id });

      const file = write(old);
      const preview = await backend.client.call('workspace.previewImport', { path: file, mode: 'merge' });
      expect(preview.problems).toEqual([]);
      const rows = preview.rowChanges.filter((r) => r.table === 'accounts');
      expect(rows).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ key: edited!.id, label: edited!.name, change: 'overwrite', resolution: 'keep-workspace', fileUpdatedAt: expect.any(String), workspaceUpdatedAt: at(10).toISOString() }),
          expect.objectContaining({ key: deleted!.id, label: deleted!.name, change: 'revive', resolution: 'keep-workspace' }),
        ]),
      );
      expect(preview.tables.accounts).toMatchObject({ updated: 0, kept: 2 });

      const cli = await captureCli(['restore-workspace', '--db', backend.workspace.path, '--file', file, '--dry-run']);
      expect(cli.stdout).toContain(`keep this workspace's (newer)`);
      expect(cli.stdout).toContain(edited!.name);

      await backend.client.call('workspace.importJson', { path: file, mode: 'merge' });
      expect((await backend.client.call('accounts.get', { id: edited!.id })).notes).toBe('Renewal call booked');
      await expect(backend.client.call('accounts.get', { id: deleted!.id })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('a newer row in the file overwrites, listed as such; "take the file" restores the old behaviour on request', async () => {
      const [edited, deleted] = await backend.client.call('accounts.list', {});
      const original = await exportDoc();
      clock = at(10);
      await backend.client.call('accounts.update', { id: edited!.id, patch: { notes: 'Edited here at 10' } });
      await backend.client.call('accounts.delete', { id: deleted!.id });
      // Another laptop edited the same account later, at 20.
      const newer = structuredClone(original);
      const row = newer.accounts.find((a: Doc) => a.id === edited!.id);
      row.notes = 'Edited on the other laptop at 20';
      row.updatedAt = at(20).toISOString();
      const preview = await backend.client.call('workspace.previewImport', { path: write(newer), mode: 'merge' });
      expect(preview.rowChanges).toEqual(expect.arrayContaining([expect.objectContaining({ key: edited!.id, change: 'overwrite', resolution: 'take-file' })]));
      expect(preview.tables.accounts).toMatchObject({ updated: 1, kept: 1 });

      await backend.client.call('workspace.importJson', { path: write(newer), mode: 'merge', conflicts: 'take-file' });
      expect((await backend.client.call('accounts.get', { id: edited!.id })).notes).toBe('Edited on the other laptop at 20');
      expect((await backend.client.call('accounts.get', { id: deleted!.id })).id).toBe(deleted!.id); // revived, as asked
    });
  });
});

async function captureCli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  return { code, stdout, stderr };
}
