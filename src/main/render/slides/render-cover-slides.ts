import type PptxGenJS from 'pptxgenjs';
import type { BrandSettings, SectionSlide, TitleSlide } from '../../../shared/deck/deck-document';
import {
  CONTENT_W,
  COVER_TITLE_BOX,
  COVER_TITLE_PT,
  MARGIN_X,
  MUTED,
  SECTION_TITLE_BOX,
  SECTION_TITLE_PT,
  WHITE,
  textOn,
  tint,
} from '../deck-theme';
import { logoBox } from '../logo';
import { fitBlocks, fitOneLine } from '../text-fit';
import { isRightToLeft } from './text-direction';

/** The cover: meeting label, the deck title large, subtitle and date, logo on a white chip. */
export function renderTitleSlide(slide: PptxGenJS.Slide, source: TitleSlide, brand: BrandSettings): void {
  const ink = textOn(brand.primaryColor);
  const soft = ink === WHITE ? tint(brand.primaryColor, 0.75) : MUTED;
  if (brand.logoPng) {
    const box = logoBox(brand.logoPng, { maxW: 1.8, maxH: 0.55 });
    if (box) {
      slide.addShape('roundRect', { x: MARGIN_X - 0.1, y: 0.4, w: box.w + 0.2, h: box.h + 0.2, fill: { color: WHITE }, line: { color: WHITE, width: 0 }, rectRadius: 0.06 });
      slide.addImage({ data: `image/png;base64,${brand.logoPng}`, x: MARGIN_X, y: 0.5, w: box.w, h: box.h, altText: `${brand.companyName} logo` });
    }
  }
  slide.addText(fitOneLine(source.meetingLabel, CONTENT_W, 16, true), {
    x: MARGIN_X, y: 1.3, w: CONTENT_W, h: 0.35, fontFace: brand.fontBody, fontSize: 16, bold: true, color: soft, margin: 0, valign: 'bottom',
  });
  const title = fitBlocks([{ text: source.title, bold: true }], { widthIn: COVER_TITLE_BOX.w, heightIn: COVER_TITLE_BOX.h, maxPt: COVER_TITLE_PT.max, minPt: COVER_TITLE_PT.min, maxLinesPerBlock: 3 });
  slide.addText(title.texts[0] ?? '', { placeholder: 'title', fontFace: brand.fontHeading, fontSize: title.fontSizePt, bold: true, color: ink, align: 'left', valign: 'middle', rtlMode: isRightToLeft(source.title) });
  if (source.subtitle) {
    const sub = fitBlocks([{ text: source.subtitle }], { widthIn: CONTENT_W, heightIn: 0.62, maxPt: 18, minPt: 14, maxLinesPerBlock: 2 });
    slide.addText(sub.texts[0] ?? '', { x: MARGIN_X, y: 3.5, w: CONTENT_W, h: 0.62, fontFace: brand.fontBody, fontSize: sub.fontSizePt, color: ink, margin: 0, valign: 'top', rtlMode: isRightToLeft(source.subtitle) });
  }
  if (source.dateLabel) {
    slide.addText(fitOneLine(source.dateLabel, CONTENT_W, 12), { x: MARGIN_X, y: 4.75, w: CONTENT_W, h: 0.3, fontFace: brand.fontBody, fontSize: 12, color: soft, margin: 0, valign: 'top' });
  }
  if (source.notes) slide.addNotes(source.notes);
}

/** A divider: big title beside the accent band, optional one-line subtitle. */
export function renderSectionSlide(slide: PptxGenJS.Slide, source: SectionSlide, brand: BrandSettings): void {
  const title = fitBlocks([{ text: source.title, bold: true }], { widthIn: SECTION_TITLE_BOX.w, heightIn: SECTION_TITLE_BOX.h, maxPt: SECTION_TITLE_PT.max, minPt: SECTION_TITLE_PT.min, maxLinesPerBlock: 2 });
  slide.addText(title.texts[0] ?? '', { placeholder: 'title', fontFace: brand.fontHeading, fontSize: title.fontSizePt, bold: true, color: brand.primaryColor, align: 'left', valign: 'bottom', rtlMode: isRightToLeft(source.title) });
  if (source.subtitle) {
    const sub = fitBlocks([{ text: source.subtitle }], { widthIn: SECTION_TITLE_BOX.w, heightIn: 0.62, maxPt: 18, minPt: 14, maxLinesPerBlock: 2 });
    slide.addText(sub.texts[0] ?? '', { x: SECTION_TITLE_BOX.x, y: SECTION_TITLE_BOX.y + SECTION_TITLE_BOX.h + 0.15, w: SECTION_TITLE_BOX.w, h: 0.62, fontFace: brand.fontBody, fontSize: sub.fontSizePt, color: MUTED, margin: 0, valign: 'top' });
  }
  if (source.notes) slide.addNotes(source.notes);
}
