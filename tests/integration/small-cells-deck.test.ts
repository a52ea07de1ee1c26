import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { describeInput } from '../../src/renderer/src/metrics/metric-format';
import { peopleCount } from '../../src/shared/deck-plan/value-format';
import { METRIC_CATALOG } from '../../src/shared/metrics/metric-catalog';
import { isPeopleCountMetric, isSuppressedInDecks, SUPPRESSED_COUNT_TEXT } from '../../src/shared/metrics/small-cells';
import type { MetricKey } from '../../src/shared/framework/metric-keys';
import { checkPptx } from '../support/check-pptx';
import { openTempBackend } from '../support/temp-backend';

/*
 * Small cells: CMS suppresses counts of 1-10 beneficiaries (and of their claims and visits) in
 * any output. A deck shows such a count as "1–10 (suppressed)", leaves it out of the funnel chart
 * and suppresses the rates it would give away; the app shows the exact number and marks it.
 */

/** A small RPM practice: every people count of the report month is 1-10 except eligible patients. */
const SMALL: Record<string, number> = {
  rpm_eligible_patients: 40,
  rpm_enrolled_patients: 9,
  rpm_patients_2_15_days: 3,
  rpm_patients_16_30_days: 2,
  rpm_device_days_total: 60,
  rpm_claims_submitted_99454: 2,
  rpm_claims_paid_99454: 2,
  rpm_claims_denied_99454: 0,
  rpm_claims_submitted_99457: 4,
  rpm_claims_paid_99457: 3,
  rpm_claims_denied_99457: 1,
};

describe('small cells in decks', () => {
  it('a deck never shows a count of 1-10 patients or claims, and says they are suppressed', async () => {
    const env = await openTempBackend();
    try {
      const client = env.backend.client;
      const account = await client.call('accounts.create', { name: 'Tiny Cardiology', customerSegment: 'physician_practice', buyerType: 'provider' });
      const stream = await client.call('streams.create', { accountId: account.id, name: 'RPM', revenueModel: 'cpt_rpm', paymentEnvironment: 'provider_ffs', terms: { variant: 'revenue_share', revenueSharePct: 20 } });
      for (const month of ['2026-08', '2026-09', '2026-10']) await client.call('metrics.saveMonth', { accountId: account.id, streamId: stream.id, month, values: SMALL });
      const audience = ['clinic_administrator', 'billing_rcm_staff'] as const;

      const outline = await client.call('decks.plan', { accountId: account.id, audience: [...audience] });
      const gate = outline.slides.find((slide) => slide.id === 'engagement-gate')!;
      expect(gate.notes).toContain(`Enrolled ${SUPPRESSED_COUNT_TEXT}`);
      expect(gate.notes).not.toMatch(/Enrolled 9\b/);
      expect(gate.title).toMatch(/counts of 1–10 patients, which are suppressed/);

      const file = path.join(env.dir, 'tiny.pptx');
      await client.call('decks.export', { accountId: account.id, audience: [...audience], filePath: file });
      const check = checkPptx([file]);
      expect(check.ok, check.report).toBe(true);
      const zip = await JSZip.loadAsync(fs.readFileSync(file));
      const parts = await Promise.all(Object.keys(zip.files).filter((n) => /^ppt\/(slides|notesSlides|charts)\/[^/]+\.xml$/.test(n)).map(async (n) => ({ name: n, xml: await zip.file(n)!.async('string') })));
      const text = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' ');
      const slides = parts.filter((p) => p.name.includes('/slides/')).map((p) => text(p.xml));
      // The billing table: every claim count of the quarter (6, 6, 12, 9) is... over 10 or suppressed; the 99454 row is all small.
      const billing = slides.find((s) => s.includes('Billing compliance by CPT code'))!;
      expect(billing).toContain(`99454 (device 16-30 days) ${SUPPRESSED_COUNT_TEXT} ${SUPPRESSED_COUNT_TEXT}`);
      expect(billing).not.toMatch(/99454 \(device 16-30 days\) 6 /);
      // The funnel chart carries no bar of 1-10.
      const funnel = parts.find((p) => p.name.includes('/charts/') && p.xml.includes('Eligible patients'))!;
      const values = [...funnel.xml.matchAll(/<c:v>([\d.]+)<\/c:v>/g)].map((m) => Number(m[1]));
      expect(values).toContain(40);
      expect(values.filter((v) => v >= 1 && v <= 10)).toEqual([]);
      // And the methodology says what was done.
      expect(slides.join(' ')).toContain('following the CMS cell-size rule');
    } finally {
      await env.cleanup();
    }
  }, 60_000);
});

describe('the app and the deck apply the same small-cell rule', () => {
  it('the app marks exactly the values a deck suppresses, and shows the exact number', () => {
    for (const definition of METRIC_CATALOG) {
      for (const value of [0, 1, 5, 10, 11, 250]) {
        const deckHides = isPeopleCountMetric(definition.key) && peopleCount(value) === SUPPRESSED_COUNT_TEXT;
        expect(isSuppressedInDecks(definition.key, value), `${definition.key} ${value}`).toBe(deckHides);
        const line = describeInput({ kind: 'observation', streamId: '', metricKey: definition.key as MetricKey, month: '2026-10', value });
        expect(line.value.includes(SUPPRESSED_COUNT_TEXT), `${definition.key} ${value}`).toBe(deckHides);
      }
    }
    expect(isSuppressedInDecks('rpm_enrolled_patients', 9)).toBe(true);
    expect(isSuppressedInDecks('rpm_enrolled_patients', 0)).toBe(false);
    expect(isSuppressedInDecks('saas_licensed_seats', 9)).toBe(false);
  });
});
