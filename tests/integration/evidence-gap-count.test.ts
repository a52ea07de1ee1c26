import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHETYPES } from '../../src/shared/framework/keys';
import { openTempBackend } from '../support/temp-backend';

/*
 * One count of the proof a room will miss. The executive summary's "N evidence gaps to close", the
 * evidence slide's "N pieces of proof you will want are not in the data yet" and the deck builder's
 * list are one number: the proof still to come, one piece per step that closes it, however many
 * people ask for it and on however many streams. Meridian's deck once said six on slide 3 and four
 * on slide 8 (the summary counted one gap per person and stream).
 */

type Env = Awaited<ReturnType<typeof openTempBackend>>;
let env: Env;
const call: Env['backend']['client']['call'] = (...args) => env.backend.client.call(...args);

beforeAll(async () => {
  env = await openTempBackend();
  await call('demo.load', {});
});
afterAll(async () => env.cleanup());

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const countIn = (text: string, pattern: RegExp): number | null => {
  const word = pattern.exec(text)?.[1]?.toLowerCase();
  if (word === undefined) return null;
  return WORDS.includes(word) ? WORDS.indexOf(word) : Number(word.replace(/,/g, ''));
};

describe('the evidence gaps are counted once', () => {
  it('for every demo account and person in the room, the summary, the evidence slide and the deck builder give the same count', async () => {
    const compared: string[] = [];
    for (const account of await call('accounts.list', {})) {
      const mapped = (await call('stakeholders.list', { accountId: account.id })).map((person) => person.archetype);
      const rooms = [[...new Set(mapped)].slice(0, 4), ...ARCHETYPES.map((archetype) => [archetype])].filter((room) => room.length > 0);
      for (const audience of rooms) {
        const outline = await call('decks.plan', { accountId: account.id, audience });
        const slide = outline.slides.find((s) => s.id === 'evidence-gaps');
        const onSlide = slide ? countIn(slide.title, /^(\w+) pieces? of proof/i) : 0;
        expect(outline.missingProof.length, `${account.name} for ${audience.join(', ')}: the deck builder`).toBe(onSlide);
        const summary = outline.slides.find((s) => s.id === 'executive-summary')!;
        const inSummary = countIn(summary.title, /(\w+) evidence gaps? to close/i);
        if (inSummary !== null) {
          expect(inSummary, `${account.name} for ${audience.join(', ')}: "${summary.title}" against "${slide?.title}"`).toBe(onSlide);
          compared.push(account.name);
        }
      }
    }
    expect(new Set(compared).size, 'summaries that count the gaps').toBeGreaterThan(0);
  });
});
