import type PptxGenJS from 'pptxgenjs';
import type { BrandSettings } from '../../shared/deck/deck-document';
import {
  CONTENT_W,
  FOOTER_PT,
  FOOTER_RULE_Y,
  FOOTER_TEXT,
  HAIRLINE,
  MARGIN_X,
  MASTER,
  MUTED,
  COVER_TITLE_BOX,
  SECTION_TITLE_BOX,
  SLIDE_H,
  SLIDE_W,
  TITLE_BOX,
  WHITE,
  tint,
} from './deck-theme';
import { logoBox } from './logo';
import { fitOneLine } from './text-fit';

const PAGE_NUMBER_W = 0.6;
const FOOTER_LOGO_H = 0.22;

/**
 * Defines the three masters every slide uses, so the theme (accent bar, footer with company name
 * and page number, title position) lives in the masters and not on each slide. The title is a real
 * title placeholder: PowerPoint's outline, accessibility checker and screen readers find it.
 */
export function defineSlideMasters(pptx: PptxGenJS, brand: BrandSettings): void {
  const footerLogo = brand.logoPng ? logoBox(brand.logoPng, { maxW: 1.2, maxH: FOOTER_LOGO_H }) : null;
  const companyW = CONTENT_W - PAGE_NUMBER_W - (footerLogo ? footerLogo.w + 0.2 : 0) - 0.2;
  const company = fitOneLine(brand.companyName, companyW, FOOTER_PT);

  const footer: PptxGenJS.SlideMasterProps['objects'] = [
    { line: { x: MARGIN_X, y: FOOTER_RULE_Y, w: CONTENT_W, h: 0, line: { color: HAIRLINE, width: 0.75 } } },
    {
      text: {
        text: company,
        options: { x: MARGIN_X, y: FOOTER_TEXT.y, w: companyW, h: FOOTER_TEXT.h, fontFace: brand.fontBody, fontSize: FOOTER_PT, color: MUTED, margin: 0, valign: 'middle' },
      },
    },
  ];
  if (footerLogo && brand.logoPng) {
    footer.push({
      image: { data: `image/png;base64,${brand.logoPng}`, x: SLIDE_W - MARGIN_X - PAGE_NUMBER_W - 0.15 - footerLogo.w, y: FOOTER_TEXT.y, w: footerLogo.w, h: footerLogo.h, altText: `${brand.companyName} logo` },
    });
  }
  const slideNumber: PptxGenJS.SlideNumberProps = {
    x: SLIDE_W - MARGIN_X - PAGE_NUMBER_W,
    y: FOOTER_TEXT.y,
    w: PAGE_NUMBER_W,
    h: FOOTER_TEXT.h,
    fontFace: brand.fontBody,
    fontSize: FOOTER_PT,
    color: MUTED,
    align: 'right',
    valign: 'middle',
    margin: 0,
  };
  const titlePlaceholder = (box: { x: number; y: number; w: number; h: number }, valign: 'top' | 'middle' | 'bottom') => ({
    placeholder: {
      options: { name: 'title', type: 'title' as PptxGenJS.PLACEHOLDER_TYPE, ...box, fontFace: brand.fontHeading, margin: 0, valign, align: 'left' as const },
      text: '',
    },
  });

  pptx.defineSlideMaster({
    title: MASTER.content,
    background: { color: WHITE },
    objects: [{ rect: { x: 0, y: 0, w: SLIDE_W, h: 0.08, fill: { color: brand.primaryColor }, line: { color: brand.primaryColor, width: 0 } } }, titlePlaceholder(TITLE_BOX, 'top'), ...footer],
    slideNumber,
  });

  pptx.defineSlideMaster({
    title: MASTER.section,
    background: { color: tint(brand.primaryColor, 0.93) },
    objects: [{ rect: { x: 0, y: 0, w: 0.3, h: SLIDE_H, fill: { color: brand.primaryColor }, line: { color: brand.primaryColor, width: 0 } } }, titlePlaceholder(SECTION_TITLE_BOX, 'bottom'), ...footer],
    slideNumber,
  });

  // The title slide is the brand's colour edge to edge; its text is placed per slide.
  pptx.defineSlideMaster({ title: MASTER.title, background: { color: brand.primaryColor }, objects: [titlePlaceholder(COVER_TITLE_BOX, 'middle')] });
}
