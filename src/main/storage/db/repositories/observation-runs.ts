import type SqliteDatabase from 'better-sqlite3';
import { observationChange, type ObservationChange, type ObservationKey } from './metric-import-repository';

/*
 * A re-imported file mostly repeats what is stored, and its rows come in runs: the months of one
 * account, stream and metric one after another (a long export sorted by account and metric; a wide
 * one's rows of an account month by month). A primary-key lookup per value costs a seek and four
 * bound keys (~1-1.5 µs); one range scan over a run's months steps each stored row for ~0.3 µs.
 * So the values of a chunk are grouped into runs and each run is read with one scan, falling back
 * to a lookup per value where a scan would read much more than the run needs.
 */

/** A value whose change is asked for: its key and the number the file gives. */
export interface KeyedValue extends ObservationKey {
  value: number;
}

/** What writing each value would do, `changes[i]` for `values[i]`; an account `mayHaveData` says has none is all new, unread. */
export type ClassifyValues = (values: readonly KeyedValue[], mayHaveData: (accountId: string) => boolean) => ObservationChange[];

/**
 * Stored rows a scan may step per value of its run before a lookup per value is cheaper (a run of
 * quarterly values against monthly stored ones steps 3 rows a value; a sparser run is looked up).
 */
const SCAN_ROWS_PER_VALUE = 4;

/**
 * A well-formed month (YYYY-MM, 01-12). Between two of them in the column's order lie exactly the
 * months between them, whatever else the column might hold, so a scan over a run of consecutive
 * months that returns as many rows as the run has months has returned each of them, in order.
 */
const WELL_FORMED_MONTH = "(month GLOB '[0-9][0-9][0-9][0-9]-0[1-9]' OR month GLOB '[0-9][0-9][0-9][0-9]-1[0-2]')";

/**
 * Prepares the classification of a chunk's values by runs; `lookup` classifies one value by its
 * key (a run of one, or a run too sparse to scan). Both compare with `observationChange`.
 * @example const classify = prepareRunClassifier(connection, statements.classify); const changes = classify(values, () => true);
 */
export function prepareRunClassifier(sqlite: SqliteDatabase.Database, lookup: (key: ObservationKey, value: number) => ObservationChange): ClassifyValues {
  const range = 'account_id = ? AND stream_id = ? AND metric_key = ? AND month BETWEEN ? AND ?';
  const valuesOfMonths = sqlite.prepare(`SELECT value FROM metric_observations WHERE ${range} AND ${WELL_FORMED_MONTH} ORDER BY month`).pluck();
  const monthsAndValues = sqlite.prepare(`SELECT month, value FROM metric_observations WHERE ${range}`).raw();
  // Files tend to repeat what is stored (a re-import) or to extend it: the previous run says which
  // read to try first, so neither kind reads its runs twice.
  let expectComplete = true;

  function classifyRun(values: readonly KeyedValue[], run: readonly number[], changes: ObservationChange[]): void {
    const first = values[run[0]!]!;
    let lo = first;
    let hi = first;
    const firstNumber = monthNumber(first.month);
    // Only well-formed months are read by range (a validated value's always is).
    if (Number.isNaN(firstNumber)) return lookupEach(values, run, changes);
    let loNumber = firstNumber;
    let hiNumber = firstNumber;
    let previous = firstNumber;
    let consecutive = true;
    for (let j = 1; j < run.length; j += 1) {
      const value = values[run[j]!]!;
      const number = monthNumber(value.month);
      if (Number.isNaN(number)) return lookupEach(values, run, changes);
      if (number !== previous + 1) consecutive = false;
      previous = number;
      if (number < loNumber) {
        lo = value;
        loNumber = number;
      } else if (number > hiNumber) {
        hi = value;
        hiNumber = number;
      }
    }
    const keys = [first.accountId, first.streamId, first.metricKey, lo.month, hi.month] as const;
    if (consecutive && expectComplete) {
      const stored = valuesOfMonths.all(...keys) as unknown[];
      if (stored.length === run.length) {
        for (let j = 0; j < run.length; j += 1) changes[run[j]!] = observationChange(stored[j], values[run[j]!]!.value);
        return;
      }
      expectComplete = false;
    }
    if (hiNumber - loNumber + 1 > SCAN_ROWS_PER_VALUE * run.length) return lookupEach(values, run, changes);
    const stored = new Map(monthsAndValues.all(...keys) as [string, unknown][]);
    let complete = true;
    for (const index of run) {
      const value = values[index]!;
      const change = observationChange(stored.get(value.month), value.value);
      if (change === 'added') complete = false;
      changes[index] = change;
    }
    if (consecutive) expectComplete = complete;
  }

  function lookupEach(values: readonly KeyedValue[], run: readonly number[], changes: ObservationChange[]): void {
    for (const index of run) changes[index] = lookup(values[index]!, values[index]!.value);
  }

  return (values, mayHaveData) => {
    const changes = new Array<ObservationChange>(values.length);
    for (const run of runsOf(values)) {
      const first = values[run[0]!]!;
      if (!mayHaveData(first.accountId)) for (const index of run) changes[index] = 'added';
      else if (run.length === 1) changes[run[0]!] = lookup(first, first.value);
      else classifyRun(values, run, changes);
    }
    return changes;
  };
}

/** The values of each account, stream and metric, as indexes in file order; runs in order of first appearance. */
function runsOf(values: readonly KeyedValue[]): number[][] {
  const runs: number[][] = [];
  const byKey = new Map<string, number[]>();
  let last: KeyedValue | null = null;
  let lastRun: number[] = [];
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i]!;
    // Neighbouring rows usually share the key: no key string for them.
    if (last !== null && value.metricKey === last.metricKey && value.accountId === last.accountId && value.streamId === last.streamId) {
      lastRun.push(i);
      continue;
    }
    const key = `${value.accountId}\u0000${value.streamId}\u0000${value.metricKey}`;
    let run = byKey.get(key);
    if (!run) {
      byKey.set(key, (run = []));
      runs.push(run);
    }
    run.push(i);
    last = value;
    lastRun = run;
  }
  return runs;
}

/** Months since year 0 of a well-formed YYYY-MM month, NaN for anything else. */
function monthNumber(month: string): number {
  if (month.length !== 7 || month.charCodeAt(4) !== 45) return NaN;
  let year = 0;
  for (let i = 0; i < 4; i += 1) {
    const digit = month.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    year = year * 10 + digit;
  }
  const tens = month.charCodeAt(5) - 48;
  const units = month.charCodeAt(6) - 48;
  if (tens < 0 || tens > 1 || units < 0 || units > 9) return NaN;
  const number = tens * 10 + units;
  return number >= 1 && number <= 12 ? year * 12 + number - 1 : NaN;
}
