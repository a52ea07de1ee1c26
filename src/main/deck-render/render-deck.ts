import PptxGenJS from 'pptxgenjs';
import type { DeckDocument } from '../../shared/deck/deck-document';
import { paginateDeck, type DeckPage } from './deck-pages';
import { MASTER } from './deck-theme';
import { repairPptx } from './pptx-repair';
import { defineSlideMasters } from './slide-masters';
import { renderBulletsSlide } from './slides/render-bullets-slide';
import { renderChartSlide } from './slides/render-chart-slide';
import { renderSectionSlide, renderTitleSlide } from './slides/render-cover-slides';
import { renderFunnelSlide } from './slides/render-funnel-slide';
import { renderKpiSlide } from './slides/render-kpi-slide';
import { renderTableSlide } from './slides/render-table-slide';
import { renderTwoColumnSlide } from './slides/render-two-column-slide';

/** Used when the document carries no timestamp, so the clock never leaks into the file. */
const DEFAULT_CREATED_AT = '2000-01-01T00:00:00Z';

/**
 * Builds the pptxgenjs presentation for a document, without writing it. Exposed for the benchmark
 * (which times pptxgenjs's own output as the floor) and for tests that inspect the raw output.
 */
export function buildPresentation(document: DeckDocument, pptx: PptxGenJS = new PptxGenJS()): PptxGenJS {
  // `pptx` is injectable so the benchmark can record the exact pptxgenjs calls a deck makes.
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = document.title;
  pptx.company = document.brand.companyName;
  pptx.author = document.author ?? document.brand.companyName;
  pptx.subject = document.title;
  pptx.theme = { headFontFace: document.brand.fontHeading, bodyFontFace: document.brand.fontBody };
  defineSlideMasters(pptx, document.brand);
  for (const page of paginateDeck(document)) renderPage(pptx, page, document);
  return pptx;
}

function renderPage(pptx: PptxGenJS, page: DeckPage, document: DeckDocument): void {
  const { slide: source } = page;
  const brand = document.brand;
  const master = source.kind === 'title' ? MASTER.title : source.kind === 'section' ? MASTER.section : MASTER.content;
  const slide = pptx.addSlide({ masterName: master });
  switch (source.kind) {
    case 'title':
      return renderTitleSlide(slide, source, brand);
    case 'section':
      return renderSectionSlide(slide, source, brand);
    case 'bullets':
      return renderBulletsSlide(slide, source, brand);
    case 'chart':
      return renderChartSlide(slide, source, brand);
    case 'table':
      return renderTableSlide(slide, source, brand, page.table!);
    case 'kpis':
      return renderKpiSlide(slide, source, brand);
    case 'two-column':
      return renderTwoColumnSlide(slide, source, brand);
    case 'funnel':
      return renderFunnelSlide(slide, source, brand);
  }
}

/**
 * Renders a deck document to a finished .pptx: native charts, slide masters, fitted text, paged
 * tables, then repaired to pass ECMA-376 validation and DEFLATE-compressed. A pure function of its
 * input (no I/O, no clock), so it can run in a worker thread; the caller writes the file.
 * @example const bytes = await renderDeck(document); await writeFileAtomic(target, bytes);
 */
export async function renderDeck(document: DeckDocument): Promise<Buffer> {
  const pptx = buildPresentation(document);
  // STORE is cheap: the package is re-zipped with DEFLATE after repair anyway.
  const raw = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  return repairPptx(raw, { createdAt: document.createdAt ?? DEFAULT_CREATED_AT });
}
