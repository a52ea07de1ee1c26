import { normalCdf, normalQuantile } from './normal-distribution';

/*
 * Sample sizes for proving a value-based contract's outcome, by the normal approximation.
 * Defaults follow convention: two-sided α = 0.05 and 80% power, unless the contract says otherwise.
 */

export const DEFAULT_ALPHA = 0.05;
export const DEFAULT_POWER = 0.8;

export interface PowerSettings {
  /** Two-sided significance level, 0-1. */
  alpha?: number;
  /** Probability of detecting the effect if it is real, 0-1. */
  power?: number;
}

/** A required sample size with the z values and formula that produced it. */
export interface SampleSizeResult {
  /** Minimum engaged members (rounded up), or null when the effect is zero or in the wrong direction. */
  requiredN: number | null;
  zAlpha: number;
  zBeta: number;
  alpha: number;
  power: number;
  formula: string;
}

function zValues(settings: PowerSettings): { alpha: number; power: number; zAlpha: number; zBeta: number } {
  const alpha = settings.alpha ?? DEFAULT_ALPHA;
  const power = settings.power ?? DEFAULT_POWER;
  return { alpha, power, zAlpha: normalQuantile(1 - alpha / 2), zBeta: normalQuantile(power) };
}

/**
 * Engaged members needed to show a proportion differs from a benchmark (one-sample, two-sided):
 * n = [z₁₋α/₂·√(p₀(1−p₀)) + z₁₋β·√(p₁(1−p₁))]² ÷ (p₁ − p₀)².
 * @example proportionVsBenchmarkSampleSize(0.38, 0.44).requiredN // 521
 */
export function proportionVsBenchmarkSampleSize(benchmark: number, expected: number, settings: PowerSettings = {}): SampleSizeResult {
  const z = zValues(settings);
  const formula = 'n = [z(1−α/2)·√(p0(1−p0)) + z(1−β)·√(p1(1−p1))]² ÷ (p1 − p0)²';
  if (!(benchmark > 0 && benchmark < 1 && expected > 0 && expected < 1) || expected === benchmark) {
    return { requiredN: null, ...z, formula };
  }
  const numerator = z.zAlpha * Math.sqrt(benchmark * (1 - benchmark)) + z.zBeta * Math.sqrt(expected * (1 - expected));
  return { requiredN: Math.ceil((numerator / (expected - benchmark)) ** 2 - 1e-9), ...z, formula };
}

/**
 * Members needed to show a mean change differs from zero, given the SD of the change:
 * n = [(z₁₋α/₂ + z₁₋β)·σ ÷ δ]².
 * @example meanChangeSampleSize(0.5, 1).requiredN // 32
 */
export function meanChangeSampleSize(expectedChange: number, standardDeviation: number, settings: PowerSettings = {}): SampleSizeResult {
  const z = zValues(settings);
  const formula = 'n = [(z(1−α/2) + z(1−β))·σ ÷ δ]²';
  if (expectedChange === 0 || !(standardDeviation > 0)) return { requiredN: null, ...z, formula };
  return { requiredN: Math.ceil((((z.zAlpha + z.zBeta) * standardDeviation) / Math.abs(expectedChange)) ** 2 - 1e-9), ...z, formula };
}

/** Power actually achieved with n members for a one-sample proportion test (0-1). */
export function proportionVsBenchmarkPower(benchmark: number, expected: number, n: number, alpha = DEFAULT_ALPHA): number {
  if (n <= 0 || expected === benchmark) return alpha;
  const zAlpha = normalQuantile(1 - alpha / 2);
  const se0 = Math.sqrt((benchmark * (1 - benchmark)) / n);
  const se1 = Math.sqrt((expected * (1 - expected)) / n);
  return normalCdf((Math.abs(expected - benchmark) - zAlpha * se0) / se1);
}
