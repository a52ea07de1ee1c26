import { describe, expect, it } from 'vitest';
import { TITLE_BOX, TITLE_PT } from '../../../src/main/render/deck-theme';
import { fitBlocks, fitOneLine } from '../../../src/main/render/text-fit';
import { measureTextWidthPt, wrapText } from '../../../src/main/render/text-metrics';
import { LONG_ACCOUNT_NAME } from '../../support/deck-fixtures';

describe('text fitting', () => {
  it('measures Calibri-width text: digits are 0.507 em', () => {
    expect(measureTextWidthPt('0000000000', 10)).toBeCloseTo(10 * 0.507 * 10 * 1.1, 5);
  });

  it('keeps a short title at the largest size', () => {
    const fitted = fitBlocks([{ text: 'Revenue grew 12%', bold: true }], { widthIn: TITLE_BOX.w, heightIn: TITLE_BOX.h, maxPt: TITLE_PT.max, minPt: TITLE_PT.min, maxLinesPerBlock: 2 });
    expect(fitted).toMatchObject({ fontSizePt: TITLE_PT.max, truncated: false, texts: ['Revenue grew 12%'] });
  });

  it('shrinks, then cuts a 200-character account name to two title lines with an ellipsis', () => {
    const box = { widthIn: TITLE_BOX.w, heightIn: TITLE_BOX.h, maxPt: TITLE_PT.max, minPt: TITLE_PT.min, maxLinesPerBlock: 2 };
    const fitted = fitBlocks([{ text: LONG_ACCOUNT_NAME, bold: true }], box);
    expect(fitted.fontSizePt).toBe(TITLE_PT.min);
    expect(fitted.truncated).toBe(true);
    expect(fitted.texts[0]!.endsWith('…')).toBe(true);
    expect(LONG_ACCOUNT_NAME.startsWith(fitted.texts[0]!.slice(0, -1))).toBe(true);
    expect(wrapText(fitted.texts[0]!, box.widthIn * 72, TITLE_PT.min, true).length).toBeLessThanOrEqual(2);
  });

  it('breaks a 12-digit number that has no spaces rather than letting it overflow', () => {
    const lines = wrapText('123456789012', 40, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('123456789012');
    expect(lines.every((l) => measureTextWidthPt(l, 12) <= 40)).toBe(true);
  });

  it('cuts a one-line label to its width', () => {
    const cut = fitOneLine(LONG_ACCOUNT_NAME, 3, 9);
    expect(cut.endsWith('…')).toBe(true);
    expect(measureTextWidthPt(cut, 9)).toBeLessThanOrEqual(3 * 72);
  });

  it('drops nothing and truncates nothing when a bullet list fits', () => {
    const fitted = fitBlocks([{ text: 'One' }, { text: 'Two' }], { widthIn: 4, heightIn: 2, maxPt: 18, minPt: 12, paragraphGapEm: 0.5 });
    expect(fitted).toMatchObject({ fontSizePt: 18, truncated: false, texts: ['One', 'Two'] });
  });
});
