import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/api/backend';
import { formatQuantity } from '../../src/shared/format/quantity';
import type { ArchetypeKey } from '../../src/shared/framework/keys';
import { deckSlideTexts, type SlideText } from '../support/deck-text';
import { openTempBackend } from '../support/temp-backend';

/*
 * One account, one answer (issue: Meridian's value slides said claims completeness was "Not
 * available" while its data-quality slide showed 98%). Claims-data completeness, eligibility-file
 * accuracy and the average risk score describe the buyer's data for the whole contract, so every
 * slide reads them by one rule (deck-plan/account-evidence.ts) whichever stream it is about, and the
 * app's Metrics tab shows the same figure. Two streams recording different values for the month is
 * shown as missing, naming both; a month nobody recorded is shown as missing for that month.
 */

/** Dec 3, 2026: Q4 is running and the demo's data runs through Nov 2026. */
const IN_Q4 = new Date('2026-12-03T09:00:00.000Z');
const MERIDIAN = 'Meridian Commercial Health';
/** The sponsor gets the savings-validation slide on the PMPM base; the actuary the data-quality slide on the outcomes bonus. */
const ROOM: ArchetypeKey[] = ['health_plan_executive_sponsor', 'health_plan_cfo_actuary'];
const NOV = '2026-11';

let backend: Backend;
let dir: string;
let cleanup: () => Promise<void>;
let accountId: string;
let bonusStreamId: string;

beforeEach(async () => {
  ({ backend, dir, cleanup } = await openTempBackend({ now: IN_Q4 }));
  await backend.client.call('demo.load', {});
  accountId = (await backend.client.call('accounts.list', {})).find((account) => account.name === MERIDIAN)!.id;
  bonusStreamId = (await backend.client.call('streams.list', { accountId })).find((stream) => stream.name === 'Outcomes bonus')!.id;
});
afterEach(async () => cleanup());

async function exportDeck(): Promise<SlideText[]> {
  const filePath = path.join(dir, `meridian-${Date.now()}-${Math.random().toString(36).slice(2)}.pptx`);
  await backend.client.call('decks.export', { accountId, audience: ROOM, filePath });
  return deckSlideTexts(filePath);
}

/** The slide whose text contains every marker. */
function slideWith(slides: SlideText[], ...markers: string[]): string {
  const found = slides.find((slide) => markers.every((marker) => slide.text.includes(marker)));
  expect(found, `a slide containing ${markers.map((m) => `"${m}"`).join(' and ')}`).toBeDefined();
  return found!.text;
}

/** The value under a tile's label on a KPI slide (the label's next line). */
function tileValue(slideText: string, label: string): string {
  const lines = slideText.split('\n');
  const at = lines.indexOf(label);
  expect(at, `a tile labelled "${label}"`).toBeGreaterThanOrEqual(0);
  return lines[at + 1]!;
}

/** The line under a tile's value: its status and caption. */
function tileCaption(slideText: string, label: string): string {
  const lines = slideText.split('\n');
  return lines[lines.indexOf(label) + 2]!;
}

/** The app's figure: the Metrics tab's KPI table for the stream that records it (insights.account). */
async function appKpiText(streamId: string, key: string): Promise<string> {
  const insights = await backend.client.call('insights.account', { accountId });
  const kpi = insights.streams.find((stream) => stream.streamId === streamId)!.kpis.find((candidate) => candidate.key === key)!;
  expect(kpi.current.value).not.toBeNull();
  return formatQuantity(kpi.current.value, 'percent')!;
}

const savingsSlide = (slides: SlideText[]) => slideWith(slides, 'Claims-validated method', 'Cardiometabolic PMPM base');
const dataQualitySlide = (slides: SlideText[]) => slideWith(slides, 'Method and data completeness', "Your claims feed");

describe('account-level evidence recorded on the second stream', () => {
  it('the value slides on the PMPM base, the executive summary and the data-quality slide quote the same figures as the app', async () => {
    const completeness = await appKpiText(bonusStreamId, 'vbc_claims_completeness_pct');
    const accuracy = await appKpiText(bonusStreamId, 'vbc_eligibility_accuracy_pct');
    const slides = await exportDeck();

    const savings = savingsSlide(slides);
    expect(tileValue(savings, 'Claims-data completeness, Nov 2026')).toBe(completeness);
    expect(tileValue(savings, 'Eligibility-file accuracy, Nov 2026')).toBe(accuracy);
    expect(tileValue(savings, 'Average risk score, Nov 2026')).toMatch(/^\d\.\d\d$/);
    // The figures are the contract's, recorded on another stream: the footnote says where they come from.
    expect(savings).toContain('Claims-data completeness, eligibility-file accuracy and average risk score as recorded on Outcomes bonus.');

    const quality = dataQualitySlide(slides);
    expect(quality.split('\n')[0]).toContain(completeness);
    expect(quality.split('\n')[0]).toContain(accuracy);

    const summary = slideWith(slides, 'Executive summary');
    expect(summary).toContain(`Claims-data completeness, Nov 2026: ${completeness}`);
    expect(summary).not.toMatch(/completeness, Nov 2026: Not available/);
  });
});

describe('two streams recording different values for the month', () => {
  it('no slide picks one: both show the figure as missing and name each stream with its value', async () => {
    const completeness = await appKpiText(bonusStreamId, 'vbc_claims_completeness_pct');
    const quality = await backend.client.call('streams.create', { accountId, name: 'Quality bonus', revenueModel: 'value_based', paymentEnvironment: 'commercial_insurance', terms: {} });
    await backend.client.call('metrics.saveMonth', { accountId, streamId: quality.id, month: NOV, values: { vbc_claims_completeness_pct: 91 } });
    const slides = await exportDeck();

    const savings = savingsSlide(slides);
    expect(tileValue(savings, 'Claims-data completeness, Nov 2026')).toBe('Not available');
    expect(tileCaption(savings, 'Claims-data completeness, Nov 2026')).toContain('Streams differ');
    expect(savings).toContain(`Claims-data completeness differs between streams for Nov 2026 (Outcomes bonus ${completeness}, Quality bonus 91%), so no one figure is shown.`);
    // Eligibility accuracy is still recorded on one stream only, so it is still shown.
    expect(tileValue(savings, 'Eligibility-file accuracy, Nov 2026')).toBe(await appKpiText(bonusStreamId, 'vbc_eligibility_accuracy_pct'));

    for (const slide of slides.filter((candidate) => candidate.text.includes('Method and data completeness') && candidate.text.includes("Your claims feed"))) {
      const title = slide.text.split('\n')[0]!;
      expect(title).toContain(`Outcomes bonus ${completeness}`);
      expect(title).toContain('Quality bonus 91%');
    }
    expect(slides.some((slide) => slide.text.includes("Your claims feed"))).toBe(true);
  });
});

describe('a month nobody recorded', () => {
  it('is shown as missing for that month on the value slide and the data-quality slide alike', async () => {
    await backend.client.call('metrics.saveMonth', { accountId, streamId: bonusStreamId, month: NOV, values: { vbc_claims_completeness_pct: null } });
    const slides = await exportDeck();

    const savings = savingsSlide(slides);
    expect(tileValue(savings, 'Claims-data completeness, Nov 2026')).toBe('Not available');
    expect(tileCaption(savings, 'Claims-data completeness, Nov 2026')).toContain('Not recorded');

    const title = dataQualitySlide(slides).split('\n')[0]!;
    expect(title).toMatch(/claims-data completeness is not recorded for Nov 2026/i);
  });
});
