import type { DeckDocument, DeckSlide, TableSlide } from '../../shared/deck/deck-document';
import { BODY } from './deck-theme';
import { layoutTable, type TableLayout, type TablePage } from './table-layout';

/** One slide as it will appear in the file: a document slide, or one page of a long table. */
export interface DeckPage {
  slide: DeckSlide;
  /** Set on tables: this page's rows, and which page of how many it is. */
  table?: { layout: TableLayout; page: TablePage; index: number; count: number };
}

/** Suffix on the title of every continuation page of a table. */
export const CONTINUED = ' (cont.)';

/**
 * Expands the document into the slides the file will contain: tables longer than the body area
 * become several slides, the later ones titled "… (cont.)". The deck builder can call this to show
 * the real slide count before exporting.
 */
export function paginateDeck(document: DeckDocument): DeckPage[] {
  return document.slides.flatMap((slide): DeckPage[] => {
    if (slide.kind !== 'table') return [{ slide }];
    const layout = tableLayoutFor(slide);
    return layout.pages.map((page, index) => ({ slide, table: { layout, page, index, count: layout.pages.length } }));
  });
}

/** Tables use the full body area. */
export function tableLayoutFor(slide: TableSlide): TableLayout {
  return layoutTable(slide.columns, slide.rows, BODY.w, BODY.h);
}
