import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/api/backend';
import type { ArchetypeKey } from '../../src/shared/framework/keys';
import { checkPptx } from '../support/check-pptx';
import { openTempBackend } from '../support/temp-backend';

/*
 * Honest numbers (issue 12, build item 3), through the API on the demo portfolio: a partial quarter
 * is labelled as such wherever its figures appear, a total with a missing month is never shown as
 * the quarter's figure, contract terms reach the readiness slide, one-number benchmarks print as one
 * number, and dollar estimates sit on the slide with their assumptions.
 */

/** Dec 3, 2026: Q4 is running and the demo's data runs through Nov 2026. */
const IN_Q4 = new Date('2026-12-03T09:00:00.000Z');

let backend: Backend;
let dir: string;
let cleanup: () => Promise<void>;
const ids = new Map<string, string>();

beforeAll(async () => {
  ({ backend, dir, cleanup } = await openTempBackend({ now: IN_Q4 }));
  await backend.client.call('demo.load', {});
  for (const account of await backend.client.call('accounts.list', {})) ids.set(account.name, account.id);
});

afterAll(async () => cleanup());

interface DeckText {
  /** Every slide's visible text (titles, tiles, table cells, footnotes), one entry per slide. */
  slides: string[];
  notes: string[];
  /** The value story's title as planned: the slide is found by it, not by wording its subtitle may change. */
  valueStoryTitle: string;
}

/** Exports a deck through the API, checks the package, and returns each slide's text. */
async function exportDeck(name: string, audience: ArchetypeKey[], deckType: 'qbr' | 'ebr' = 'qbr', quarter?: string): Promise<DeckText> {
  const file = path.join(dir, `${name.split(' ')[0]}-${audience.join('-')}-${deckType}-${quarter ?? 'default'}-${Date.now()}.pptx`);
  const request = { accountId: ids.get(name)!, audience, deckType, ...(quarter ? { quarter } : {}) };
  await backend.client.call('decks.export', { ...request, filePath: file });
  const outline = await backend.client.call('decks.plan', request);
  const valueStoryTitle = outline.slides.find((slide) => slide.id === 'value-story')!.title;
  const check = checkPptx([file]);
  expect(check.ok, check.report).toBe(true);
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const read = async (pattern: RegExp) => {
    const names = Object.keys(zip.files).filter((n) => pattern.test(n)).sort((a, b) => Number(a.match(/(\d+)\.xml$/)![1]) - Number(b.match(/(\d+)\.xml$/)![1]));
    return Promise.all(names.map(async (n) => paragraphs(await zip.file(n)!.async('string'))));
  };
  return { slides: await read(/^ppt\/slides\/slide\d+\.xml$/), notes: await read(/^ppt\/notesSlides\/notesSlide\d+\.xml$/), valueStoryTitle };
}

/** The text of each paragraph, one per line, with XML entities decoded. */
function paragraphs(xml: string): string {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
    .map((p) => [...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(''))
    .filter((line) => line.trim() !== '')
    .map((line) => line.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))
    .join('\n');
}

/** The value story slide's text (the first slide whose text starts with its planned title). */
function valueSlide(deck: DeckText): string {
  const found = deck.slides.find((text) => text.split('\n')[0] === deck.valueStoryTitle);
  expect(found, `the value story slide "${deck.valueStoryTitle}"`).toBeDefined();
  return found!;
}

/**
 * The slide that leads with the matched-cohort savings figure. For an actuary the value story leads
 * with method and data completeness (issue 12's story table); the savings slide follows it.
 */
function savingsSlide(deck: DeckText): string {
  const found = deck.slides.find((text) => text.split('\n')[0]!.includes('$420,000'));
  expect(found, 'a slide whose title carries the $420,000 savings figure').toBeDefined();
  return found!;
}

function slideWith(deck: DeckText, marker: string): string {
  const found = deck.slides.find((text) => text.includes(marker));
  expect(found, `a slide containing "${marker}"`).toBeDefined();
  return found!;
}

const RIVERBEND = 'Riverbend Cardiology Associates';
const PERIOD = 'Q4 2026 to date (Oct–Nov)';

