import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../src/main/api/backend';
import { FIXED_NOW, makeTempDir, sequentialIds } from '../support/temp-backend';

/*
 * Issue 13, item 2: the deck builder's edits (retitle, notes, hide, reorder) and choices
 * (audience, deck type, quarter) are saved as a draft in the workspace, so they survive a reload
 * and a restart. A draft is keyed by account + deck type + audience + quarter, and its edits by
 * stable slide id, so next quarter's deck can start from this quarter's edits (issue 15).
 */

describe('deck drafts', () => {
  let dir: string;
  let cleanup: () => void;
  let backend: Backend;
  let clock: Date;
  const open = () =>
    openBackend({ workspacePath: path.join(dir, 'client.sqlite'), transport: 'direct', now: () => clock, newId: sequentialIds(), log: () => {} });
  beforeEach(async () => {
    ({ dir, cleanup } = makeTempDir());
    clock = FIXED_NOW;
    backend = await open();
    await backend.client.call('demo.load', {});
  });
  afterEach(async () => {
    await backend.close();
    cleanup();
  });

  const accountId = async () => (await backend.client.call('accounts.list', { search: 'Riverbend' }))[0]!.id;
  const edits = {
    hidden: ['scorecard'],
    order: ['next-90-days', 'decisions'],
    titles: { risks: 'Two risks we are already acting on' },
    notes: { decisions: 'Open with the renewal question.' },
    sections: { 'peer-benchmark': 'appendix' as const },
  };

  it('a saved draft is what the builder reopens with, after a restart too', async () => {
    const id = await accountId();
    expect(await backend.client.call('decks.latestDraft', { accountId: id })).toBeNull();
    const saved = await backend.client.call('decks.saveDraft', { accountId: id, deckType: 'ebr', audience: ['health_plan_cfo_actuary', 'clinic_administrator'], quarter: '2026Q3', edits, audienceChosen: true });
    expect(saved).toMatchObject({ accountId: id, deckType: 'ebr', audience: ['health_plan_cfo_actuary', 'clinic_administrator'], quarter: '2026Q3', edits, audienceChosen: true, updatedAt: FIXED_NOW.toISOString() });

    await backend.close();
    backend = await open();
    expect(await backend.client.call('decks.latestDraft', { accountId: id })).toEqual(saved);
  });

  it('one draft per account, deck type, audience and quarter; the latest one is the last saved', async () => {
    const id = await accountId();
    const key = { accountId: id, deckType: 'qbr' as const, audience: ['clinic_administrator' as const] };
    await backend.client.call('decks.saveDraft', { ...key, quarter: '2026Q2', edits: { titles: { risks: 'Q2 risks' } } });
    clock = new Date(FIXED_NOW.getTime() + 60_000);
    await backend.client.call('decks.saveDraft', { ...key, quarter: '2026Q3', edits: { hidden: ['scorecard'] } });
    clock = new Date(FIXED_NOW.getTime() + 120_000);
    // Saving the same key again replaces its edits, it does not add a draft.
    const again = await backend.client.call('decks.saveDraft', { ...key, quarter: '2026Q3', edits: { hidden: ['scorecard', 'risks'] } });
    expect(again.createdAt).toBe(new Date(FIXED_NOW.getTime() + 60_000).toISOString());

    expect(await backend.client.call('decks.getDraft', { ...key, quarter: '2026Q2' })).toMatchObject({ edits: { titles: { risks: 'Q2 risks' } } });
    expect(await backend.client.call('decks.getDraft', { ...key, deckType: 'ebr', quarter: '2026Q3' })).toBeNull();
    expect((await backend.client.call('decks.latestDraft', { accountId: id }))?.quarter).toBe('2026Q3');

    // Issue 15 asks for last quarter's edits for the same account, audience and deck type.
    const drafts = await backend.client.call('decks.listDrafts', { accountId: id, deckType: 'qbr', audience: ['clinic_administrator'], beforeQuarter: '2026Q3' });
    expect(drafts.map((d) => d.quarter)).toEqual(['2026Q2']);
    expect((await backend.client.call('decks.listDrafts', { accountId: id })).map((d) => d.quarter)).toEqual(['2026Q3', '2026Q2']);
  });

  it('refuses drafts for unknown accounts and bad edits, and a deleted account takes its drafts with it', async () => {
    const id = await accountId();
    await expect(backend.client.call('decks.saveDraft', { accountId: 'nope', deckType: 'qbr', audience: ['clinic_administrator'], quarter: '2026Q3', edits: {} })).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      backend.client.call('decks.saveDraft', { accountId: id, deckType: 'qbr', audience: ['clinic_administrator'], quarter: '2026Q3', edits: { titles: { risks: '   ' } } }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await backend.client.call('decks.saveDraft', { accountId: id, deckType: 'qbr', audience: ['clinic_administrator'], quarter: '2026Q3', edits: {} });
    await backend.client.call('accounts.delete', { id });
    await expect(backend.client.call('decks.latestDraft', { accountId: id })).rejects.toMatchObject({ code: 'not_found' });
    await backend.client.call('accounts.restore', { id });
    // Deleting is undoable, so the draft is still there when the account comes back.
    expect(await backend.client.call('decks.latestDraft', { accountId: id })).not.toBeNull();
  });
});
