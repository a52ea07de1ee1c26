import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckSlideTexts, type SlideText } from '../support/deck-text';
import { useDemoBackend } from '../support/demo-decks';

/*
 * A suppressed count must stay hidden when the table around it is read as arithmetic. Riverbend's
 * billing slide suppressed 99453's denied claims but printed submitted 65 and paid 63 beside them
 * (65 − 63 = 2), and its title printed the paid and submitted totals, so a lone suppressed cell in
 * a column was the total minus the rest. Checked on the demo practice and on two practices built
 * for the two ways out: a single small denied count in the table, and a small denied total.
 */

const demo = useDemoBackend(async () => {
  const riverbend = (await call('accounts.list', {})).find((account) => account.name.startsWith('Riverbend'))!;
  await exportBilling(riverbend.id, riverbend.name);
  await practiceDeck('One Small Denial Cardiology', ONE_SMALL_DENIAL);
  await practiceDeck('Small Denied Total Cardiology', SMALL_DENIED_TOTAL);
});
const call = demo.call;
const billingSlides: { account: string; slide: SlideText }[] = [];

/** Monthly claim counts per code: [submitted, paid, denied]; a period's totals are multiples of them. */
type Claims = Record<string, [number, number, number]>;

const ONE_SMALL_DENIAL: Claims = { '99445': [150, 135, 15], '99454': [100, 97, 3], '99457': [200, 180, 20] };
const SMALL_DENIED_TOTAL: Claims = { '99454': [100, 98, 2], '99457': [200, 199, 1] };

async function practiceDeck(name: string, claims: Claims): Promise<void> {
  const account = await call('accounts.create', { name, customerSegment: 'physician_practice', buyerType: 'provider' });
  const stream = await call('streams.create', { accountId: account.id, name: 'RPM', revenueModel: 'cpt_rpm', paymentEnvironment: 'provider_ffs', terms: { variant: 'revenue_share', revenueSharePct: 20 } });
  const values: Record<string, number> = { rpm_eligible_patients: 900, rpm_enrolled_patients: 400, rpm_patients_2_15_days: 150, rpm_patients_16_30_days: 220, rpm_device_days_total: 6000 };
  for (const [code, [submitted, paid, denied]] of Object.entries(claims)) {
    values[`rpm_claims_submitted_${code}`] = submitted;
    values[`rpm_claims_paid_${code}`] = paid;
    values[`rpm_claims_denied_${code}`] = denied;
  }
  for (const month of ['2026-09', '2026-10', '2026-11']) await call('metrics.saveMonth', { accountId: account.id, streamId: stream.id, month, values });
  await exportBilling(account.id, name);
}

async function exportBilling(accountId: string, name: string): Promise<void> {
  const filePath = path.join(demo.dir, `${accountId}.pptx`);
  await call('decks.export', { accountId, audience: ['clinic_administrator', 'billing_rcm_staff'], deckType: 'qbr', filePath, overwrite: true });
  const slide = (await deckSlideTexts(filePath)).find((candidate) => candidate.text.includes('Billing compliance by CPT code'));
  if (slide) billingSlides.push({ account: name, slide });
}

interface BillingRow {
  code: string;
  /** Submitted, paid, denied, denial rate, as printed. */
  cells: string[];
}

/** The table's rows: a code cell ("99454 (device 16-30 days)") followed by its four cells. */
function billingRows(slide: SlideText): BillingRow[] {
  const lines = slide.text.split('\n');
  return lines.flatMap((line, index) => (/^\d{5} \(/.test(line) ? [{ code: line.slice(0, 5), cells: lines.slice(index + 1, index + 5) }] : []));
}

const hidden = (cell: string) => cell.includes('suppressed');

describe('a suppressed count cannot be worked out from the billing table', () => {
  it('three billing slides were written', () => {
    expect(billingSlides.map((entry) => entry.account)).toEqual(['Riverbend Cardiology Associates', 'One Small Denial Cardiology', 'Small Denied Total Cardiology']);
  });

  it('a row never hides just one of submitted, paid and denied (paid + denied = submitted)', () => {
    for (const { account, slide } of billingSlides) {
      const rows = billingRows(slide);
      expect(rows.length, account).toBeGreaterThan(0);
      for (const row of rows) {
        const counts = row.cells.slice(0, 3).filter(hidden).length;
        expect(counts === 0 || counts >= 2, `${account} ${row.code}: ${row.cells.join(' | ')}`).toBe(true);
        // The denial rate is denied ÷ submitted: hidden with either.
        if (hidden(row.cells[0]!) || hidden(row.cells[2]!)) expect(hidden(row.cells[3]!), `${account} ${row.code}`).toBe(true);
      }
    }
  });

  it('a column never hides just one cell (the title gives its total)', () => {
    for (const { account, slide } of billingSlides) {
      const rows = billingRows(slide);
      for (const column of [0, 1, 2]) {
        const count = rows.filter((row) => hidden(row.cells[column]!)).length;
        expect(count === 0 || count >= 2, `${account}, column ${column}: ${rows.map((row) => row.cells[column]).join(' | ')}`).toBe(true);
      }
    }
  });

  it('the single small denial is hidden with a second one, and the rest of the table still shows', () => {
    const rows = billingRows(billingSlides.find((entry) => entry.account.startsWith('One Small'))!.slide);
    expect(rows.filter((row) => hidden(row.cells[2]!)).map((row) => row.code)).toHaveLength(2);
    // Nothing is hidden that the rule does not need: the third code shows all its counts.
    expect(rows.filter((row) => row.cells.slice(0, 3).every((cell) => !hidden(cell)))).toHaveLength(1);
  });

  it('a small denied total is not the difference of two printed totals', () => {
    const { slide } = billingSlides.find((entry) => entry.account.startsWith('Small Denied'))!;
    const title = slide.text.split('\n')[0]!;
    expect(title).toMatch(/1–10 were denied \(suppressed\)/);
    expect(title, title).not.toMatch(/[\d,]+ of [\d,]+ RPM claims were paid/);
  });
});
