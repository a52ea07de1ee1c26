import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../src/main/api/backend';
import type { HostServices } from '../../src/main/api/host/host-services';
import { FIXED_NOW, makeTempDir, sequentialIds } from '../support/temp-backend';

/*
 * After "Deck saved": open the deck or show it in its folder (a host service of the desktop app; the
 * browser harness says where the file is instead), and an export into a folder that does not exist
 * yet offers to create it rather than failing after the deck was rendered.
 */
describe('deck files', () => {
  let dir: string;
  let cleanup: () => void;
  let backend: Backend;
  let accountId: string;
  const opened: string[] = [];

  const host: HostServices = {
    chooseFileToOpen: async () => null,
    chooseFileToSave: async () => null,
    openFile: async (filePath) => void opened.push(`open ${filePath}`),
    showFileInFolder: async (filePath) => void opened.push(`show ${filePath}`),
  };

  // 'direct' (the CLI's plain paths) for the folder cases: the desktop app's path policy only lets typed paths create files beside the workspace.
  async function open(transport: 'direct' | 'web-harness'): Promise<Backend> {
    return openBackend({ workspacePath: path.join(dir, 'workspace.sqlite'), transport, now: () => FIXED_NOW, newId: sequentialIds(transport), log: () => {}, hostServices: host });
  }

  beforeEach(async () => {
    ({ dir, cleanup } = makeTempDir());
    opened.length = 0;
    backend = await open('direct');
    const call = backend.client.call;
    accountId = (await call('accounts.create', { name: 'Northwind Logistics', customerSegment: 'employer', buyerType: 'employer' })).id;
    await call('streams.create', { accountId, name: 'PEPM', revenueModel: 'pmpm_pepm', paymentEnvironment: 'self_insured_employer', terms: { unit: 'employee', ratePerMonthUsd: 4, eligiblePopulation: 5_000 } });
  });
  afterEach(async () => {
    await backend.close();
    cleanup();
  });

  it('refuses a missing folder before rendering, says which, and creates it when asked', async () => {
    const call = backend.client.call;
    const folder = path.join(dir, 'decks', 'q4');
    const filePath = path.join(folder, 'northwind.pptx');
    await expect(call('decks.export', { accountId, audience: ['employer_hr_benefits_leader'], filePath })).rejects.toMatchObject({
      code: 'not_found',
      details: { folder, missingFolder: true },
    });
    expect(fs.existsSync(path.join(dir, 'decks'))).toBe(false);
    expect(await call('decks.list', { accountId })).toEqual([]);

    const written = await call('decks.export', { accountId, audience: ['employer_hr_benefits_leader'], filePath, createFolder: true });
    expect(written.filePath).toBe(filePath);
    expect(fs.statSync(filePath).size).toBeGreaterThan(10_000);
  }, 60_000);

  it('the portfolio export offers the same for its folder', async () => {
    const call = backend.client.call;
    const outDir = path.join(dir, 'all-decks');
    await expect(call('decks.exportPortfolio', { audience: 'auto', outDir })).rejects.toMatchObject({ code: 'not_found', details: { folder: outDir, missingFolder: true } });
    const { jobId } = await call('decks.exportPortfolio', { audience: 'auto', outDir, createFolder: true });
    expect(fs.statSync(outDir).isDirectory()).toBe(true);
    await expect.poll(async () => (await call('decks.jobProgress', { jobId })).state, { timeout: 30_000 }).toBe('done');
  }, 60_000);

  it('opens an exported deck or shows it in its folder through the desktop host; only decks it wrote, and only while they exist', async () => {
    const call = backend.client.call;
    const filePath = path.join(dir, 'northwind.pptx');
    const deck = await call('decks.export', { accountId, audience: ['employer_hr_benefits_leader'], filePath });
    expect((await call('app.info', {})).canRevealFiles).toBe(true);

    await call('decks.reveal', { deckId: deck.deckId, action: 'open' });
    await call('decks.reveal', { deckId: deck.deckId, action: 'showInFolder' });
    expect(opened).toEqual([`open ${filePath}`, `show ${filePath}`]);

    await expect(call('decks.reveal', { deckId: 'not-a-deck', action: 'open' })).rejects.toMatchObject({ code: 'not_found' });
    fs.rmSync(filePath);
    await expect(call('decks.reveal', { deckId: deck.deckId, action: 'open' })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('moved or deleted') });
    expect(opened).toHaveLength(2);
  }, 60_000);

  it('the browser harness never opens files on the machine serving it: it says where the deck is', async () => {
    const deck = await backend.client.call('decks.export', { accountId, audience: ['employer_hr_benefits_leader'], filePath: path.join(dir, 'harness.pptx') });
    await backend.close();
    backend = await open('web-harness');
    expect((await backend.client.call('app.info', {})).canRevealFiles).toBe(false);
    await expect(backend.client.call('decks.reveal', { deckId: deck.deckId, action: 'open' })).rejects.toMatchObject({
      code: 'not_available',
      message: expect.stringContaining(path.join(dir, 'harness.pptx')),
    });
    expect(opened).toEqual([]);
  }, 60_000);
});
