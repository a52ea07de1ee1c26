import { describe, expect, it } from 'vitest';
import { shortenAtWord } from '../../../src/shared/deck-plan/slide-names';

describe('shortenAtWord: names sized for slides', () => {
  it('leaves a name that fits alone, flattening line breaks', () => {
    expect(shortenAtWord('Riverbend Cardiology', 48)).toBe('Riverbend Cardiology');
    expect(shortenAtWord('Riverbend\nCardiology', 48)).toBe('Riverbend Cardiology');
  });

  it('cuts between words and marks the cut, never past the limit', () => {
    const name = 'Riverbend Cardiology Associates of the Greater Valley';
    const short = shortenAtWord(name, 30);
    expect(short).toBe('Riverbend Cardiology…');
    expect(short.length).toBeLessThanOrEqual(30);
    expect(shortenAtWord('Vice President, Population Health', 20)).toBe('Vice President…');
  });

  it('cuts inside a word only when one word is longer than half the limit', () => {
    expect(shortenAtWord('C'.repeat(200), 10)).toBe(`${'C'.repeat(9)}…`);
    expect(shortenAtWord(`Dr ${'X'.repeat(50)}`, 20)).toBe(`Dr ${'X'.repeat(16)}…`);
  });

  it('never splits an emoji or other surrogate pair', () => {
    const short = shortenAtWord('😀'.repeat(20), 10);
    expect(short).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(short.length).toBeLessThanOrEqual(10);
  });
});
