import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckSlideTexts } from '../support/deck-text';
import { useDemoBackend } from '../support/demo-decks';

/*
 * An outcomes contract without an engagement fee has no floor of its own, but an account that also
 * pays a PMPM or licence fee has one. Meridian's readiness slide said "No engagement fee, so no
 * revenue floor" beside a $54,000-a-month PMPM base. The assessment and the deck read the contract
 * with the account's other streams, through one function, and say the same thing.
 */

const demo = useDemoBackend();
const call = demo.call;

const BONUS_TERMS = { structure: 'pay_for_performance', atRiskAmountUsd: 200_000, performanceComponent: { mechanism: 'bonus_after_measurement' } } as const;

async function paymentModel(accountId: string) {
  const answers = { behaviourChange: 'patients', paymentEnvironments: ['commercial_insurance'], streams: [] } as const;
  const result = await call('assessments.evaluate', { accountId, quarter: '2026Q4', answers: answers as never });
  return result.contractReadiness.map((entry) => entry.readiness.items.find((item) => item.key === 'payment_model')!);
}

describe('an outcomes contract beside a fixed fee has a floor', () => {
  it("Meridian's readiness slide names the PMPM base instead of saying there is no floor", async () => {
    const meridian = (await call('accounts.list', {})).find((account) => account.name.startsWith('Meridian'))!;
    const pmpm = (await call('streams.list', { accountId: meridian.id })).find((stream) => stream.revenueModel === 'pmpm_pepm')!;
    const filePath = path.join(demo.dir, 'meridian.pptx');
    await call('decks.export', { accountId: meridian.id, audience: ['health_plan_cfo_actuary'], deckType: 'qbr', filePath, overwrite: true });
    const readiness = (await deckSlideTexts(filePath)).filter((slide) => slide.text.includes('Contract readiness for outcomes components')).map((slide) => slide.text).join('\n');
    expect(readiness).toContain('Payment model');
    expect(readiness).not.toMatch(/no revenue floor|No engagement fee:/);
    expect(readiness).toContain(`the fixed fees of “${pmpm.name}” are paid whatever the outcome`);
  });

  it('the assessment says the same, and raises the concern only when nothing else is paid whatever the outcome', async () => {
    const account = await call('accounts.create', { name: 'Bonus Only Plan', customerSegment: 'health_plan', buyerType: 'payer' });
    await call('streams.create', { accountId: account.id, name: 'Quality bonus', revenueModel: 'value_based', paymentEnvironment: 'commercial_insurance', terms: BONUS_TERMS as never });
    const [alone] = await paymentModel(account.id);
    expect(alone!.concerns.join(' ')).toMatch(/^No engagement fee: if a target is missed/);

    await call('streams.create', { accountId: account.id, name: 'Member fees', revenueModel: 'pmpm_pepm', paymentEnvironment: 'commercial_insurance', terms: {} });
    const [beside] = await paymentModel(account.id);
    expect(beside!.concerns).toEqual([]);
    expect(beside!.explanation).toContain('the fixed fees of “Member fees” are paid whatever the outcome');

    // The deck, with no assessment saved for the account, reads the contract the same way.
    const filePath = path.join(demo.dir, 'bonus.pptx');
    await call('decks.export', { accountId: account.id, audience: ['health_plan_cfo_actuary'], deckType: 'qbr', filePath, overwrite: true });
    const text = (await deckSlideTexts(filePath)).map((slide) => slide.text).join('\n');
    expect(text).toContain('Contract readiness for outcomes components');
    expect(text).toContain(beside!.explanation);
  });
});