describe('a partial quarter says so wherever its figures appear', () => {
  it('titles, tiles, table headers and footnotes of quarter figures carry "Q4 2026 to date (Oct–Nov)"', async () => {
    const deck = await exportDeck(RIVERBEND, ['clinic_administrator', 'billing_rcm_staff']);
    const value = valueSlide(deck);
    expect(value.split('\n')[0]).toContain(PERIOD);
    expect(value).toContain(`Collected, ${PERIOD}:`);
    const billing = slideWith(deck, '99457 (mgmt first 20 min)');
    expect(billing.split('\n')[0]).toContain(PERIOD);
    expect(billing).toContain(`CPT code, ${PERIOD}`);
    // Every footnote over the quarter's months names the partial period the same way.
    for (const slide of [value, billing]) expect(slide).toMatch(new RegExp(`Source: .* · ${PERIOD.replace(/[()]/g, '\\$&')}`));
    // "This quarter" is never used for a quarter that has not ended.
    for (const slide of deck.slides) expect(slide).not.toMatch(/this quarter/i);
  }, 60_000);

  it('a finished quarter is labelled by its name alone', async () => {
    const deck = await exportDeck(RIVERBEND, ['clinic_administrator', 'billing_rcm_staff'], 'qbr', '2026Q3');
    const value = valueSlide(deck);
    expect(value.split('\n')[0]).toContain('in Q3 2026');
    expect(deck.slides.join('\n')).not.toContain('to date');
  }, 60_000);
});

describe('a total with a missing month', () => {
  it('the billing slide names the missing month instead of reading a two-month total as the quarter', async () => {
    const accountId = ids.get(RIVERBEND)!;
    const before = await exportDeck(RIVERBEND, ['billing_rcm_staff']);
    const complete = slideWith(before, '99457 (mgmt first 20 min)').split('\n')[0]!;
    const paidShare = complete.match(/\((\d+(?:\.\d)?%)\)/)?.[1];
    expect(paidShare).toBeDefined();

    const [stream] = await backend.client.call('streams.list', { accountId });
    const november = await backend.client.call('metrics.list', { accountId, fromMonth: '2026-11', toMonth: '2026-11' });
    const original = november.find((o) => o.metricKey === 'rpm_claims_paid_99457')!.value;
    const saved = await backend.client.call('metrics.saveMonth', { accountId, streamId: stream!.id, month: '2026-11', values: { rpm_claims_paid_99457: null } });
    expect(saved.removed).toBe(1);
    try {
      const deck = await exportDeck(RIVERBEND, ['billing_rcm_staff']);
      const billing = slideWith(deck, '99457 (mgmt first 20 min)');
      const title = billing.split('\n')[0]!;
      // No paid share of the quarter is printed: the remaining months would understate it.
      expect(title).not.toMatch(/claims were paid/);
      expect(title).toContain('Nov 2026');
      expect(title).toMatch(/99457/);
      expect(title).toMatch(/incomplete|missing/i);
      // The 99457 row says which month is missing rather than printing Oct's count as the quarter's.
      const row = billing.split('\n').slice(billing.split('\n').indexOf('99457 (mgmt first 20 min)'), billing.split('\n').indexOf('99457 (mgmt first 20 min)') + 5);
      expect(row[2]).toBe('Incomplete: no Nov 2026');
      // Submitted and denied are complete for 99457, so its denial rate still stands.
      expect(row[4]).toMatch(/%$/);

      // The value story does not present a partial reimbursement as the quarter's either.
      const admin = await exportDeck(RIVERBEND, ['clinic_administrator']);
      const value = valueSlide(admin);
      expect(value.split('\n')[0]).toMatch(/Nov 2026/);
      expect(value).toContain(`Incomplete\nCollected, ${PERIOD}: paid claims per CPT code × the rate for the date of service; 99457 paid claims for Nov 2026 not recorded yet`);
    } finally {
      await backend.client.call('metrics.saveMonth', { accountId, streamId: stream!.id, month: '2026-11', values: { rpm_claims_paid_99457: original } });
    }
  }, 90_000);
});

