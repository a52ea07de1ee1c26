import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createDeckRenderWorker, DeckRenderError, renderDeckInWorker } from '../../../src/main/render/render-deck-in-worker';
import type { DeckDocument } from '../../../src/shared/deck/deck-document';
import { benchDeckDocument } from '../../support/deck-fixtures';

describe('renderDeckInWorker', () => {
  it('renders a deck on a worker thread and returns the finished package', async () => {
    const bytes = await renderDeckInWorker(benchDeckDocument());
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(15);
    expect(Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(8);
  }, 60_000);

  it('rejects an invalid document with a coded error instead of crashing the worker', async () => {
    const broken = { ...benchDeckDocument(), slides: [{ kind: 'chart', title: 'No footnote or notes' }] } as unknown as DeckDocument;
    const error = await renderDeckInWorker(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeckRenderError);
    expect((error as DeckRenderError).code).toBe('invalid_document');
  }, 60_000);

  it('keeps one worker for many decks: queued renders all finish, in order, and a failed one does not stop the next', async () => {
    const worker = createDeckRenderWorker();
    try {
      const broken = { ...benchDeckDocument(), slides: [{ kind: 'chart', title: 'No footnote or notes' }] } as unknown as DeckDocument;
      const results = await Promise.allSettled([worker.render(benchDeckDocument()), worker.render(broken), worker.render(benchDeckDocument())]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const [first, , third] = results as [PromiseFulfilledResult<Buffer>, PromiseRejectedResult, PromiseFulfilledResult<Buffer>];
      // Same slides and charts; chart part numbers differ, since pptxgenjs numbers charts per process, not per deck.
      const partCounts = async (bytes: Buffer) => {
        const names = Object.keys((await JSZip.loadAsync(bytes)).files);
        return { slides: names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length, charts: names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).length };
      };
      expect(await partCounts(third.value)).toEqual({ slides: 15, charts: 8 });
      expect(await partCounts(first.value)).toEqual({ slides: 15, charts: 8 });
    } finally {
      await worker.close();
    }
  }, 60_000);

  it('starts a fresh worker for the next render after close()', async () => {
    const worker = createDeckRenderWorker();
    await worker.render(benchDeckDocument());
    await worker.close();
    const bytes = await worker.render(benchDeckDocument());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await worker.close();
  }, 60_000);
});
