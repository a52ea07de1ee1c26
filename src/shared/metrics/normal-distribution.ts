import { errorFunction, probit } from 'simple-statistics';

/*
 * simple-statistics' probit is a closed-form approximation good to about three decimals
 * (probit(0.975) = 1.9572, not 1.959964), too coarse for sample sizes. Its errorFunction is accurate
 * to about 1e-7, so the quantile below starts from probit and polishes with Newton steps on the CDF.
 */

/** Standard normal cumulative probability Φ(z). */
export function normalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/** Standard normal density φ(z). */
export function normalDensity(z: number): number {
  return Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
}

/** The z with Φ(z) = p, for 0 < p < 1 (e.g. normalQuantile(0.975) ≈ 1.959964). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`A normal quantile needs 0 < p < 1, got ${p}`);
  let z = probit(p);
  for (let step = 0; step < 6; step += 1) {
    const correction = (normalCdf(z) - p) / normalDensity(z);
    z -= correction;
    if (Math.abs(correction) < 1e-12) break;
  }
  return z;
}
