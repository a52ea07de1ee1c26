import type PptxGenJS from 'pptxgenjs';
import type { BrandSettings, BulletsSlide, DeckBullet } from '../../../shared/deck/deck-document';
import { BODY, BODY_PT, HAIRLINE, INK } from '../deck-theme';
import { fitBlocks, fitOneLine } from '../text-fit';
import { measureTextWidthPt } from '../text-metrics';
import { fitBullets } from './bullet-runs';
import { addSlideChrome } from './slide-chrome';

/** The figure column is as wide as the widest figure needs at a comfortable size, within these bounds (inches). */
const FIGURE_W = { min: 1.4, max: 3.0 } as const;
const FIGURE_PT = { max: 30, min: 16 } as const;

/** Bullets; when any bullet carries a figure, each becomes a row with the number large on the left. */
export function renderBulletsSlide(slide: PptxGenJS.Slide, source: BulletsSlide, brand: BrandSettings): void {
  addSlideChrome(slide, source, brand);
  if (source.bullets.some((b) => b.figure)) addFigureRows(slide, source.bullets, brand, BODY);
  else slide.addText(fitBullets(source.bullets, BODY, brand, BODY_PT).runs, { ...BODY, margin: 0, valign: 'top' });
}

/**
 * Rows of "big number | statement": every row gets the same height so numbers line up, and
 * every figure uses the same size (the largest that fits the widest one). A row without a figure
 * leaves its cell empty: a dash there would read as a missing number.
 */
export function addFigureRows(slide: PptxGenJS.Slide, bullets: DeckBullet[], brand: BrandSettings, box: { x: number; y: number; w: number; h: number }): void {
  const rowH = Math.min(1.1, box.h / bullets.length);
  const figures = bullets.flatMap((b) => (b.figure ? [b.figure] : []));
  const widest = Math.max(...figures.map((f) => measureTextWidthPt(f, 26, true) / 72));
  const figureW = Math.min(FIGURE_W.max, Math.max(FIGURE_W.min, widest + 0.15));
  const textW = box.w - figureW - 0.2;
  // One size for every figure so the column reads as a set: the largest at which the widest fits.
  const figureSize = Math.min(...figures.map((f) => fitBlocks([{ text: f, bold: true }], { widthIn: figureW - 0.1, heightIn: rowH, maxPt: FIGURE_PT.max, minPt: FIGURE_PT.min, maxLinesPerBlock: 1 }).fontSizePt));
  const textSize = Math.min(...bullets.map((b) => fitBullets([b], { w: textW, h: rowH - 0.1 }, brand, { max: 16, min: BODY_PT.min }, { bulletChar: false }).fontSizePt));
  bullets.forEach((bullet, i) => {
    const y = box.y + i * rowH;
    if (i > 0) slide.addShape('line', { x: box.x, y, w: box.w, h: 0, line: { color: HAIRLINE, width: 0.75 } });
    if (bullet.figure) {
      slide.addText(fitOneLine(bullet.figure, figureW - 0.1, figureSize, true), {
        x: box.x, y, w: figureW, h: rowH, fontFace: brand.fontHeading, fontSize: figureSize, bold: true, color: brand.primaryColor, margin: 0, valign: 'middle',
      });
    }
    const runs = fitBullets([bullet], { w: textW, h: rowH - 0.1 }, brand, { max: textSize, min: Math.min(textSize, BODY_PT.min) }, { bulletChar: false }).runs;
    slide.addText(runs, { x: box.x + figureW + 0.2, y, w: textW, h: rowH, margin: 0, valign: 'middle', color: INK });
  });
}
