import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/api/backend';
import type { DeckOutline } from '../../src/shared/api/schemas/deck-schemas';
import type { ArchetypeKey } from '../../src/shared/framework/keys';
import { deckSlideTexts, type SlideText } from '../support/deck-text';
import { openTempBackend } from '../support/temp-backend';

/*
 * The right story for the buyer's payment environment and the person in the room (issue 12, build
 * item 2): each example from the issue, on the demo portfolio, through the API a deck is built by.
 */

let backend: Backend;
let dir: string;
let cleanup: () => Promise<void>;
const ids = new Map<string, string>();

beforeAll(async () => {
  ({ backend, dir, cleanup } = await openTempBackend());
  await backend.client.call('demo.load', {});
  for (const account of await backend.client.call('accounts.list', {})) ids.set(account.name, account.id);
});

afterAll(async () => cleanup());

interface BuiltDeck {
  outline: DeckOutline;
  slides: SlideText[];
  /** Every slide's visible text, joined. */
  onSlides: string;
  /** Every slide's notes, joined. */
  inNotes: string;
  lead: DeckOutline['slides'][number];
  /** The rendered lead slide: the one whose first line is the lead title. */
  leadSlide: SlideText;
}

let counter = 0;
async function deck(account: string, audience: ArchetypeKey[], deckType: 'qbr' | 'ebr' = 'qbr'): Promise<BuiltDeck> {
  const accountId = ids.get(account)!;
  const outline = await backend.client.call('decks.plan', { accountId, audience, deckType });
  const filePath = path.join(dir, `story-${++counter}.pptx`);
  await backend.client.call('decks.export', { accountId, audience, deckType, filePath, overwrite: true });
  const slides = await deckSlideTexts(filePath);
  const lead = outline.slides.find((slide) => slide.id === 'value-story')!;
  return {
    outline,
    slides,
    onSlides: slides.map((slide) => slide.text).join('\n'),
    inNotes: slides.map((slide) => slide.notes).join('\n'),
    lead,
    leadSlide: slides.find((slide) => slide.text.split('\n')[0] === lead.title)!,
  };
}

describe('Bayview (Medicaid managed care)', () => {
  let sponsor: BuiltDeck;
  let operations: BuiltDeck;
  beforeAll(async () => {
    sponsor = await deck('Bayview Community Health Plan', ['health_plan_executive_sponsor']);
    operations = await deck('Bayview Community Health Plan', ['health_plan_operational_lead']);
  }, 120_000);

  it('judges engagement against a population-calibrated Medicaid benchmark, never the generic 20% line', () => {
    for (const built of [sponsor, operations]) {
      expect(built.onSlides).not.toMatch(/20% low-engagement line|20% \(threshold\)/);
      expect(built.inNotes).not.toMatch(/20% low-engagement line/);
      expect(built.onSlides).toMatch(/6% Medicaid benchmark|benchmark calibrated for this Medicaid population/);
      expect(built.outline.slides.map((slide) => slide.title).join(' ')).toMatch(/above the 6% Medicaid benchmark/);
    }
  });

  it('leads the sponsor with quality and engagement, not unvalidated savings', () => {
    expect(sponsor.lead.title).not.toMatch(/^Savings are not yet validated/);
    expect(sponsor.lead.title).toMatch(/[Ee]ngagement|quality|HEDIS|biometric/);
  });

  it('names the cost slide in a health plan\'s words, not an employer\'s', () => {
    expect(sponsor.onSlides).not.toMatch(/Return on benefits spend/);
  });

  it('keeps the SMS-first, multilingual, community-organisation play in the notes, off the slides', () => {
    expect(sponsor.inNotes).toMatch(/SMS/);
    expect(sponsor.inNotes).toMatch(/languages/);
    expect(sponsor.inNotes).toMatch(/community-based organisations/);
    expect(sponsor.onSlides).not.toMatch(/SMS|community-based organisations/);
  });
});

