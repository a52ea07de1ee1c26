import type PptxGenJS from 'pptxgenjs';
import type { ChartSpec } from '../../../shared/charts/chart-spec';
import type { BrandSettings, ChartSlide, DeckBullet, DeckCallout } from '../../../shared/deck/deck-document';
import { mapChartSpec, type ChartBox, type ChartRenderOptions } from '../chart-mapping';
import { BODY, INK, MUTED } from '../deck-theme';
import { fitBlocks } from '../text-fit';
import { fitBullets } from './bullet-runs';
import { addSlideChrome } from './slide-chrome';

const SIDE_GAP = 0.35;
/** Share of the body width the chart keeps when a side panel is present. */
const CHART_SHARE = 0.64;

/** A native chart, full width or with a side panel of callout and bullets. */
export function renderChartSlide(slide: PptxGenJS.Slide, source: ChartSlide, brand: BrandSettings): void {
  // The chart's own footnote (source and formula) completes the slide's when the slide adds no note.
  const footnote = source.footnote.note || !source.chart.footnote ? source.footnote : { ...source.footnote, note: source.chart.footnote };
  addSlideChrome(slide, { ...source, footnote }, brand);
  addChartWithPanel(slide, source.chart, source.altText, brand, source.callout, source.sideBullets);
}

/** Shared by chart and funnel slides. */
export function addChartWithPanel(
  slide: PptxGenJS.Slide,
  chart: ChartSpec,
  altText: string,
  brand: BrandSettings,
  callout?: DeckCallout,
  sideBullets?: DeckBullet[],
  render: ChartRenderOptions = {},
): void {
  const hasPanel = !!callout || !!sideBullets?.length;
  const chartBox: ChartBox = hasPanel ? { x: BODY.x, y: BODY.y, w: BODY.w * CHART_SHARE, h: BODY.h } : { ...BODY };
  const call = mapChartSpec(chart, brand, chartBox, altText, render);
  // Multi-type charts take their options in the data position (pptxgenjs's typings miss this overload).
  if (call.multi) slide.addChart(call.types, call.options as unknown as unknown[]);
  else slide.addChart(call.type, call.data, call.options);
  if (!hasPanel) return;

  const x = BODY.x + chartBox.w + SIDE_GAP;
  const w = BODY.w - chartBox.w - SIDE_GAP;
  let y = BODY.y + 0.1;
  if (callout) {
    const figure = fitBlocks([{ text: callout.figure, bold: true }], { widthIn: w, heightIn: 0.7, maxPt: 36, minPt: 18, maxLinesPerBlock: 1 });
    slide.addText(figure.texts[0] ?? '', { x, y, w, h: 0.7, fontFace: brand.fontHeading, fontSize: figure.fontSizePt, bold: true, color: brand.primaryColor, margin: 0, valign: 'bottom' });
    y += 0.75;
    const label = fitBlocks([{ text: callout.label }], { widthIn: w, heightIn: 0.62, maxPt: 14, minPt: 12, maxLinesPerBlock: 3 });
    slide.addText(label.texts[0] ?? '', { x, y, w, h: label.heightIn + 0.05, fontFace: brand.fontBody, fontSize: label.fontSizePt, color: MUTED, margin: 0, valign: 'top' });
    y += label.heightIn + 0.3;
  }
  if (sideBullets?.length) {
    const h = BODY.y + BODY.h - y;
    if (h > 0.3) {
      const fitted = fitBullets(sideBullets, { w, h }, brand, { max: 14, min: 12 });
      slide.addText(fitted.runs, { x, y, w, h, margin: 0, valign: 'top', color: INK });
    }
  }
}
