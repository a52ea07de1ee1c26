/*
 * One row of the benchmark table (issues 8 and 14): a figure next to its floor measured in the same
 * run, the ratio between them and whether the target holds. Shared by every row module and the runner.
 */

/** The rows `npm run bench` writes, by stable id (issue 14's table). */
export const BENCH_ROW_IDS = [
  'import',
  're-import',
  'portfolio-first-paint',
  'csm-book',
  'accounts-list',
  'workspace-open',
  'one-deck-cold',
  'one-deck-after-change',
  'one-deck-warm',
  'portfolio-decks',
  'cli-start',
  'renderer-bundle',
  'pg-import',
  'pg-portfolio-first-paint',
] as const;
export type BenchRowId = (typeof BENCH_ROW_IDS)[number];

/** A further limit a row must meet besides its ratio (peak RSS, first row painted, an absolute budget). */
export interface BenchCheck {
  name: string;
  value: number;
  unit: string;
  /** The figure must be at most this (all checks are upper bounds). */
  limit: number;
  pass: boolean;
}

/** A measured row as printed and written to bench/results.json. */
export interface BenchRow {
  id: BenchRowId;
  what: string;
  workload: string;
  /** The figure in `unit` (ms, bytes). */
  figure: number;
  unit: string;
  /** What the floor is, in a few words. */
  floorIs: string;
  /** The floor in the same unit, measured in the same run; null only where no floor can be measured (bundle size). */
  floor: number | null;
  /** figure ÷ floor, so > 1 always means "slower (or bigger) than the floor". */
  ratio: number | null;
  target: string;
  pass: boolean;
  /** Every limit the target names, each with its own pass. */
  checks: BenchCheck[];
  /** Secondary figures (cold and warm, breakdowns, counts) that explain the row. */
  extra: Record<string, number | string>;
}

/** A check that `value` ≤ `limit`. */
export function atMost(name: string, value: number, limit: number, unit: string): BenchCheck {
  return { name, value: round(value), unit, limit, pass: value <= limit };
}

/**
 * Assembles a row: the ratio figure ÷ floor, and pass = every check passes.
 * `ratioLimit` adds the check "ratio ≤ ratioLimit".
 */
export function benchRow(row: Omit<BenchRow, 'ratio' | 'pass' | 'checks'> & { ratioLimit?: number; checks?: BenchCheck[] }): BenchRow {
  const { ratioLimit, checks = [], ...rest } = row;
  const ratio = rest.floor === null || rest.floor <= 0 ? null : round(rest.figure / rest.floor, 2);
  const all = ratioLimit !== undefined ? [atMost('figure ÷ floor', ratio ?? Number.POSITIVE_INFINITY, ratioLimit, '×'), ...checks] : checks;
  return { ...rest, figure: round(rest.figure), floor: rest.floor === null ? null : round(rest.floor), ratio, pass: all.length > 0 && all.every((check) => check.pass), checks: all };
}

/** A row that could not be measured (its setup failed): it fails, with the reason. */
export function failedRow(id: BenchRowId, what: string, error: unknown): BenchRow {
  const reason = error instanceof Error ? error.message : String(error);
  return { id, what, workload: 'not measured', figure: Number.NaN, unit: '', floorIs: '', floor: null, ratio: null, target: '', pass: false, checks: [], extra: { error: reason.slice(0, 500) } };
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Spread of a list as "min–max", for reporting noise next to a median. */
export function spread(values: readonly number[], digits = 0): string {
  return `${round(Math.min(...values), digits)}–${round(Math.max(...values), digits)}`;
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
