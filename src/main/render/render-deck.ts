import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import type { DeckDocument } from '../../shared/deck/deck-document';
import { stripXmlIllegalCharactersDeep } from '../../shared/text/xml-safe-text';
import { paginateDeck, type DeckPage } from './deck-pages';
import { MASTER } from './deck-theme';
import { repairPptx, repairPptxZip, type RepairOptions } from './pptx-repair';
import { zipToBuffer } from './zip-package';
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
export function buildPresentation(input: DeckDocument, pptx: PptxGenJS = new PptxGenJS()): PptxGenJS {
  // Defence in depth: the API refuses characters XML cannot carry, but text stored before that
  // rule (or restored from an old export) may still hold one, and one would void the whole file.
  const document = stripXmlIllegalCharactersDeep(input);
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
  const options = { createdAt: document.createdAt ?? DEFAULT_CREATED_AT };
  // The repairs run on pptxgenjs's own package just before it zips, so the parts are deflated
  // once, already repaired, instead of stored, unzipped, repaired and deflated again; the zip is
  // then written with Node's zlib rather than JSZip's JavaScript deflate.
  const hook = repairBeforeZip(pptx, options);
  const bytes = (await pptx.stream({ compression: true })) as Buffer;
  if (hook.applied) return bytes;
  // pptxgenjs no longer offers the hook (an upgrade): repair the finished package instead.
  return repairPptx(bytes, options);
}

/** pptxgenjs 4.0.1 internals the hook relies on: per instance, called with the package's JSZip while it is filled in. */
type ChartMediaRels = (slide: unknown, zip: JSZip, chartPromises: Promise<unknown>[]) => void;

/**
 * Wraps the instance's `createChartMediaRels`, which pptxgenjs calls with its package (JSZip) and
 * the chart promises it awaits before zipping. The first call adds one more promise that waits for
 * the others (every chart part is in the package once they settle), then repairs the package and
 * has the package's `generateAsync` (pptxgenjs's next and last call on it) write it with zlib.
 */
function repairBeforeZip(pptx: PptxGenJS, options: RepairOptions): { applied: boolean } {
  const state = { applied: false };
  const target = pptx as unknown as { createChartMediaRels?: ChartMediaRels };
  const original = target.createChartMediaRels;
  if (typeof original !== 'function') return state;
  let hooked = false;
  target.createChartMediaRels = (slide, zip, chartPromises) => {
    original(slide, zip, chartPromises);
    if (hooked || !(zip instanceof JSZip) || !Array.isArray(chartPromises)) return;
    hooked = true;
    const repair: Promise<void> = (async () => {
      // A turn later every call of this export has pushed its chart promises.
      await null;
      await Promise.all(chartPromises.filter((promise) => promise !== repair));
      await repairPptxZip(zip, options);
      writeWithZlib(zip, options);
      state.applied = true;
    })();
    chartPromises.push(repair);
  };
  return state;
}

/** pptxgenjs zips with `generateAsync({ type: 'nodebuffer', compression })`: answer that with zlib, anything else as JSZip would. */
function writeWithZlib(zip: JSZip, options: RepairOptions): void {
  const original = zip.generateAsync.bind(zip);
  const modifiedAt = options.createdAt ? new Date(options.createdAt) : undefined;
  zip.generateAsync = ((generate: JSZip.JSZipGeneratorOptions) =>
    generate?.type === 'nodebuffer' ? zipToBuffer(zip, { compression: generate.compression === 'STORE' ? 'STORE' : 'DEFLATE', modifiedAt }) : original(generate)) as JSZip['generateAsync'];
}
