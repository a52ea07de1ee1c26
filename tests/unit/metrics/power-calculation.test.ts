import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../../src/shared/metrics/normal-distribution';
import { meanChangeSampleSize, proportionVsBenchmarkPower, proportionVsBenchmarkSampleSize } from '../../../src/shared/metrics/power-calculation';

/*
 * Reference values: standard normal quantiles from statistical tables, and sample sizes from the
 * standard normal-approximation formulas (cross-checked with scipy.stats.norm before rounding up).
 */

describe('normal distribution', () => {
  it('matches published z values to six decimals', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 6);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829, 6);
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 6);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959964, 6);
  });

  it('is the inverse of the CDF', () => {
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    for (const p of [0.01, 0.2, 0.5, 0.7, 0.99]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 7);
  });

  it('refuses probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('sample size for a proportion against a benchmark (one-sample, two-sided)', () => {
  it('gives the standard-formula values at α = 0.05 and 80% power', () => {
    expect(proportionVsBenchmarkSampleSize(0.38, 0.44).requiredN).toBe(521); // 520.68
    expect(proportionVsBenchmarkSampleSize(0.5, 0.6).requiredN).toBe(194); // 193.85
    expect(proportionVsBenchmarkSampleSize(0.38, 0.7).requiredN).toBe(18); // 17.46
    expect(proportionVsBenchmarkSampleSize(0.3, 0.2).requiredN).toBe(153); // a decrease works too
  });

  it('uses the contract alpha and power when given', () => {
    const strict = proportionVsBenchmarkSampleSize(0.38, 0.44, { alpha: 0.01, power: 0.9 });
    expect(strict.requiredN).toBe(989); // 988.49
    expect(strict.zAlpha).toBeCloseTo(2.575829, 6);
    expect(strict.zBeta).toBeCloseTo(1.281552, 6);
  });

  it('has no answer when there is no effect or p is not a proportion', () => {
    expect(proportionVsBenchmarkSampleSize(0.4, 0.4).requiredN).toBeNull();
    expect(proportionVsBenchmarkSampleSize(0, 0.4).requiredN).toBeNull();
  });

  it('achieves the intended power at the computed n', () => {
    expect(proportionVsBenchmarkPower(0.38, 0.44, 521)).toBeCloseTo(0.8002, 3);
    expect(proportionVsBenchmarkPower(0.38, 0.44, 200)).toBeLessThan(0.5);
  });
});

describe('sample size for a mean change with its SD', () => {
  it('gives ((z(1−α/2) + z(1−β))·σ/δ)² rounded up', () => {
    expect(meanChangeSampleSize(0.5, 1).requiredN).toBe(32); // 31.40
    expect(meanChangeSampleSize(0.1, 1.5).requiredN).toBe(1766); // 1765.998
    expect(meanChangeSampleSize(-0.5, 1).requiredN).toBe(32);
    expect(meanChangeSampleSize(0, 1).requiredN).toBeNull();
  });
});