describe('contract terms reach every slide that reads them', () => {
  it('the readiness slide reads the same payment terms as the performance-payment slide', async () => {
    const deck = await exportDeck('Granite State ACO', ['health_plan_cfo_actuary'], 'ebr');
    const payment = slideWith(deck, 'performance payment is earned');
    expect(payment).toContain('$800,000');
    // Each tile says where its number comes from: the contract, or a month.
    expect(payment).toContain('Payment at risk (contract)\n$800,000');
    expect(payment).toContain('Earned as of Nov 2026\n$0');
    expect(payment).toMatch(/At clinical goal, Nov 2026\n\d+%/);
    expect(payment).toContain('Eligible members enrolled, Nov 2026');
    const readiness = deck.slides.filter((s) => s.includes('Contract readiness for outcomes components')).join('\n');
    const lines = readiness.split('\n');
    const row = lines.indexOf('Payment model');
    expect(row).toBeGreaterThan(-1);
    expect(lines[row + 1]).not.toBe('Missing');
    expect(lines[row + 2]).toMatch(/shared savings/i);
    expect(lines[row + 2]).toContain('40%');
    expect(lines[row + 2]).toContain('$800,000');
  }, 60_000);

  it('a benchmark held as one number prints as one number, never "38-38%"', async () => {
    const deck = await exportDeck('Granite State ACO', ['health_plan_cfo_actuary'], 'ebr');
    const all = [...deck.slides, ...deck.notes].join('\n');
    expect(all).not.toMatch(/(\d+)[-–]\1%/);
    expect(all).toContain('benchmark of 38%');
  }, 60_000);
});

describe('dollar estimates sit on the slide with their assumptions', () => {
  it("Riverbend's management-code leakage is on the administrator's value slide with what produces it, and the practice's share after ours", async () => {
    const accountId = ids.get(RIVERBEND)!;
    const plan = await backend.client.call('decks.plan', { accountId, audience: ['clinic_administrator'] });
    expect(plan.slides.find((s) => s.id === 'value-story')!.title).toMatch(/^The practice kept \$[\d,]+ of \$[\d,]+ RPM reimbursement in Q4 2026 to date \(Oct–Nov\) after our 30% share$/);
    const toNumber = (text: string) => Number(text.replace(/[$,]/g, ''));

    /** The value slide's range, the line of assumptions under it, and its numbers. */
    async function leakageRow() {
      const value = valueSlide(await exportDeck(RIVERBEND, ['clinic_administrator']));
      const lines = value.split('\n');
      const row = lines.findIndex((line) => line.startsWith('Uncaptured management time, Nov 2026:'));
      expect(row, value).toBeGreaterThan(0);
      const range = lines[row - 1]!;
      const assumptions = lines[row]!;
      expect(assumptions).toMatch(/^Uncaptured management time, Nov 2026: in Nov 2026, [\d,]+ of [\d,]+ device-billed patients \(\d+%\) had a 99470\/99457 claim; /);
      const [, managed, billed] = assumptions.match(/([\d,]+) of ([\d,]+) device-billed patients/)!;
      const [, at, missed, lowRate, highRate] = assumptions.match(/at (your \d+% goal|\d+%), ~([\d,]+) more claims at (\$[\d.]+)–(\$[\d.]+) each\./)!;
      const [low, high] = range.split('–').map(toNumber) as [number, number];
      // The range is the missing claims at the 99470 and the 99457 rate; the rates' date is under the slide.
      expect(low).toBeCloseTo(toNumber(missed!) * toNumber(lowRate!), -1);
      expect(high).toBeCloseTo(toNumber(missed!) * toNumber(highRate!), -1);
      expect(value).toMatch(/The management-time range uses the 99470 and 99457 rates of Jan 1, 2026\./);
      // "After your share?": the practice's part of the range is the range minus our 30%.
      const practice = assumptions.match(/Yours after our 30% share: (\$[\d,]+)–(\$[\d,]+)\.$/)!;
      expect(practice).not.toBeNull();
      expect(toNumber(practice[1]!)).toBeCloseTo(low * 0.7, -1);
      expect(toNumber(practice[2]!)).toBeCloseTo(high * 0.7, -1);
      expect(value).toMatch(/Yours after our 30% share, Q4 2026 to date \(Oct–Nov\): per enrolled patient in Nov 2026: \$[\d.]+\./);
      return { range, at: at!, missed: toNumber(missed!), managed: toNumber(managed!), billed: toNumber(billed!) };
    }

    // With the success plan's 70% goal for capture, the gap is sized to it, as the scorecard judges capture.
    const goal = (await backend.client.call('goals.list', { accountId })).find((candidate) => candidate.metricKey === 'rpm_management_capture_rate')!;
    expect(goal.target).toBe(0.7);
    const withGoal = await leakageRow();
    expect(withGoal.at).toBe('your 70% goal');
    expect(withGoal.missed).toBe(Math.round(0.7 * withGoal.billed - withGoal.managed));

    // Without a goal, at the 80% the early-warning signal uses: the signal and the slide print one estimate.
    await backend.client.call('goals.delete', { id: goal.id, expectedUpdatedAt: goal.updatedAt });
    const signal = (await backend.client.call('insights.account', { accountId })).signals.find((s) => s.key === 'rpm_management_code_leakage')!;
    const withoutGoal = await leakageRow();
    expect(withoutGoal.at).toBe('80%');
    expect(withoutGoal.range).toBe(signal.explanation.match(/roughly (\$[\d,]+–\$[\d,]+) a month/)![1]);
  }, 60_000);
});

