import type PptxGenJS from 'pptxgenjs';
import type { BrandSettings, DeckSlide, SlideFootnote } from '../../../shared/deck/deck-document';
import { CONTINUED } from '../deck-pages';
import { FOOTNOTE_BOX, FOOTNOTE_PT, INK, MUTED, SUBTITLE_BOX, SUBTITLE_PT, TITLE_BOX, TITLE_PT } from '../deck-theme';
import { fitBlocks, fitLine } from '../text-fit';
import { isRightToLeft } from './text-direction';

/** What every content slide shares: the action title, optional subtitle, footnote and speaker notes. */
export function addSlideChrome(
  slide: PptxGenJS.Slide,
  source: DeckSlide,
  brand: BrandSettings,
  continuation?: { index: number; count: number },
): void {
  const title = continuation && continuation.index > 0 ? `${source.title}${CONTINUED}` : source.title;
  const fitted = fitBlocks([{ text: title, bold: true }], { widthIn: TITLE_BOX.w, heightIn: TITLE_BOX.h, maxPt: TITLE_PT.max, minPt: TITLE_PT.min, maxLinesPerBlock: 2 });
  slide.addText(fitted.texts[0] ?? '', {
    placeholder: 'title',
    fontFace: brand.fontHeading,
    fontSize: fitted.fontSizePt,
    bold: true,
    color: INK,
    align: 'left',
    valign: 'top',
    rtlMode: isRightToLeft(title),
  });
  if (source.subtitle) {
    const subtitle = fitLine(source.subtitle, SUBTITLE_BOX.w, SUBTITLE_PT, 10);
    slide.addText(subtitle.text, {
      ...SUBTITLE_BOX,
      fontFace: brand.fontBody,
      fontSize: subtitle.fontSizePt,
      color: MUTED,
      margin: 0,
      valign: 'top',
      rtlMode: isRightToLeft(source.subtitle),
    });
  }
  const footnote = 'footnote' in source ? source.footnote : undefined;
  if (footnote) addFootnote(slide, footnote, brand);
  const notes = 'notes' in source ? source.notes : undefined;
  if (notes) slide.addNotes(continuation && continuation.index > 0 ? `(Continued, part ${continuation.index + 1} of ${continuation.count}.)\n${notes}` : notes);
}

/** "Source: … · Jul–Sep 2026 · note", fitted to two lines at footnote size. */
export function footnoteText(footnote: SlideFootnote): string {
  return [`Source: ${footnote.source}`, footnote.dateRange, footnote.note].filter(Boolean).join(' · ');
}

function addFootnote(slide: PptxGenJS.Slide, footnote: SlideFootnote, brand: BrandSettings): void {
  const text = footnoteText(footnote);
  const fitted = fitBlocks([{ text }], { widthIn: FOOTNOTE_BOX.w, heightIn: FOOTNOTE_BOX.h, maxPt: FOOTNOTE_PT, minPt: 7, maxLinesPerBlock: 3 });
  slide.addText(fitted.texts[0] ?? '', { ...FOOTNOTE_BOX, fontFace: brand.fontBody, fontSize: fitted.fontSizePt, color: MUTED, margin: 0, valign: 'bottom' });
}
