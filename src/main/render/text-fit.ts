import { LINE_HEIGHT_EM, measureTextWidthPt, truncateToWidth, wrapText } from './text-metrics';

/** One paragraph to fit; `indentPt` narrows its lines (bullets), `bold` measures it wider. */
export interface TextBlock {
  text: string;
  bold?: boolean;
  indentPt?: number;
  /** Size relative to the block's font size (a sub-bullet at 0.9). */
  scale?: number;
}

/** A text box and the font sizes it may use. Sizes in points, box in inches (as pptxgenjs places it). */
export interface FitBox {
  widthIn: number;
  heightIn: number;
  maxPt: number;
  minPt: number;
  /** Extra space before each paragraph but the first, as a multiple of the font size. */
  paragraphGapEm?: number;
  /** Hard cap on lines per paragraph (titles: 2) regardless of height. */
  maxLinesPerBlock?: number;
}

/** The outcome: one font size for the whole box, and each paragraph's text (shortened with … if it had to be). */
export interface FittedBlocks {
  fontSizePt: number;
  texts: string[];
  /** Lines per paragraph at that size, for callers that stack boxes. */
  lineCounts: number[];
  /** True when text had to be cut (an ellipsis was added or paragraphs were dropped). */
  truncated: boolean;
  /** Height the text needs at the chosen size, in inches. */
  heightIn: number;
}

const PT_PER_IN = 72;

function linesOf(block: TextBlock, text: string, widthPt: number, sizePt: number): number {
  const size = sizePt * (block.scale ?? 1);
  return wrapText(text, widthPt - (block.indentPt ?? 0), size, block.bold).length;
}

function heightPt(blocks: TextBlock[], lineCounts: number[], sizePt: number, gapEm: number): number {
  return lineCounts.reduce((sum, lines, i) => sum + lines * sizePt * (blocks[i]!.scale ?? 1) * LINE_HEIGHT_EM + (i > 0 ? gapEm * sizePt : 0), 0);
}

/**
 * Picks the largest font size (whole points, `maxPt` down to `minPt`) at which every paragraph fits
 * the box. If nothing fits at `minPt`, paragraphs are capped to fewer lines and cut with an
 * ellipsis, and trailing paragraphs are dropped as a very last resort; text never spills out.
 * @example fitBlocks([{ text: title, bold: true }], { widthIn: 9, heightIn: 0.8, maxPt: 26, minPt: 16, maxLinesPerBlock: 2 })
 */
export function fitBlocks(blocks: TextBlock[], box: FitBox): FittedBlocks {
  const widthPt = box.widthIn * PT_PER_IN;
  const boxHeightPt = box.heightIn * PT_PER_IN;
  const gapEm = box.paragraphGapEm ?? 0;
  const maxLines = box.maxLinesPerBlock ?? Number.POSITIVE_INFINITY;
  for (let size = box.maxPt; size >= box.minPt; size -= 1) {
    const counts = blocks.map((b) => linesOf(b, b.text, widthPt, size));
    if (counts.every((c) => c <= maxLines) && heightPt(blocks, counts, size, gapEm) <= boxHeightPt + 0.01) {
      return { fontSizePt: size, texts: blocks.map((b) => b.text), lineCounts: counts, truncated: false, heightIn: heightPt(blocks, counts, size, gapEm) / PT_PER_IN };
    }
  }
  return truncateBlocks(blocks, box, widthPt, boxHeightPt, gapEm, maxLines);
}

function truncateBlocks(blocks: TextBlock[], box: FitBox, widthPt: number, boxHeightPt: number, gapEm: number, maxLines: number): FittedBlocks {
  const size = box.minPt;
  const natural = blocks.map((b) => linesOf(b, b.text, widthPt, size));
  // Lower a shared per-paragraph line cap until the whole box fits; keeps every paragraph visible.
  for (let cap = Math.min(maxLines, Math.max(...natural)); cap >= 1; cap -= 1) {
    const counts = natural.map((n) => Math.min(n, cap));
    if (heightPt(blocks, counts, size, gapEm) <= boxHeightPt + 0.01) {
      const texts = blocks.map((b, i) => (natural[i]! > cap ? cutToLines(b, widthPt, size, cap) : b.text));
      return { fontSizePt: size, texts, lineCounts: counts, truncated: true, heightIn: heightPt(blocks, counts, size, gapEm) / PT_PER_IN };
    }
  }
  // Even one line each is too tall: keep as many one-line paragraphs as fit.
  const kept: TextBlock[] = [];
  for (const block of blocks) {
    if (heightPt([...kept, block], [...kept, block].map(() => 1), size, gapEm) > boxHeightPt + 0.01) break;
    kept.push(block);
  }
  const texts = kept.map((b) => cutToLines(b, widthPt, size, 1));
  return { fontSizePt: size, texts, lineCounts: kept.map(() => 1), truncated: true, heightIn: heightPt(kept, kept.map(() => 1), size, gapEm) / PT_PER_IN };
}

/** The longest prefix of the block's text that, with an ellipsis, wraps to at most `lines` lines. */
function cutToLines(block: TextBlock, widthPt: number, sizePt: number, lines: number): string {
  const size = sizePt * (block.scale ?? 1);
  const width = widthPt - (block.indentPt ?? 0);
  if (lines === 1) return truncateToWidth(block.text.replace(/\s*\n\s*/g, ' '), width, size, block.bold);
  const chars = Array.from(block.text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (wrapText(`${chars.slice(0, mid).join('').trimEnd()}…`, width, size, block.bold).length <= lines) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}

/** Fits a single string; see fitBlocks. */
export function fitText(text: string, box: FitBox & { bold?: boolean }): { fontSizePt: number; text: string; lines: number; truncated: boolean } {
  const fitted = fitBlocks([{ text, bold: box.bold }], box);
  return { fontSizePt: fitted.fontSizePt, text: fitted.texts[0] ?? '', lines: fitted.lineCounts[0] ?? 0, truncated: fitted.truncated };
}

/** Shortens a one-line label (footer, axis, tile caption) to the width at a fixed size. */
export function fitOneLine(text: string, widthIn: number, sizePt: number, bold = false): string {
  return measureTextWidthPt(text, sizePt, bold) <= widthIn * PT_PER_IN ? text : truncateToWidth(text, widthIn * PT_PER_IN, sizePt, bold);
}

/**
 * Fits a one-line label by shrinking from `maxPt` to `minPt` first; it is shortened only when even
 * `minPt` is too wide (a pathological name), so plan text reaches the slide whole.
 */
export function fitLine(text: string, widthIn: number, maxPt: number, minPt: number, bold = false): { text: string; fontSizePt: number } {
  for (let size = maxPt; size >= minPt; size -= 0.5) {
    if (measureTextWidthPt(text, size, bold) <= widthIn * PT_PER_IN) return { text, fontSizePt: size };
  }
  return { text: fitOneLine(text, widthIn, minPt, bold), fontSizePt: minPt };
}
