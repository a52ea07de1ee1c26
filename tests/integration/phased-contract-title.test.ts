import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { monthLabel } from '../../src/shared/calendar';
import { deckSlideTexts, type SlideText } from '../support/deck-text';
import { useDemoBackend } from '../support/demo-decks';

/*
 * Cascadia's deck used "activated" for two different counts: "3,507 of 4,000 users activated" (the
 * users activated under the phased contract, counted toward its switchover) on one slide and "66% of
 * enrolled members activated" (active in the month) on the Engagement Gate, with no month on the
 * first. The contract's count says it is the contract's, and as of when.
 */

let slides: SlideText[];
let reportMonth: string;
useDemoBackend(async ({ call, dir }) => {
  const cascadia = (await call('accounts.list', {})).find((account) => account.name.startsWith('Cascadia'))!;
  reportMonth = cascadia.latestMetricMonth!;
  const filePath = path.join(dir, 'cascadia.pptx');
  await call('decks.export', { accountId: cascadia.id, audience: ['employer_hr_benefits_leader', 'buyer_cfo'], deckType: 'qbr', filePath, overwrite: true });
  slides = await deckSlideTexts(filePath);
});

describe("the phased contract's activated users", () => {
  it('are named as the contract counts them, with their month', () => {
    const title = slides.map((slide) => slide.text.split('\n')[0]!).find((line) => /users (had )?activated/.test(line))!;
    expect(title).toMatch(new RegExp(`^By ${monthLabel(reportMonth)}, [\\d,]+ of [\\d,]+ users had activated under the contract \\(\\d+%\\)`));
  });
});