describe('a savings figure is not presented as proven before it is', () => {
  /** A shared-savings account whose matched-cohort savings are recorded for Oct and Nov 2026. */
  async function savingsAccount(name: string, month: { engaged: number; completeness: number }): Promise<string> {
    const client = backend.client;
    const account = await client.call('accounts.create', { name, customerSegment: 'health_plan', buyerType: 'risk_bearing_entity' });
    const stream = await client.call('streams.create', {
      accountId: account.id,
      name: 'Shared savings',
      revenueModel: 'value_based',
      paymentEnvironment: 'aco_shared_savings',
      terms: { structure: 'shared_savings', atRiskAmountUsd: 500_000, sharedSavingsPct: 40, measurementPeriodMonths: 24, claimsRunoutMonths: 6 },
    });
    for (const m of ['2026-08', '2026-09', '2026-10', '2026-11']) {
      await client.call('metrics.saveMonth', {
        accountId: account.id,
        streamId: stream.id,
        month: m,
        values: {
          vbc_eligible_members: 20_000,
          vbc_enrolled_members: Math.round(month.engaged * 1.3),
          vbc_engaged_members: month.engaged,
          vbc_members_at_clinical_target: Math.round(month.engaged * 0.4),
          vbc_claims_completeness_pct: month.completeness,
          vbc_eligibility_accuracy_pct: 98,
          ...(m >= '2026-10' ? { outcome_matched_cohort_savings_usd: 210_000 } : {}),
        },
      });
    }
    ids.set(name, account.id);
    return name;
  }

  it('below the sample the evaluation needs, on incomplete claims, the figure is an estimate with its caveats on the slide', async () => {
    const name = await savingsAccount('Small Sample ACO', { engaged: 600, completeness: 81 });
    const deck = await exportDeck(name, ['health_plan_cfo_actuary'], 'ebr');
    const value = savingsSlide(deck);
    const title = value.split('\n')[0]!;
    expect(title).not.toMatch(/\$[\d,]+ saved/);
    expect(title).toMatch(/not yet proven/);
    expect(value).toMatch(/600 engaged members of the [\d,]+ the evaluation needs/);
    expect(value).toMatch(/claims 81% complete/);
    expect(value).toContain('$420,000');
    expect(value).toContain(`Estimated savings, ${PERIOD}`);
  }, 60_000);

  it('with the sample and complete claims, the same figure is shown as measured', async () => {
    const name = await savingsAccount('Large Sample ACO', { engaged: 3_000, completeness: 98 });
    const deck = await exportDeck(name, ['health_plan_cfo_actuary'], 'ebr');
    const title = savingsSlide(deck).split('\n')[0]!;
    expect(title).toMatch(/^\$420,000 saved against a matched cohort in Q4 2026 to date \(Oct–Nov\), on claims 98% complete/);
    expect(title).not.toMatch(/not yet proven/);
  }, 60_000);
});
