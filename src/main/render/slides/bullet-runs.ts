import type PptxGenJS from 'pptxgenjs';
import type { BrandSettings, DeckBullet } from '../../../shared/deck/deck-document';
import { INK } from '../deck-theme';
import { fitBlocks, type TextBlock } from '../text-fit';
import { isRightToLeft } from './text-direction';

/** Bullet indent in points (hanging indent of the bullet character). */
const INDENT_PT = 16;
const SUB_SCALE = 0.9;
/** Space before each bullet as a fraction of the font size: air between points without wasting rows. */
const GAP_EM = 0.55;

/** A box of bullets: the chosen size and the runs to hand to `slide.addText`. */
export interface FittedBullets {
  fontSizePt: number;
  runs: PptxGenJS.TextProps[];
  heightIn: number;
}

/**
 * Fits bullets (bold lead-in + text; sub-points indented and slightly smaller) into a box and
 * returns pptxgenjs text runs. Figures are not drawn here; slides with figures lay them out beside.
 */
export function fitBullets(
  bullets: DeckBullet[],
  box: { w: number; h: number },
  brand: BrandSettings,
  sizes: { max: number; min: number },
  options: { bulletChar?: boolean } = {},
): FittedBullets {
  const useBullets = options.bulletChar ?? true;
  const blocks: TextBlock[] = bullets.map((b) => ({
    text: b.emphasis ? `${b.emphasis} ${b.text}` : b.text,
    bold: !!b.emphasis,
    indentPt: useBullets ? INDENT_PT * ((b.level ?? 0) + 1) : 0,
    scale: b.level === 1 ? SUB_SCALE : 1,
  }));
  const fitted = fitBlocks(blocks, { widthIn: box.w, heightIn: box.h, maxPt: sizes.max, minPt: sizes.min, paragraphGapEm: GAP_EM });
  const runs: PptxGenJS.TextProps[] = [];
  fitted.texts.forEach((text, i) => {
    const bullet = bullets[i]!;
    const size = Math.round(fitted.fontSizePt * (bullet.level === 1 ? SUB_SCALE : 1));
    const run: PptxGenJS.TextPropsOptions = { fontFace: brand.fontBody, fontSize: size, color: INK };
    // Paragraph properties go on the paragraph's first run only: pptxgenjs writes an <a:pPr> for
    // every run that carries them (bullet: false included), which is invalid after the first run.
    const paragraph: PptxGenJS.TextPropsOptions = {
      ...run,
      ...(useBullets ? { bullet: { indent: INDENT_PT }, indentLevel: bullet.level ?? 0 } : {}),
      paraSpaceBefore: i === 0 ? 0 : Math.round(fitted.fontSizePt * GAP_EM),
      rtlMode: isRightToLeft(text),
    };
    // Truncation may have cut into the bold lead-in; split what is left at the same boundary.
    const lead = bullet.emphasis ? (text.startsWith(bullet.emphasis) ? bullet.emphasis : text) : '';
    const rest = text.slice(lead.length);
    const breakLine = i < fitted.texts.length - 1;
    if (lead && rest) {
      runs.push({ text: lead, options: { ...paragraph, bold: true } });
      runs.push({ text: rest, options: { ...run, breakLine } });
    } else {
      runs.push({ text: lead || rest, options: { ...paragraph, bold: !!lead, breakLine } });
    }
  });
  return { fontSizePt: fitted.fontSizePt, runs, heightIn: fitted.heightIn };
}
