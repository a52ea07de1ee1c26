import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthLabel } from '../../src/shared/calendar';
import { deckSlideTexts, type SlideText } from '../support/deck-text';
import { openTempBackend } from '../support/temp-backend';

/*
 * Cascadia's deck used "activated" for two different counts: "3,507 of 4,000 users activated" (the
 * users activated under the phased contract, counted toward its switchover) on one slide and "66% of
 * enrolled members activated" (active in the month) on the Engagement Gate, with no month on the
 * first. The contract's count says it is the contract's, and as of when.
 */

type Env = Awaited<ReturnType<typeof openTempBackend>>;
let env: Env;
const call: Env['backend']['client']['call'] = (...args) => env.backend.client.call(...args);
let slides: SlideText[];
let reportMonth: string;

beforeAll(async () => {
  env = await openTempBackend();
  await call('demo.load', {});
  const cascadia = (await call('accounts.list', {})).find((account) => account.name.startsWith('Cascadia'))!;
  reportMonth = cascadia.latestMetricMonth!;
  const filePath = path.join(env.dir, 'cascadia.pptx');
  await call('decks.export', { accountId: cascadia.id, audience: ['employer_hr_benefits_leader', 'buyer_cfo'], deckType: 'qbr', filePath, overwrite: true });
  slides = await deckSlideTexts(filePath);
}, 60_000);
afterAll(async () => env.cleanup());

describe("the phased contract's activated users", () => {
  it('are named as the contract counts them, with their month', () => {
    const title = slides.map((slide) => slide.text.split('\n')[0]!).find((line) => /users (had )?activated/.test(line))!;
    expect(title).toMatch(new RegExp(`^By ${monthLabel(reportMonth)}, [\\d,]+ of [\\d,]+ users had activated under the contract \\(\\d+%\\)`));
  });
});