describe('peers only of the same payment environment and model', () => {
  it('benchmarks Bayview against Medicaid PMPM accounts only, never commercial or employer ones', async () => {
    const before = await deck('Bayview Community Health Plan', ['health_plan_executive_sponsor']);
    // Northwind (employer PEPM) and Meridian (commercial PMPM) share the model but not the environment.
    expect(before.outline.slides.some((slide) => slide.id === 'peer-benchmark')).toBe(false);
    for (const [i, engaged] of [[1, 0.05], [2, 0.07], [3, 0.09]] as const) {
      const account = await backend.client.call('accounts.create', { name: `Medicaid peer ${i}`, customerSegment: 'health_plan', buyerType: 'payer' });
      const stream = await backend.client.call('streams.create', {
        accountId: account.id,
        name: 'Medicaid PMPM',
        revenueModel: 'pmpm_pepm',
        paymentEnvironment: 'medicaid_managed_care',
        terms: { unit: 'member', ratePerMonthUsd: 0.4, eligiblePopulation: 40_000, enrollmentBased: false },
      });
      await backend.client.call('metrics.saveMonth', {
        accountId: account.id,
        streamId: stream.id,
        month: before.outline.reportMonth,
        values: { pmpm_eligible_members: 40_000, pmpm_enrolled_members: 6_000, pmpm_active_members: Math.round(40_000 * engaged) },
      });
    }
    const after = await deck('Bayview Community Health Plan', ['health_plan_executive_sponsor']);
    const benchmark = after.outline.slides.find((slide) => slide.id === 'peer-benchmark');
    expect(benchmark?.subtitle).toMatch(/^Benchmark against 3 anonymised Medicaid managed care PMPM \/ PEPM accounts/);
  }, 120_000);
});

describe('Helix (pharma)', () => {
  it('tells adherence, real-world evidence and prescriber engagement, not the health-system SaaS template', async () => {
    for (const audience of ['pharma_brand_commercial', 'pharma_medical_affairs'] as const) {
      const built = await deck('Helix Therapeutics', [audience]);
      expect(built.lead.title).toMatch(/adherence/i);
      expect(built.onSlides).toMatch(/[Pp]rescribers engaged/);
      expect(built.onSlides).toMatch(/real-world evidence/i);
      expect(built.onSlides).not.toMatch(/CCM|TCM|[Tt]ime saved|per encounter/);
      expect(built.onSlides).not.toMatch(/per active user/);
    }
  }, 120_000);
});

describe('Riverbend (fee-for-service)', () => {
  it('carries no Medicare Advantage or capitation concepts, on slides or in notes', async () => {
    for (const audience of ['clinic_administrator', 'provider_clinician', 'billing_rcm_staff'] as const) {
      const built = await deck('Riverbend Cardiology Associates', [audience]);
      expect(built.onSlides + built.inNotes).not.toMatch(/Star Rating|capitat/i);
    }
  }, 120_000);
});

describe('Lakeshore sponsor EBR', () => {
  it('leads with a usage-to-value bridge, not the procurement case for cutting seats', async () => {
    const built = await deck('Lakeshore Health System', ['platform_executive_sponsor'], 'ebr');
    expect(built.lead.title).not.toMatch(/per active user/);
    expect(built.onSlides).not.toMatch(/\$407 per active user|× the cost at full adoption/);
    const leadText = built.leadSlide.text;
    expect(leadText).toMatch(/[Cc]are gaps closed/);
    expect(leadText).toMatch(/[Cc]are-manager capacity|[Pp]atients per care manager/);
    expect(leadText).toMatch(/[Cc]ost per patient/);
  }, 120_000);
});

describe('audiences get materially different decks', () => {
  it('leads the actuary with method and data completeness', async () => {
    const built = await deck('Summit Senior Health Plan', ['health_plan_cfo_actuary']);
    expect(built.lead.subtitle).toMatch(/[Mm]ethod and data completeness/);
  }, 60_000);

  it('leads the CFO with a dollar figure and its assumptions on the slide', async () => {
    const built = await deck('Northwind Logistics', ['buyer_cfo'], 'ebr');
    expect(built.lead.title).toMatch(/\$[\d,]+/);
    expect(built.leadSlide.text).toMatch(/\$3\.10\/mo × 14,000/);
    expect(built.leadSlide.text).toMatch(/fee ÷ [\d,]+ active/);
  }, 60_000);

  it('leads the clinical lead with outcomes and statistics, and the HR leader with engagement trends', async () => {
    const clinical = await deck('Granite State ACO', ['health_plan_clinical_lead']);
    expect(clinical.lead.subtitle).toMatch(/[Oo]utcome|[Cc]linical/);
    expect(clinical.lead.title).toMatch(/n = |95%|sample/);
    const hr = await deck('Northwind Logistics', ['employer_hr_benefits_leader']);
    expect(hr.lead.subtitle).toMatch(/[Ee]ngagement/);
    const cfo = await deck('Northwind Logistics', ['buyer_cfo']);
    expect(cfo.lead.title).not.toBe(hr.lead.title);
  }, 120_000);

  it('addresses the person in the room naturally', async () => {
    for (const [account, audience] of [
      ['Summit Senior Health Plan', 'health_plan_executive_sponsor'],
      ['Bayview Community Health Plan', 'health_plan_executive_sponsor'],
      ['Helix Therapeutics', 'pharma_brand_commercial'],
    ] as const) {
      const built = await deck(account, [audience]);
      expect(built.onSlides + built.inNotes).not.toMatch(/gets the proof they need/);
    }
  }, 120_000);
});
