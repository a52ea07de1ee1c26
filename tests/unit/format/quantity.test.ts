import { describe, expect, it } from 'vitest';
import { formatEvidence, formatKpiChange, formatKpiValue, formatMetricValue } from '../../../src/renderer/src/metrics/metric-format';
import { formatNumber, formatPercent, formatUsd as formatUsdForTerms } from '../../../src/renderer/src/format';
import { formatQuantity, formatQuantityChange, formatQuantityRange, incompleteText, INCOMPLETE, NOT_AVAILABLE, quantityOrMissing } from '../../../src/shared/format/quantity';
import { pct, usd } from '../../../src/shared/metrics/signals/signal-context';

describe('one quantity formatter', () => {
  it('writes each unit the way a person says it, without the machine locale', () => {
    expect(formatQuantity(0.4234, 'fraction')).toBe('42%');
    expect(formatQuantity(0.082, 'fraction')).toBe('8.2%');
    expect(formatQuantity(97.94, 'percent')).toBe('97.9%');
    expect(formatQuantity(12_400.4, 'usd')).toBe('$12,400');
    expect(formatQuantity(20.666, 'usd')).toBe('$20.67');
    expect(formatQuantity(1_250_000, 'usd')).toBe('$1.25M');
    expect(formatQuantity(10.54, 'days')).toBe('10.5 days');
    expect(formatQuantity(1284, 'count')).toBe('1,284');
    expect(formatQuantity(0.354, 'count')).toBe('0.35');
    expect(formatQuantity(1.18, 'score')).toBe('1.18');
    expect(formatQuantity(49.72, 'score')).toBe('49.7');
    expect(formatQuantity(0.82, 'ratio')).toBe('0.82×');
  });

  it('a missing number is "Not available" everywhere, never 0 or a blank', () => {
    for (const unit of ['fraction', 'percent', 'usd', 'days', 'count', 'score'] as const) {
      expect(formatQuantity(null, unit)).toBeNull();
      expect(quantityOrMissing(null, unit)).toBe(NOT_AVAILABLE);
      expect(formatKpiValue(null, unit)).toBe(NOT_AVAILABLE);
    }
    expect(formatQuantity(Number.NaN, 'count')).toBeNull();
    expect(formatUsdForTerms(null)).toBe(NOT_AVAILABLE);
    expect(formatNumber(undefined)).toBe(NOT_AVAILABLE);
    expect(formatEvidence({ label: 'x', value: null, unit: 'count' })).toBe(NOT_AVAILABLE);
  });

  it('a range writes its unit once, and a range of one number is that number', () => {
    expect(formatQuantityRange(30, 38, 'percent')).toBe('30–38%');
    expect(formatQuantityRange(38, 38, 'percent')).toBe('38%');
    expect(formatQuantityRange(0.3, 0.38, 'fraction')).toBe('30–38%');
    expect(formatQuantityRange(3432, 6864, 'usd')).toBe('$3,432–$6,864');
    expect(formatQuantityRange(10, 12.5, 'days')).toBe('10–12.5 days');
    expect(formatQuantityRange(1, 3, 'days')).toBe('1–3 days');
    expect(formatQuantityRange(null, 38, 'percent')).toBeNull();
  });

  it('a total with a missing period reads "Incomplete" and names the gap', () => {
    expect(incompleteText(['Nov 2026'])).toBe(`${INCOMPLETE}: no Nov 2026`);
  });

  it('changes move in points for shares and round away to ±0', () => {
    expect(formatQuantityChange(0.028, 'fraction')).toBe('+2.8 pts');
    expect(formatQuantityChange(-1.6, 'days')).toBe('−1.6 days');
    expect(formatQuantityChange(0.0001, 'fraction')).toBe('±0 pts');
    expect(formatQuantityChange(null, 'usd')).toBeNull();
  });

  it('the app screens, term summaries and signal explanations print what the deck prints', () => {
    const cases: [number, 'fraction' | 'percent' | 'usd' | 'days' | 'count'][] = [[0.4234, 'fraction'], [8.2, 'percent'], [20.666, 'usd'], [10.54, 'days'], [1284, 'count']];
    for (const [value, unit] of cases) {
      const deck = formatQuantity(value, unit);
      expect(formatKpiValue(value, unit)).toBe(deck);
      if (unit !== 'fraction') expect(formatMetricValue(value, unit)).toBe(deck);
      expect(formatKpiChange({ delta: value, ratio: null, from: null } as never, unit)).toBe(formatQuantityChange(value, unit));
    }
    expect(pct(0.4234)).toBe(formatQuantity(0.4234, 'fraction'));
    expect(usd(12_400.4)).toBe(formatQuantity(12_400.4, 'usd'));
    expect(formatPercent(8.2)).toBe(formatQuantity(8.2, 'percent'));
  });
});
