import type PptxGenJS from 'pptxgenjs';
import type { BrandSettings, KpiSlide, KpiTile } from '../../../shared/deck/deck-document';
import { BODY, HAIRLINE, INK, MUTED, STATUS_STYLE, WHITE } from '../deck-theme';
import { NOT_AVAILABLE } from '../table-layout';
import { fitBlocks, fitLine, fitOneLine } from '../text-fit';
import { LINE_HEIGHT_EM } from '../text-metrics';
import { addSlideChrome } from './slide-chrome';

const GAP = 0.22;
const MAX_TILE_H = 2.2;
const PAD = 0.13;
const STRIPE = 0.07;
const SMALL_PT = 12;
const LINE_IN = (SMALL_PT * LINE_HEIGHT_EM) / 72;
const STEP = 0.05;

/** KPI tiles: label, big value (or "Not available"), delta, and the status in colour *and* words. */
export function renderKpiSlide(slide: PptxGenJS.Slide, source: KpiSlide, brand: BrandSettings): void {
  addSlideChrome(slide, source, brand);
  const tiles = source.tiles;
  const rows = tiles.length > 4 ? 2 : 1;
  const perRow = Math.ceil(tiles.length / rows);
  const tileW = (BODY.w - GAP * (perRow - 1)) / perRow;
  const tileH = Math.min(MAX_TILE_H, (BODY.h - GAP * (rows - 1)) / rows);
  const inner = tileW - STRIPE - 2 * PAD;
  // One value size for all tiles so the row reads as a set: the largest every value fits at.
  const valueSize = Math.min(...tiles.map((t) => fitBlocks([{ text: t.value ?? NOT_AVAILABLE, bold: true }], { widthIn: inner, heightIn: 0.6, maxPt: rows === 1 ? 32 : 24, minPt: 14, maxLinesPerBlock: 1 }).fontSizePt));
  tiles.forEach((tile, i) => {
    const row = Math.floor(i / perRow);
    const col = i % perRow;
    addTile(slide, tile, brand, { x: BODY.x + col * (tileW + GAP), y: BODY.y + row * (tileH + GAP), w: tileW, h: tileH }, valueSize);
  });
}

/**
 * Stacks label, value, delta and status from the top. The value, delta and status always get their
 * room; the label takes what is left (two lines when it can, else one, cut with an ellipsis).
 */
function addTile(slide: PptxGenJS.Slide, tile: KpiTile, brand: BrandSettings, box: { x: number; y: number; w: number; h: number }, valueSize: number): void {
  const status = STATUS_STYLE[tile.status];
  const inner = box.w - STRIPE - 2 * PAD;
  const x = box.x + STRIPE + PAD;
  const text = (t: string, y: number, h: number, options: PptxGenJS.TextPropsOptions): void => {
    slide.addText(t, { x, y, w: inner, h, fontFace: brand.fontBody, fontSize: SMALL_PT, margin: 0, valign: 'top', ...options });
  };
  slide.addShape('rect', { ...box, fill: { color: WHITE }, line: { color: HAIRLINE, width: 0.75 } });
  slide.addShape('rect', { x: box.x, y: box.y, w: STRIPE, h: box.h, fill: { color: status.color }, line: { color: status.color, width: 0 } });

  const missing = tile.value === null;
  const valueH = (valueSize * LINE_HEIGHT_EM) / 72;
  const statusLine = fitLine(`${tile.statusLabel ?? status.label}${tile.caption ? ` · ${tile.caption}` : ''}`, inner, SMALL_PT, 9, true);
  const tailH = (tile.delta ? 2 : 1) * LINE_IN + STEP;
  const labelRoom = box.h - 2 * PAD - valueH - tailH - 2 * STEP;
  const labelLines = Math.max(1, Math.min(2, Math.floor(labelRoom / LINE_IN)));
  // A long label ("Estimated savings, Q4 2026 to date (Oct–Nov)") shrinks before it would ever be cut.
  const label = fitBlocks([{ text: tile.label, bold: true }], { widthIn: inner, heightIn: labelLines * LINE_IN, maxPt: SMALL_PT, minPt: 9, maxLinesPerBlock: labelLines + 1 });

  let y = box.y + PAD;
  text(label.texts[0] ?? '', y, labelLines * LINE_IN, { bold: true, color: MUTED, fontSize: label.fontSizePt });
  y += labelLines * LINE_IN + STEP;
  const valueText = missing ? NOT_AVAILABLE : fitOneLine(tile.value!, inner, valueSize, true);
  text(valueText, y, valueH, { fontFace: brand.fontHeading, fontSize: missing ? Math.min(valueSize, 18) : valueSize, bold: !missing, italic: missing, color: missing ? MUTED : INK, valign: 'middle' });
  y += valueH + STEP;
  if (tile.delta) {
    const delta = fitLine(tile.delta, inner, SMALL_PT, 9);
    text(delta.text, y, LINE_IN, { color: INK, fontSize: delta.fontSizePt });
    y += LINE_IN;
  }
  text(statusLine.text, y, LINE_IN, { bold: true, color: status.color, fontSize: statusLine.fontSizePt });
}
