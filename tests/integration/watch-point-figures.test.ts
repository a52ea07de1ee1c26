import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckSlideTexts } from '../support/deck-text';
import { openTempBackend } from '../support/temp-backend';

/*
 * A watch point's figure says what it measures. Meridian's summary showed "29%" beside "the
 * contracted clinical outcome is tracking at or below its benchmark", and its risks slide "(29%)",
 * without saying 29% of what; Granite's said "(885)" and "(70%)". A customer reads the slide, not
 * our evidence table: the figure is named where it stands, on every demo deck.
 */

type Env = Awaited<ReturnType<typeof openTempBackend>>;
let env: Env;
const call: Env['backend']['client']['call'] = (...args) => env.backend.client.call(...args);

beforeAll(async () => {
  env = await openTempBackend();
  await call('demo.load', {});
});
afterAll(async () => env.cleanup());

/** A figure on its own in brackets: "(29%)", "(885)", "(10.6 days)". */
const BARE_FIGURE = /\((?:[$]?[\d.,–-]+\s*(?:%|days|months)?)\)/;
/** A paragraph that is only a figure (the summary's callout column). */
const FIGURE_ONLY = /^[$]?[\d.,–-]+\s*(?:%|days|months)?$/;

describe('watch points name their figures', () => {
  it('on the executive summary and the risks slide of every demo deck', async () => {
    let summaries = 0;
    let risks = 0;
    for (const account of await call('accounts.list', {})) {
      const audience = [...new Set((await call('stakeholders.list', { accountId: account.id })).map((person) => person.archetype))].slice(0, 4);
      const filePath = path.join(env.dir, `${account.id}.pptx`);
      await call('decks.export', { accountId: account.id, audience, deckType: 'qbr', filePath, overwrite: true });
      for (const slide of await deckSlideTexts(filePath)) {
        const lines = slide.text.split('\n');
        if (lines.some((line) => line.startsWith('Watch points and proposed steps'))) {
          risks += 1;
          for (const line of lines) expect(line, `${account.name}, slide ${slide.index}`).not.toMatch(BARE_FIGURE);
        }
        const watch = lines.findIndex((line) => line.startsWith('Watch point:'));
        const figure = lines[watch - 1];
        if (watch > 0 && figure !== undefined && FIGURE_ONLY.test(figure)) {
          summaries += 1;
          // The callout's figure appears in the sentence beside it, with what it measures.
          expect(lines[watch], `${account.name}, slide ${slide.index}`).toMatch(new RegExp(`[a-z]: ${figure.replace(/[.$]/g, '\\$&')}(?![\\d.,])`));
        }
      }
    }
    expect(risks, 'risks slides read').toBeGreaterThan(2);
    expect(summaries, 'summary watch points with a figure read').toBeGreaterThan(2);
  }, 120_000);
});
