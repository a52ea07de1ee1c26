/*
 * Conservative text measurement without a layout engine (the renderer must stay pure and fast, so no
 * canvas or font files at run time). Widths for printable ASCII are Calibri's advance widths, read
 * from Carlito (metric-compatible with Calibri) in 1/1000 em; everything else gets a deliberately
 * generous estimate so that we err towards shrinking or wrapping rather than overflowing.
 */

/** Advance widths (1/1000 em) for code points 32..126, Carlito Regular. */
const REGULAR = [
  226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386, 507, 507, 507, 507, 507, 507, 507, 507, 507, 507, 268, 268, 498, 498, 498, 463,
  894, 579, 544, 533, 615, 488, 459, 631, 623, 252, 319, 520, 420, 855, 646, 662, 517, 673, 543, 459, 487, 642, 567, 890, 519, 487, 468, 307, 386, 307, 498, 498,
  291, 479, 525, 423, 525, 498, 305, 471, 525, 229, 239, 455, 229, 799, 525, 527, 525, 525, 349, 391, 335, 525, 452, 715, 433, 453, 395, 314, 460, 314, 498,
];

/** Advance widths (1/1000 em) for code points 32..126, Carlito Bold. */
const BOLD = [
  226, 326, 438, 498, 507, 729, 705, 233, 312, 312, 498, 498, 258, 306, 267, 430, 507, 507, 507, 507, 507, 507, 507, 507, 507, 507, 276, 276, 498, 498, 498, 463,
  898, 606, 561, 529, 630, 488, 459, 637, 631, 267, 331, 547, 423, 874, 659, 676, 532, 686, 563, 473, 495, 653, 591, 906, 551, 520, 478, 325, 430, 325, 498, 498,
  300, 494, 537, 418, 537, 503, 316, 474, 537, 246, 255, 480, 246, 813, 537, 538, 537, 537, 355, 399, 347, 537, 473, 745, 459, 474, 397, 344, 475, 344, 498,
];

/**
 * Safety margin on every measurement: other fonts a brand may choose (Arial, Segoe) are up to ~8%
 * wider than Calibri, and renderers differ in kerning and fallback fonts.
 */
const SAFETY = 1.1;

/** Single line spacing as a multiple of the font size (Calibri ascent + descent + line gap). */
export const LINE_HEIGHT_EM = 1.22;

/** Width of one code point in 1/1000 em; generous outside ASCII because a fallback font will draw it. */
function charWidth(codePoint: number, bold: boolean): number {
  if (codePoint >= 32 && codePoint <= 126) return (bold ? BOLD : REGULAR)[codePoint - 32]!;
  if (codePoint < 0x0250) return 600; // Latin-1 and Latin Extended: accented letters, typographic quotes
  if (codePoint >= 0x0590 && codePoint <= 0x08ff) return 650; // Hebrew, Arabic: drawn by a fallback font
  if (codePoint >= 0x2e80 && codePoint <= 0xffef) return 1000; // CJK and full-width forms
  if (codePoint > 0xffff) return 1300; // emoji and other astral symbols, often drawn wide by colour fonts
  return 700;
}

/** Width of `text` on one line, in points. */
export function measureTextWidthPt(text: string, fontSizePt: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch.codePointAt(0)!, bold);
  return (units / 1000) * fontSizePt * SAFETY;
}

/**
 * Greedy word wrap, as PowerPoint does it: break at spaces; a word longer than the line (a long
 * number, a URL) is broken by characters. Explicit newlines start new lines.
 */
export function wrapText(text: string, widthPt: number, fontSizePt: number, bold = false): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measureTextWidthPt(candidate, fontSizePt, bold) <= widthPt) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      // The word alone does not fit: break it by characters.
      let rest = word;
      while (measureTextWidthPt(rest, fontSizePt, bold) > widthPt) {
        const chars = Array.from(rest);
        let take = 1;
        while (take < chars.length && measureTextWidthPt(chars.slice(0, take + 1).join(''), fontSizePt, bold) <= widthPt) take += 1;
        lines.push(chars.slice(0, take).join(''));
        rest = chars.slice(take).join('');
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** Cuts `text` so that it plus an ellipsis fits on one line of `widthPt`. */
export function truncateToWidth(text: string, widthPt: number, fontSizePt: number, bold = false): string {
  if (measureTextWidthPt(text, fontSizePt, bold) <= widthPt) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measureTextWidthPt(`${chars.slice(0, mid).join('').trimEnd()}…`, fontSizePt, bold) <= widthPt) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}
