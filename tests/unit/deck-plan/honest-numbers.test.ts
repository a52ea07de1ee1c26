import { describe, expect, it } from 'vitest';
import { outcomesTermsOf } from '../../../src/shared/api/schemas/stream-terms-adapters';
import { periodTotal } from '../../../src/shared/deck-plan/deck-facts';
import { periodLabel } from '../../../src/shared/deck-plan/deck-period';
import { periodTotalText, periodTotalTile } from '../../../src/shared/deck-plan/value-format';
import { assessContractReadiness } from '../../../src/shared/framework/contract-readiness';

describe('the period label of a deck', () => {
  it('names a running quarter "to date" with its months, and a finished one by its name', () => {
    expect(periodLabel('2026Q4', '2026-11')).toBe('Q4 2026 to date (Oct–Nov)');
    expect(periodLabel('2026Q4', '2026-10')).toBe('Q4 2026 to date (Oct)');
    expect(periodLabel('2026Q3', '2026-09')).toBe('Q3 2026');
    expect(periodLabel('2026Q3', '2026-11')).toBe('Q3 2026');
  });
});

describe('a total over the period', () => {
  it('is the period figure only when every month has a value', () => {
    const complete = periodTotal([{ month: '2026-10', value: 10 }, { month: '2026-11', value: 5 }]);
    expect(complete).toEqual({ value: 15, partialValue: 15, monthsWithData: ['2026-10', '2026-11'], missingMonths: [] });
    const gap = periodTotal([{ month: '2026-10', value: 10 }, { month: '2026-11', value: null }])!;
    expect(gap.value).toBeNull();
    expect(gap.partialValue).toBe(10);
    expect(gap.missingMonths).toEqual(['2026-11']);
    expect(periodTotal([{ month: '2026-10', value: null }])).toBeNull();
  });

  it('prints the gap instead of the months present', () => {
    const gap = periodTotal([{ month: '2026-10', value: 10 }, { month: '2026-11', value: null }]);
    expect(periodTotalText(gap, String)).toBe('Incomplete: no Nov 2026');
    expect(periodTotalTile(gap, String)).toEqual({ value: 'Incomplete', delta: 'No Nov 2026' });
    expect(periodTotalText(null, String)).toBeNull();
  });
});

describe('the outcomes terms of a value-based stream', () => {
  it('carry the structure, amount at risk and savings share into the payment model', () => {
    const terms = outcomesTermsOf({ structure: 'shared_savings', atRiskAmountUsd: 800_000, sharedSavingsPct: 40 });
    expect(terms.performanceComponent).toEqual({ mechanism: 'shared_savings', atRiskAmountUsd: 800_000, sharedSavingsPct: 40 });
    const payment = assessContractReadiness(terms).items.find((item) => item.key === 'payment_model')!;
    expect(payment.status).toBe('present');
    expect(payment.explanation).toBe('A performance component paid as shared savings: 40% of validated savings, $800,000 at risk.');
  });

  it('leave the payment model missing when the stream says nothing about money', () => {
    expect(outcomesTermsOf({ measurementPeriodMonths: 24 }).performanceComponent).toBeUndefined();
  });

  it('read performance tiers as a bonus after measurement, keeping written release conditions', () => {
    const terms = outcomesTermsOf({ structure: 'performance_tiers', performanceComponent: { releaseConditions: 'Paid within 60 days of the evaluator report' } });
    expect(terms.performanceComponent).toEqual({ mechanism: 'bonus_after_measurement', releaseConditions: 'Paid within 60 days of the evaluator report' });
  });
});
