import type { BrandSettings, KpiStatus } from '../../shared/deck/deck-document';

/*
 * One place for the deck's geometry (inches on a 10 × 5.625 in, 16:9 slide) and colours, so every
 * slide kind puts its title, body and footnote in exactly the same spots.
 */

export const SLIDE_W = 10;
export const SLIDE_H = 5.625;
/** Left/right margin; generous so nothing crowds the edge on a projector. */
export const MARGIN_X = 0.55;
export const CONTENT_W = SLIDE_W - 2 * MARGIN_X;

/** Action title: up to two lines, shrinking from 24 to 17 pt before anything is cut. */
export const TITLE_BOX = { x: MARGIN_X, y: 0.32, w: CONTENT_W, h: 0.78 } as const;
export const TITLE_PT = { max: 24, min: 17 } as const;
/** Cover slide title: large, up to three lines. */
export const COVER_TITLE_BOX = { x: MARGIN_X, y: 1.75, w: CONTENT_W, h: 1.65 } as const;
export const COVER_TITLE_PT = { max: 40, min: 24 } as const;
/** Section divider title, right of the accent band, sitting on the slide's optical centre. */
export const SECTION_TITLE_BOX = { x: 0.95, y: 1.55, w: SLIDE_W - 0.95 - MARGIN_X, h: 1.35 } as const;
export const SECTION_TITLE_PT = { max: 36, min: 22 } as const;
export const SUBTITLE_BOX = { x: MARGIN_X, y: 1.1, w: CONTENT_W, h: 0.3 } as const;
export const SUBTITLE_PT = 13;

/** The body area every slide kind lays out inside (below title and subtitle, above the footnote). */
export const BODY = { x: MARGIN_X, y: 1.5, w: CONTENT_W, h: 3.25 } as const;
/** Body text never goes below 12 pt: the smallest that reads from the back of a meeting room. */
export const BODY_PT = { max: 18, min: 12 } as const;

export const FOOTNOTE_BOX = { x: MARGIN_X, y: 4.8, w: CONTENT_W, h: 0.36 } as const;
export const FOOTNOTE_PT = 9;

export const FOOTER_RULE_Y = 5.22;
export const FOOTER_TEXT = { y: 5.27, h: 0.24 } as const;
export const FOOTER_PT = 9;

/** Neutral colours shared by every brand; the brand supplies only the accent. */
export const INK = '1F2937';
export const MUTED = '6B7280';
export const HAIRLINE = 'D1D5DB';
export const GRID = 'E5E7EB';
export const ZEBRA = 'F3F4F6';
export const WHITE = 'FFFFFF';

/** Status colours with the words that always accompany them (colour is never the only signal). */
export const STATUS_STYLE: Record<KpiStatus, { color: string; label: string }> = {
  good: { color: '2E7D32', label: 'On track' },
  watch: { color: 'B26A00', label: 'Watch' },
  risk: { color: 'C62828', label: 'At risk' },
  neutral: { color: '6B7280', label: 'For context' },
};

/** Master names; one per visual family. */
export const MASTER = { title: 'QBR_TITLE', section: 'QBR_SECTION', content: 'QBR_CONTENT' } as const;

/** Chart series colours: the brand's two colours first, then calm greys, so one accent dominates. */
export function seriesPalette(brand: BrandSettings): string[] {
  return [brand.primaryColor, brand.secondaryColor, '6B7280', '374151', '94A3B8', '4B5563', '9CA3AF', '1F2937', '64748B', '52525B', 'A3A3A3', '334155'].map((c) => c.toUpperCase());
}

/** The dashed target line's colour: dark neutral, so it reads as a reference and not as data. */
export const TARGET_LINE_COLOR = '374151';

/** A light tint of `hex` (0 = the colour, 1 = white), for section backgrounds and callout panels. */
export function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex, 16);
  const channel = (shift: number): string => {
    const c = (n >> shift) & 0xff;
    return Math.round(c + (255 - c) * amount)
      .toString(16)
      .padStart(2, '0');
  };
  return `${channel(16)}${channel(8)}${channel(0)}`.toUpperCase();
}

/** Text colour readable on `hex`: white on dark fills, ink on light ones (WCAG relative luminance). */
export function textOn(hex: string): string {
  const n = Number.parseInt(hex, 16);
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin((n >> 16) & 0xff) + 0.7152 * lin((n >> 8) & 0xff) + 0.0722 * lin(n & 0xff);
  return l > 0.4 ? INK : WHITE;
}
