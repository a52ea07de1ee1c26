import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckSlideTexts, type SlideText } from '../support/deck-text';
import { openTempBackend } from '../support/temp-backend';

/*
 * One standing per KPI in a deck. Granite's "Revenue at risk on outcomes" tile said enrollment
 * (12.1%) was "On track" because it had risen, while its scorecard said "Below target" against the
 * 15% success-plan goal; Meridian's tile said "On track" for a KPI with no target at all. A tile
 * that judges a KPI now says what the scorecard says about it, in the same word.
 */

type Env = Awaited<ReturnType<typeof openTempBackend>>;
let env: Env;
const call: Env['backend']['client']['call'] = (...args) => env.backend.client.call(...args);
const decks: { account: string; slides: SlideText[] }[] = [];

beforeAll(async () => {
  env = await openTempBackend();
  await call('demo.load', {});
  for (const account of await call('accounts.list', {})) {
    const mapped = [...new Set((await call('stakeholders.list', { accountId: account.id })).map((person) => person.archetype))];
    // The mapped room, and each person alone: tiles appear on the slides of the person who believes them.
    for (const audience of [mapped.slice(0, 4), ...mapped.map((archetype) => [archetype])]) {
      const filePath = path.join(env.dir, `${account.id}-${audience.join('+')}.pptx`);
      await call('decks.export', { accountId: account.id, audience, deckType: 'qbr', filePath, overwrite: true });
      decks.push({ account: `${account.name} for ${audience.join(', ')}`, slides: await deckSlideTexts(filePath) });
    }
  }
}, 180_000);
afterAll(async () => env.cleanup());

/** Tiles that judge a KPI, and the KPI's name on the scorecard. */
const TILE_KPIS: [tile: RegExp, scorecard: string][] = [
  [/^Eligible members enrolled, /, 'Enrollment rate (enrolled ÷ eligible)'],
  [/^Claims-data completeness, /, 'Claims-data completeness'],
  [/^Eligibility-file accuracy, /, 'Eligibility-file accuracy'],
  [/^At clinical goal, /, 'Clinical goal achievement (at target ÷ engaged)'],
];

describe('a KPI tile and the scorecard', () => {
  it('give the same standing for the same KPI', () => {
    let compared = 0;
    for (const { account, slides } of decks) {
      const lines = slides.flatMap((slide) => slide.text.split('\n'));
      // The scorecard's rows (on several streams a row's name ends with " · <stream>"): name, value, 3 months, a year, target, status.
      const scorecard = slides.filter((slide) => slide.text.includes('\nMetrics vs target')).flatMap((slide) => slide.text.split('\n'));
      for (const [tile, name] of TILE_KPIS) {
        const atTile = lines.findIndex((line) => tile.test(line));
        const rowWords = scorecard.flatMap((line, i) => (line === name || line.startsWith(`${name} · `) ? [scorecard[i + 5]] : []));
        if (atTile < 0 || rowWords.length === 0) continue;
        // Tile: label, value, "status · caption".
        const tileWord = lines[atTile + 2]!.split(' · ')[0];
        expect(rowWords, `${account}: "${lines[atTile]}" (${tileWord}) against the scorecard's ${name}`).toContain(tileWord);
        compared += 1;
      }
    }
    expect(compared, 'tiles compared with the scorecard').toBeGreaterThan(3);
  });
});

describe('a success-plan goal behind pace', () => {
  it('is counted off track on the goals slide (Northwind: 9.6% → 9.8% of a 20% goal, six of its eight months gone)', () => {
    const northwind = decks.filter(({ account }) => account.startsWith('Northwind Logistics'));
    const goalsSlides = northwind.flatMap(({ slides }) => slides.filter((slide) => slide.text.includes('\nSuccess plan as of ')));
    expect(goalsSlides.length, 'Northwind goals slides').toBeGreaterThan(0);
    for (const slide of goalsSlides) {
      expect(slide.text).toContain('Behind pace');
      expect(slide.text.split('\n')[0]).toBe('The success-plan goal is not met yet and is behind pace');
    }
  });
});

