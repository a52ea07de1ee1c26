import { describe, expect, it } from 'vitest';
import { monthLabel } from '../../src/shared/calendar';
import { demoRoomDecks, useDemoBackend, type RoomDeck } from '../support/demo-decks';

/*
 * "Avoided" is a claim about what would have happened otherwise. Summit's deck printed
 * "Readmission cost avoided: $122,345" and "ER visits avoided: 48" as facts while the same deck
 * said no matched comparison group was applied and listed matched-cohort savings as proof still to
 * come; an actuary reads that as an overclaim. Until matched-cohort savings are recorded, such a
 * figure is named as reported, with who reported it. And the readmission rates the slide leads
 * with say which month they are ("8.2% vs 17.9%" had no period).
 */

let decks: RoomDeck[] = [];
useDemoBackend(async (demo) => {
  decks = await demoRoomDecks(demo);
});

describe('avoided costs and events are named as reported until a matched comparison exists', () => {
  it('no slide states an avoided figure as a bare fact', () => {
    let seen = 0;
    for (const { account, slides } of decks) {
      for (const slide of slides) {
        for (const figure of slide.text.matchAll(/(\S+ )?(ER visits avoided|[Rr]eadmission cost avoided):\s*\$?\d/g)) {
          seen += 1;
          expect(figure[0], `${account}, slide ${slide.index}`).toMatch(/^Reported /);
        }
      }
    }
    // Summit's proof slide and summary carry both figures.
    expect(seen).toBeGreaterThanOrEqual(4);
  });

  it('a slide with a reported avoided figure says who reported it and that it is not matched', () => {
    const summit = decks.find((deck) => deck.account.startsWith('Summit'))!;
    const proof = summit.slides.find((slide) => slide.text.includes('Reported readmission cost avoided:') && !slide.text.includes('Executive summary'))!;
    expect(proof.text).toContain("“Reported” figures are as their sources recorded them, without a matched control group.");
  });

  it('monitored vs unmonitored readmission rates say their month', () => {
    let seen = 0;
    for (const { account, slides, reportMonth } of decks) {
      for (const slide of slides) {
        for (const line of slide.text.split('\n')) {
          if (!/readmitted at [\d.]+% vs [\d.]+% unmonitored/.test(line)) continue;
          seen += 1;
          expect(line, `${account}, slide ${slide.index}`).toContain(`In ${monthLabel(reportMonth!)}`);
        }
      }
    }
    expect(seen).toBeGreaterThanOrEqual(2);
  });
});
