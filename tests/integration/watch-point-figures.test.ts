import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthLabel } from '../../src/shared/calendar';
import { deckSlideTexts, type SlideText } from '../support/deck-text';
import { openTempBackend } from '../support/temp-backend';

/*
 * The figures on a customer slide say what they are. Meridian's summary showed "29%" beside "the
 * contracted clinical outcome is tracking at or below its benchmark", and its risks slide "(29%)",
 * without saying 29% of what; Granite's said "(885)" and "(70%)", and its summary's value finding,
 * which has no single figure, carried a dash in the figure column, which reads as missing data.
 * Checked on every demo account's deck for its mapped room.
 */

type Env = Awaited<ReturnType<typeof openTempBackend>>;
let env: Env;
const call: Env['backend']['client']['call'] = (...args) => env.backend.client.call(...args);
const decks: { account: string; slides: SlideText[]; reportMonth?: string | null }[] = [];

beforeAll(async () => {
  env = await openTempBackend();
  await call('demo.load', {});
  for (const account of await call('accounts.list', {})) {
    const audience = [...new Set((await call('stakeholders.list', { accountId: account.id })).map((person) => person.archetype))].slice(0, 4);
    const filePath = path.join(env.dir, `${account.id}.pptx`);
    await call('decks.export', { accountId: account.id, audience, deckType: 'qbr', filePath, overwrite: true });
    decks.push({ account: account.name, slides: await deckSlideTexts(filePath), reportMonth: account.latestMetricMonth });
  }
  // And each account's deck for the room the app picks itself (audience "auto"), as the portfolio export writes them.
  const outDir = path.join(env.dir, 'auto');
  const { jobId } = await call('decks.exportPortfolio', { audience: 'auto', deckType: 'qbr', outDir, overwrite: true, createFolder: true });
  while ((await call('decks.jobProgress', { jobId })).state === 'running') await new Promise((resolve) => setTimeout(resolve, 50));
  for (const file of fs.readdirSync(outDir).filter((name) => name.endsWith('.pptx'))) decks.push({ account: `${file} (auto)`, slides: await deckSlideTexts(path.join(outDir, file)) });
}, 120_000);
afterAll(async () => env.cleanup());

/** A figure on its own in brackets: "(29%)", "(885)", "(10.6 days)". */
const BARE_FIGURE = /\((?:[$]?[\d.,–-]+\s*(?:%|days|months)?)\)/;
/** A paragraph that is only a figure (the summary's callout column). */
const FIGURE_ONLY = /^[$]?[\d.,–-]+\s*(?:%|days|months)?$/;

describe('watch points name their figures', () => {
  it('on the executive summary and the risks slide of every demo deck', () => {
    let summaries = 0;
    let risks = 0;
    for (const { account, slides } of decks) {
      for (const slide of slides) {
        const lines = slide.text.split('\n');
        if (lines.some((line) => line.startsWith('Watch points and proposed steps'))) {
          risks += 1;
          for (const line of lines) expect(line, `${account}, slide ${slide.index}`).not.toMatch(BARE_FIGURE);
        }
        const watch = lines.findIndex((line) => line.startsWith('Watch point:'));
        const figure = lines[watch - 1];
        if (watch > 0 && figure !== undefined && FIGURE_ONLY.test(figure)) {
          summaries += 1;
          // The callout's figure appears in the sentence beside it, with what it measures.
          expect(lines[watch], `${account}, slide ${slide.index}`).toMatch(new RegExp(`[a-z]: ${figure.replace(/[.$]/g, '\\$&')}(?![\\d.,])`));
        }
      }
    }
    expect(risks, 'risks slides read').toBeGreaterThan(2);
    expect(summaries, 'summary watch points with a figure read').toBeGreaterThan(2);
  });
});

describe('a summary finding without a figure', () => {
  it('leaves the figure column empty instead of a dash', () => {
    let read = 0;
    for (const { account, slides } of decks) {
      for (const slide of slides) {
        const lines = slide.text.split('\n');
        if (!lines.some((line) => line.startsWith('Executive summary'))) continue;
        read += 1;
        expect(lines, `${account}, slide ${slide.index}`).not.toContain('–');
      }
    }
    expect(read, 'summaries read').toBeGreaterThan(12);
  });
});

describe('the executive summary says the period of its figures', () => {
  it('names the quarter its totals cover and the month its rates and counts are from', () => {
    let read = 0;
    for (const { account, slides, reportMonth } of decks) {
      if (!reportMonth) continue;
      const subtitle = slides.flatMap((slide) => slide.text.split('\n')).find((line) => line.startsWith('Executive summary'));
      expect(subtitle, account).toBeDefined();
      // "Q4 2026 to date (Oct–Nov)" alone read as if every figure were the quarter's; most are the report month's.
      expect(subtitle, account).toMatch(/Q\d \d{4}/);
      expect(subtitle, account).toContain(monthLabel(reportMonth));
      read += 1;
    }
    expect(read, 'summaries read').toBeGreaterThan(5);
  });
});

describe('a watch point agrees with the billing rules the same deck states', () => {
  it('does not say the monitoring codes depend on 16 device days, which 2-15 days also bill', () => {
    let read = 0;
    for (const { account, slides } of decks) {
      for (const slide of slides) {
        if (!slide.text.includes('below the 16 days a month')) continue;
        read += 1;
        // Since 2026, 99445 bills 2-15 device days at the 16-30 rate: only the clinical evidence needs 16.
        expect(slide.text, `${account}, slide ${slide.index}`).not.toMatch(/codes (and outcomes )?depend on/);
        expect(slide.text, `${account}, slide ${slide.index}`).toMatch(/below the 16 days a month that clinical outcomes depend on/);
      }
    }
    expect(read, 'watch points read').toBeGreaterThan(1);
  });
});

describe('the Engagement Gate names a gap only where there is one', () => {
  it('does not call a step of 80% or more "the gap" (Summit: "only 88% of them are adherent: adherence ... is the gap")', () => {
    let read = 0;
    for (const { account, slides } of decks) {
      for (const line of slides.flatMap((slide) => slide.text.split('\n'))) {
        const adherence = /but only (\d+)% .* are adherent: adherence, not activation, is the gap/.exec(line);
        const activation = /Only (\d+)% of enrolled .* activated, .*: activation is the gap/.exec(line);
        const gap = adherence ?? activation;
        if (!gap && !/both steps of the gate hold/.test(line)) continue;
        read += 1;
        if (gap) expect(Number(gap[1]), `${account}: ${line}`).toBeLessThan(80);
      }
    }
    expect(read).toBeGreaterThan(3);
  });
});

describe('the methodology slide describes the deck it closes', () => {
  it('does not promise "never estimated" beside an estimate, and gives no other model\'s examples', () => {
    let read = 0;
    for (const { account, slides } of decks) {
      const method = slides.find((slide) => slide.text.includes('\nMethodology\n'));
      if (!method) continue;
      read += 1;
      expect(method.text, account).not.toContain('never estimated');
      expect(method.text, account).toContain('Estimates: a dollar range is an estimate, shown beside the assumptions that produce it.');
      // "device days under 16 or weekly use under half the seats" was printed for every model.
      expect(method.text, account).not.toMatch(/device days under 16 or weekly use/);
    }
    expect(read).toBeGreaterThan(5);
  });
});
