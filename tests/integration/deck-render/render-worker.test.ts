import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DeckRenderError, renderDeckInWorker } from '../../../src/main/deck-render/render-deck-in-worker';
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
});
