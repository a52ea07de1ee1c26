import { describe, expect, it } from 'vitest';
import type { SlideText } from '../support/deck-text';
import { demoPortfolioDecks, useDemoBackend } from '../support/demo-decks';

/*
 * Our fee is what the customer pays: a contract figure, not one of their KPIs. Cascadia's
 * scorecard listed "Monthly contract revenue" among its KPIs ("Not measured"), and its KPI
 * definitions said it is better when higher; Riverbend's said the same of "Our revenue per
 * enrolled patient". A deck neither scores nor judges a fee; its definitions name it as a fee.
 */

let decks: { file: string; slides: SlideText[] }[] = [];
useDemoBackend(async (demo) => {
  decks = await demoPortfolioDecks(demo);
});

const FEE_NAMES = /Monthly contract revenue|Our revenue per enrolled patient|Monthly program fees|Our fee per enrolled patient/;

describe('fees on customer slides', () => {
  it('the scorecard lists no fee among the KPIs', () => {
    let scorecards = 0;
    for (const { file, slides } of decks) {
      for (const slide of slides.filter((candidate) => candidate.text.includes('Metrics vs target'))) {
        scorecards += 1;
        expect(slide.text, `${file}, slide ${slide.index}`).not.toMatch(FEE_NAMES);
      }
    }
    expect(scorecards).toBeGreaterThanOrEqual(9);
  });

  it('the KPI definitions name a fee as set by the contract, never better when higher', () => {
    let fees = 0;
    for (const { file, slides } of decks) {
      for (const slide of slides.filter((candidate) => candidate.text.includes('KPI definitions'))) {
        const lines = slide.text.split('\n');
        lines.forEach((line, index) => {
          if (!FEE_NAMES.test(line)) return;
          fees += 1;
          expect(line, `${file}, slide ${slide.index}`).toMatch(/^(Monthly program fees|Our fee per enrolled patient)$/);
          expect(lines[index + 2], `${file}, slide ${slide.index}: ${line}`).toBe('Set by contract');
        });
      }
    }
    expect(fees).toBeGreaterThanOrEqual(2);
  });
});