describe('a score (Member NPS, −100 to 100) moves in points', () => {
  it('on the scorecard and in the sentences that quote its change, never in percent', () => {
    let read = 0;
    for (const { account, slides } of decks) {
      const lines = slides.flatMap((slide) => slide.text.split('\n'));
      const scorecard = new Set(slides.filter((slide) => slide.text.includes('\nMetrics vs target')).flatMap((slide) => slide.text.split('\n')));
      lines.forEach((line, i) => {
        if ((line === 'Member NPS' || line.startsWith('Member NPS · ')) && scorecard.has(line) && lines[i + 2] !== undefined && /^(±|\+|−)/.test(lines[i + 2]!)) {
          // name, value, vs 3 months, vs a year
          for (const change of [lines[i + 2]!, lines[i + 3]!]) expect(change, `${account}: ${line}`).toMatch(/ pts$/);
          read += 1;
        }
        for (const quoted of line.matchAll(/Member NPS: [^;.]*?\(([^)]*in three months)\)/g)) {
          expect(quoted[1], `${account}: ${line}`).toMatch(/ pts in three months$/);
          read += 1;
        }
      });
    }
    expect(read, 'NPS changes read').toBeGreaterThan(3);
  });
});

describe('a fee tile and its basis', () => {
  it('multiply out: the rate, the members and the months under the total give the total', async () => {
    let read = 0;
    const number = (text: string) => Number(text.replace(/[$,]/g, ''));
    // A whole past quarter too: a fee total over several months once showed one month's basis.
    const pastQuarter: typeof decks = [];
    for (const account of await call('accounts.list', {})) {
      const audience = [...new Set((await call('stakeholders.list', { accountId: account.id })).map((person) => person.archetype))].slice(0, 4);
      const filePath = path.join(env.dir, `${account.id}-q3.pptx`);
      await call('decks.export', { accountId: account.id, audience, deckType: 'qbr', quarter: '2026Q3', filePath, overwrite: true });
      pastQuarter.push({ account: `${account.name}, Q3 2026`, slides: await deckSlideTexts(filePath) });
    }
    for (const { account, slides } of [...decks, ...pastQuarter]) {
      const lines = slides.flatMap((slide) => slide.text.split('\n'));
      lines.forEach((line, i) => {
        if (!line.startsWith('Fees, ')) return;
        const total = lines[i + 1]!;
        // "$0.45/mo × 85,000" for one month, "$0.45 × 85,000 × 2 mo" for several.
        const basis = /^(\$[\d.,]+)(?:\/mo)? × ([\d,]+)(?: × (\d+) mo)?$/.exec(lines[i + 2] ?? '');
        if (!/^\$[\d,]+$/.test(total) || !basis) return;
        const product = number(basis[1]!) * number(basis[2]!) * Number(basis[3] ?? 1);
        expect(Math.abs(product - number(total)), `${account}: ${total} against "${lines[i + 2]}"`).toBeLessThan(1);
        read += 1;
      });
    }
    expect(read, 'fee tiles read').toBeGreaterThan(2);
  }, 60_000);
});

describe('the upside of management-code capture', () => {
  it("is sized at the account's success-plan goal, the target its scorecard judges capture against (Riverbend: 70%, not 80%)", () => {
    let read = 0;
    for (const { account, slides } of decks) {
      const lines = slides.flatMap((slide) => slide.text.split('\n'));
      const upside = lines.find((line) => /device-billed patients \(\d+%\) had a 99470\/99457 claim; at /.test(line));
      if (!upside) continue;
      const goal = /^Management-code capture per device-billed patient$/;
      const row = lines.findIndex((line) => goal.test(line));
      // The scorecard's Target cell, four cells after the KPI's name: "70% (goal)" or "80% (threshold)".
      const target = row >= 0 ? /^(\d+)% \((goal|threshold)\)$/.exec(lines[row + 4] ?? '') : null;
      if (!target) continue;
      read += 1;
      expect(upside, account).toContain(target[2] === 'goal' ? `at your ${target[1]}% goal, ` : `at ${target[1]}%, `);
    }
    expect(read).toBeGreaterThan(0);
  });
});
