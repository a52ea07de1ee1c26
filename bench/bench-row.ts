/*
 * One row of the benchmark table (issue 8): a figure next to its floor measured in the same run,
 * the ratio between them and whether the target holds. Shared by every row module and the runner.
 */

/** A measured row as printed and written to bench/results.json. */
export interface BenchRow {
  what: string;
  workload: string;
  /** The figure in `unit` (rows/s, ms, s). */
  figure: number;
  unit: string;
  /** The floor in the same unit, measured in the same run; null where the issue defines none. */
  floor: number | null;
  /** figure ÷ floor for times, floor ÷ figure for rates, so > 1 always means "slower than the floor". */
  ratio: number | null;
  target: string;
  pass: boolean;
  /** Secondary figures (peak RSS, frames dropped, breakdowns) that the target may also read. */
  extra: Record<string, number | string>;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Wall-clock ms of one call. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Rounds for the table: 3 significant figures is all a shared 2-core machine can vouch for. */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Asks V8 for a full collection between rows (needs --expose-gc; a no-op without it). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
