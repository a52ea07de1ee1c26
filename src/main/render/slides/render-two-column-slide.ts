import type PptxGenJS from 'pptxgenjs';
import type { BrandSettings, DeckColumn, TwoColumnSlide } from '../../../shared/deck/deck-document';
import { BODY, BODY_PT, HAIRLINE } from '../deck-theme';
import { fitLine } from '../text-fit';
import { fitBullets } from './bullet-runs';
import { addSlideChrome } from './slide-chrome';

const GUTTER = 0.5;
const HEADING_PT = 16;
const HEADING_H = 0.4;

/** Two headed columns of bullets (then vs now, us vs them); both columns share one font size. */
export function renderTwoColumnSlide(slide: PptxGenJS.Slide, source: TwoColumnSlide, brand: BrandSettings): void {
  addSlideChrome(slide, source, brand);
  const colW = (BODY.w - GUTTER) / 2;
  const bodyBox = { w: colW, h: BODY.h - HEADING_H - 0.1 };
  const size = Math.min(fitBullets(source.left.bullets, bodyBox, brand, BODY_PT).fontSizePt, fitBullets(source.right.bullets, bodyBox, brand, BODY_PT).fontSizePt);
  const column = (col: DeckColumn, x: number): void => {
    const heading = fitLine(col.heading, colW, HEADING_PT, 11, true);
    slide.addText(heading.text, { x, y: BODY.y, w: colW, h: HEADING_H, fontFace: brand.fontHeading, fontSize: heading.fontSizePt, bold: true, color: brand.primaryColor, margin: 0, valign: 'top' });
    slide.addShape('line', { x, y: BODY.y + HEADING_H, w: colW, h: 0, line: { color: HAIRLINE, width: 0.75 } });
    if (col.bullets.length) {
      const runs = fitBullets(col.bullets, bodyBox, brand, { max: size, min: Math.min(size, BODY_PT.min) }).runs;
      slide.addText(runs, { x, y: BODY.y + HEADING_H + 0.12, ...bodyBox, margin: 0, valign: 'top' });
    }
  };
  column(source.left, BODY.x);
  column(source.right, BODY.x + colW + GUTTER);
}
