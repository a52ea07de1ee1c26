import type { ImportMapping, ImportRowErrorCode } from '../api/schemas/import-schemas';
import type { RevenueModelKey } from '../framework/keys';
import type { MetricDefinition } from '../metrics/metric-definition';
import { metricMonthProblem, metricValueProblem, type MetricValueProblemCode } from '../metrics/metric-validation';
import { metricFamily, type MetricFamily } from '../metrics/metric-observation';
import { MODEL_FAMILIES, streamsReadingFamily } from '../metrics/stream-reader';
import { FirstLineTable } from './first-line-table';
import { createMetricMatcher, normaliseName } from './header-matching';
import { isExcelSerialCell, parseMonthCell, type DayOrder } from './month-cell';
import { parseNumberCell, type DecimalSeparator } from './number-cell';
import type { RowErrorLog } from './row-error-log';
import type { MetricKey } from '../framework/metric-keys';
import { echoCell } from './phi-tripwire';

/** The workspace's accounts and streams as the validator needs them; names are compared normalised. */
export interface ImportLookups {
  accountIdByName(normalisedName: string): string | undefined;
  accountName(accountId: string): string;
  streamIdByName(accountId: string, normalisedName: string): string | undefined;
  streamNames(accountId: string): string[];
  /** The ids of the account's streams, in a stable order. */
  streamIds(accountId: string): string[];
  streamName(streamId: string): string;
  /** The revenue model of a stream; its metrics must belong to that model. */
  streamModel(streamId: string): RevenueModelKey | null;
}

/** One value ready to be written. */
export interface ValidObservation {
  accountId: string;
  /** '' for account-level values. */
  streamId: string;
  metricKey: MetricKey;
  month: string;
  value: number;
  line: number;
}

/** Running totals the validator adds to. */
export interface ValidationCounts {
  rows: number;
  values: number;
  valid: number;
  rejected: number;
}

export interface RowValidatorOptions {
  mapping: ImportMapping;
  headers: readonly string[];
  decimalSeparator: DecimalSeparator;
  dayOrder: DayOrder | null;
  forcedAccount: { id: string; name: string } | null;
  catalog: readonly MetricDefinition[];
  lookups: ImportLookups;
  errors: RowErrorLog;
  counts: ValidationCounts;
  /** The latest month a value may be for (YYYY-MM, `currentMetricMonth` of the clock); the earliest is EARLIEST_METRIC_MONTH. */
  latestMonth: string;
}

/** Validates one parsed row, appending its valid values to `out`; `line` is where the row starts in the file. */
export type RowValidator = (row: readonly string[], line: number, out: ValidObservation[]) => void;

interface Target {
  accountId: string;
  streamId: string;
  index: number;
}

type MonthEntry = { ok: true; month: string; index: number } | { ok: false; reason: string };

/** Caches stop growing here; a file with more distinct values than this is unusual and still correct, only slower. */
const CACHE_LIMIT = 50_000;
/** Month index span for duplicate keys: 1900-01 .. 2199-12 (parseMonthCell's year range). */
const MONTH_SPAN = 300 * 12;

/**
 * Builds the per-row checks for one import: account, stream, metric, month and value, each error
 * tied to its line and column, and duplicates of account + stream + metric + month within the file.
 * Values are never adjusted: a value is stored exactly as written or the row is rejected.
 */
export function createRowValidator(options: RowValidatorOptions): RowValidator {
  const { mapping, headers, decimalSeparator, dayOrder, forcedAccount, catalog, lookups, errors, counts, latestMonth } = options;
  const matcher = createMetricMatcher(catalog);
  const metricIndex = new Map(catalog.map((definition, index) => [definition.key, index]));
  const metricCount = catalog.length;
  const targets = new Map<string, Target | { error: ImportRowErrorCode; column: string | null; message: string }>();
  const targetIndexes = new Map<string, number>();
  const months = new Map<string, MonthEntry>();
  const metricsByCell = new Map<string, MetricDefinition | null>();
  // Group (target * metricCount + metric) and month as numbers: a key stays well below 2^53 and
  // costs far less memory than a string per value in a million-row file.
  const seen = new FirstLineTable(MONTH_SPAN);
  let forcedAccountCell: { name: string; text: string; line: number } | null = null;

  const header = (column: number | null): string | null => (column === null ? null : (headers[column] ?? `column ${column + 1}`));
  const wideMetrics = mapping.format === 'wide' ? mapping.metricColumns.map(({ column, metricKey }) => ({ column, definition: catalog.find((d) => d.key === metricKey)! })) : [];

  function resolveTarget(accountCell: string, streamCell: string, line: number): Target | { error: ImportRowErrorCode; column: string | null; message: string } {
    if (forcedAccount && mapping.account !== null && accountCell.trim()) {
      // A forced account may rename the file's single account (an alias), but must not merge several.
      const name = normaliseName(accountCell);
      if (!forcedAccountCell) forcedAccountCell = { name, text: accountCell.trim(), line };
      else if (forcedAccountCell.name !== name) {
        return {
          error: 'account_conflict',
          column: header(mapping.account),
          message: `This row is for ${echoCell(accountCell)} but line ${forcedAccountCell.line} is for ${echoCell(forcedAccountCell.text)}, and the import puts every row into ${forcedAccount.name}. Split the file by account, or import it without choosing an account.`,
        };
      }
    }
    // Rows of one account and stream usually follow each other: the previous row's answer, without building a key.
    if (lastTarget !== null && accountCell === lastAccountCell && streamCell === lastStreamCell) return lastTarget;
    const cacheKey = `${forcedAccount ? '' : accountCell}\u0001${streamCell}`;
    const cached = targets.get(cacheKey);
    if (cached) return remember(accountCell, streamCell, cached);
    let result: Target | { error: ImportRowErrorCode; column: string | null; message: string };
    const accountId = forcedAccount ? forcedAccount.id : lookups.accountIdByName(normaliseName(accountCell));
    if (!accountId) {
      result = accountCell.trim()
        ? { error: 'unknown_account', column: header(mapping.account), message: `There is no account called ${echoCell(accountCell.trim())} in this workspace. Create it first, check the spelling, or choose the account for the whole file.` }
        : { error: 'unknown_account', column: header(mapping.account), message: 'The account is empty.' };
    } else {
      const streamName = normaliseName(streamCell);
      const streamId = streamName ? lookups.streamIdByName(accountId, streamName) : '';
      if (streamId === undefined) {
        const known = lookups.streamNames(accountId);
        result = {
          error: 'unknown_stream',
          column: header(mapping.stream),
          message: `${lookups.accountName(accountId)} has no revenue stream called ${echoCell(streamCell.trim())}${known.length ? ` (it has: ${known.join(', ')})` : ' (it has none yet)'}. Leave the stream empty for account-level values.`,
        };
      } else {
        const targetKey = `${accountId}\u0000${streamId}`;
        let index = targetIndexes.get(targetKey);
        if (index === undefined) {
          index = targetIndexes.size;
          targetIndexes.set(targetKey, index);
        }
        result = { accountId, streamId, index };
      }
    }
    if (targets.size < CACHE_LIMIT) targets.set(cacheKey, result);
    return remember(accountCell, streamCell, result);
  }

  let lastAccountCell = '';
  let lastStreamCell = '';
  let lastTarget: ReturnType<typeof resolveTarget> | null = null;
  function remember(accountCell: string, streamCell: string, target: ReturnType<typeof resolveTarget>): ReturnType<typeof resolveTarget> {
    lastAccountCell = accountCell;
    lastStreamCell = streamCell;
    lastTarget = target;
    return target;
  }

  let lastMonthCell: string | null = null;
  let lastMonth: MonthEntry | null = null;
  function resolveMonth(cell: string): MonthEntry {
    if (cell === lastMonthCell) return lastMonth!;
    lastMonthCell = cell;
    return (lastMonth = monthOf(cell));
  }

  function monthOf(cell: string): MonthEntry {
    const cached = months.get(cell);
    if (cached) return cached;
    const parsed = parseMonthCell(cell, dayOrder);
    // The same window as manual entry and restore (metricMonthProblem): 2000-01 to the current month.
    const outside = parsed.ok ? metricMonthProblem(parsed.month, latestMonth) : null;
    const entry: MonthEntry = !parsed.ok
      ? parsed
      : outside
        ? { ok: false, reason: monthWindowReason(cell, parsed.month, outside) }
        : { ok: true, month: parsed.month, index: (Number(parsed.month.slice(0, 4)) - 1900) * 12 + Number(parsed.month.slice(5, 7)) - 1 };
    if (months.size < CACHE_LIMIT) months.set(cell, entry);
    return entry;
  }

  let lastMetricCell: string | null = null;
  let lastMetric: MetricDefinition | null = null;
  function resolveMetric(cell: string): MetricDefinition | null {
    if (cell === lastMetricCell) return lastMetric;
    lastMetricCell = cell;
    return (lastMetric = metricOf(cell));
  }

  function metricOf(cell: string): MetricDefinition | null {
    const cached = metricsByCell.get(cell);
    if (cached !== undefined) return cached;
    const found = matcher.find(cell) ?? null;
    if (metricsByCell.size < CACHE_LIMIT) metricsByCell.set(cell, found);
    return found;
  }

  /** Checks one value against its metric's unit and bounds; logs and returns null when it is rejected. */
  function checkValue(cell: string, definition: MetricDefinition, target: Target | null, line: number, column: string | null): number | null {
    const parsed = parseNumberCell(cell, decimalSeparator);
    if (!parsed.ok) {
      errors.add(line, column, parsed.empty ? 'missing_value' : 'not_numeric', parsed.empty ? `No value for ${definition.key}.` : parsed.reason);
      return null;
    }
    const { value } = parsed;
    if (parsed.hasPercentSign && definition.unit !== 'percent') {
      errors.add(line, column, 'not_numeric', `${echoCell(cell.trim())} has a % sign, but ${definition.key} is measured in ${definition.unit}, not percent.`);
      return null;
    }
    if (parsed.hasCurrencySign && definition.unit !== 'usd') {
      errors.add(line, column, 'not_numeric', `${echoCell(cell.trim())} has a $ sign, but ${definition.key} is measured in ${definition.unit}, not dollars.`);
      return null;
    }
    // The same rules as manual entry and restore: one rule set in shared/metrics/metric-validation.ts.
    // An unresolved target still gets its value checked; only the model rule needs the stream.
    const problem = metricValueProblem(definition, value, target?.streamId ? lookups.streamModel(target.streamId) : null);
    if (problem) {
      errors.add(line, column, importErrorCode(problem.code, definition), problem.message);
      return null;
    }
    return value;
  }

  const routes = new Map<string, Target | string[]>();
  /**
   * Where a value with no stream goes. KPIs read an account-level value only through the single
   * stream whose model reads its metric family (stream-reader.ts), so it is stored on that stream;
   * with none or several such streams it would be read by nothing and is refused, saying how to
   * fix the file. Metrics no stream model reads (outcomes) stay account level, where decks read them.
   */
  function routeToStream(target: Target, definition: MetricDefinition): Target | { message: string } {
    if (target.streamId !== '') return target;
    const family = streamFamily(definition);
    if (family === null) return target;
    // Cached per account and family: the target on the one reading stream, or the streams that read it (none or several).
    let route: Target | string[] | undefined;
    if (target === lastRouted && family === lastRoutedFamily) route = lastRoute!;
    else {
      route = routeFor(target, family);
      lastRouted = target;
      lastRoutedFamily = family;
      lastRoute = route;
    }
    if (!Array.isArray(route)) return route;
    const account = lookups.accountName(target.accountId);
    if (route.length === 0) return { message: `${account} has no revenue stream that records ${definition.key}, so no KPI would read it. Add that stream to the account first, or check the account.` };
    return {
      message: `${account} has ${route.length} revenue streams that record ${definition.key} (${route.map((id) => lookups.streamName(id)).join(', ')}), and a value without a stream is read by none of them. To fix the file, add a Stream column (or fill the stream cell) naming one of them.`,
    };
  }

  let lastRouted: Target | null = null;
  let lastRoutedFamily: MetricFamily | null = null;
  let lastRoute: Target | string[] | null = null;
  function routeFor(target: Target, family: MetricFamily): Target | string[] {
    const cacheKey = `${target.index}\u0000${family}`;
    let route = routes.get(cacheKey);
    if (!route) {
      const streams = lookups.streamIds(target.accountId).map((id) => ({ id, revenueModel: lookups.streamModel(id) ?? 'hybrid' }));
      const readers = streamsReadingFamily(family, streams).map((stream) => stream.id);
      if (readers.length === 1) {
        const targetKey = `${target.accountId}\u0000${readers[0]}`;
        let index = targetIndexes.get(targetKey);
        if (index === undefined) {
          index = targetIndexes.size;
          targetIndexes.set(targetKey, index);
        }
        route = { accountId: target.accountId, streamId: readers[0]!, index };
      } else route = readers;
      routes.set(cacheKey, route);
    }
    return route;
  }

  const streamFamilies = new Map<MetricDefinition, MetricFamily | null>();
  /** The metric's family when some stream model reads it (so a stream-less value goes to that stream), else null. */
  function streamFamily(definition: MetricDefinition): MetricFamily | null {
    let family = streamFamilies.get(definition);
    if (family === undefined) {
      const own = metricFamily(definition.key);
      family = own !== null && Object.values(MODEL_FAMILIES).some((families) => families.includes(own)) ? own : null;
      streamFamilies.set(definition, family);
    }
    return family;
  }

  /** Records a value's key; logs and returns false when an earlier line already had it. */
  function firstOccurrence(target: Target, definition: MetricDefinition, month: MonthEntry & { ok: true }, line: number, column: string | null): boolean {
    const earlier = seen.firstLineOrAdd(target.index * metricCount + metricIndex.get(definition.key)!, month.index, line);
    if (earlier !== undefined) {
      const streamPart = target.streamId ? ` / ${lookups.streamName(target.streamId)}` : '';
      errors.add(line, column, 'duplicate', `Line ${earlier} already has ${definition.key} for ${lookups.accountName(target.accountId)}${streamPart} in ${month.month}; a file may give each account, stream, metric and month only once.`);
      return false;
    }
    return true;
  }

  function raggedProblem(row: readonly string[]): string | null {
    if (row.length < headers.length) return `This row has ${row.length} fields but the header has ${headers.length}.`;
    for (let i = headers.length; i < row.length; i += 1) {
      if (row[i]!.trim()) return `This row has ${row.length} fields but the header has ${headers.length} (an unquoted delimiter inside a value?).`;
    }
    return null;
  }

  const cell = (row: readonly string[], column: number | null): string => (column === null ? '' : (row[column] ?? ''));

  if (mapping.format === 'long') {
    return (row, line, out) => {
      if (isBlank(row)) return;
      counts.rows += 1;
      counts.values += 1;
      const ragged = raggedProblem(row);
      if (ragged) {
        errors.add(line, null, 'ragged_row', ragged);
        counts.rejected += 1;
        return;
      }
      let ok = true;
      const target = resolveTarget(cell(row, mapping.account), cell(row, mapping.stream), line);
      if ('error' in target) {
        errors.add(line, target.column, target.error, target.message);
        ok = false;
      }
      const metricCell = cell(row, mapping.metric);
      const definition = resolveMetric(metricCell);
      if (!definition) {
        const candidates = matcher.candidates(metricCell);
        errors.add(
          line,
          header(mapping.metric),
          'unknown_metric',
          candidates.length > 1
            ? `${echoCell(metricCell.trim())} could be ${candidates.map((c) => c.key).join(' or ')}; use the metric key.`
            : metricCell.trim()
              ? (matcher.unitClash(metricCell) ?? `${echoCell(metricCell.trim())} is not a metric in the catalog.`)
              : 'The metric is empty.',
        );
        ok = false;
      }
      const month = resolveMonth(cell(row, mapping.month));
      if (!month.ok) {
        errors.add(line, header(mapping.month), 'bad_month', month.reason);
        ok = false;
      }
      const routed = definition && !('error' in target) ? routeToStream(target, definition) : null;
      if (routed && 'message' in routed) {
        errors.add(line, header(mapping.stream), 'unknown_stream', routed.message);
        ok = false;
      }
      const where = routed && !('message' in routed) ? routed : null;
      const value = definition ? checkValue(cell(row, mapping.value), definition, where, line, header(mapping.value)) : null;
      if (!ok || value === null || !month.ok || !where || !definition) {
        counts.rejected += 1;
        return;
      }
      if (!firstOccurrence(where, definition, month, line, null)) {
        counts.rejected += 1;
        return;
      }
      counts.valid += 1;
      out.push({ accountId: where.accountId, streamId: where.streamId, metricKey: definition.key, month: month.month, value, line });
    };
  }

  return (row, line, out) => {
    if (isBlank(row)) return;
    counts.rows += 1;
    let filled = 0;
    for (const { column } of wideMetrics) if ((row[column] ?? '').trim()) filled += 1;
    const rejectRow = (column: string | null, code: ImportRowErrorCode, message: string) => {
      errors.add(line, column, code, message);
      // A row-level problem rejects every value on the row; a row with none still counts once.
      counts.values += Math.max(filled, 1);
      counts.rejected += Math.max(filled, 1);
    };
    const ragged = raggedProblem(row);
    if (ragged) return rejectRow(null, 'ragged_row', ragged);
    const target = resolveTarget(cell(row, mapping.account), cell(row, mapping.stream), line);
    const month = resolveMonth(cell(row, mapping.month));
    if ('error' in target && !month.ok) errors.add(line, header(mapping.month), 'bad_month', month.reason);
    if ('error' in target) return rejectRow(target.column, target.error, target.message);
    if (!month.ok) return rejectRow(header(mapping.month), 'bad_month', month.reason);
    counts.values += filled;
    for (const { column, definition } of wideMetrics) {
      const text = row[column] ?? '';
      if (!text.trim()) continue;
      const columnName = header(column);
      const where = routeToStream(target, definition);
      if ('message' in where) {
        errors.add(line, columnName, 'unknown_stream', where.message);
        counts.rejected += 1;
        continue;
      }
      const value = checkValue(text, definition, where, line, columnName);
      if (value === null || !firstOccurrence(where, definition, month, line, columnName)) {
        counts.rejected += 1;
        continue;
      }
      counts.valid += 1;
      out.push({ accountId: where.accountId, streamId: where.streamId, metricKey: definition.key, month: month.month, value, line });
    }
  };
}

/** A month outside the window, said with the cell when the cell does not read as itself ("99999" is an Excel date). */
function monthWindowReason(cell: string, month: string, problem: string): string {
  const text = cell.trim();
  if (text === month || !problem.startsWith(`${month} `)) return problem;
  return `${echoCell(text)} reads as ${month}${isExcelSerialCell(text) ? ' (an Excel date)' : ''}, which ${problem.slice(month.length + 1)}`;
}

function isBlank(row: readonly string[]): boolean {
  // Fast path: almost every row starts with a visible character.
  const first = row[0];
  if (first !== undefined && first.length > 0 && first.charCodeAt(0) > 32) return false;
  for (const value of row) if (value.trim()) return false;
  return true;
}


/** The import's error code for a shared rule's problem (the codes are part of the import's published output). */
function importErrorCode(code: MetricValueProblemCode, definition: MetricDefinition): ImportRowErrorCode {
  switch (code) {
    case 'negative':
      return definition.unit === 'count' ? 'negative_count' : 'out_of_range';
    case 'percent_out_of_range':
    case 'wrong_model':
    case 'out_of_range':
      return code;
    case 'not_finite':
      return 'not_numeric';
    case 'too_large':
      return 'out_of_range';
    case 'unknown_metric':
      return 'unknown_metric';
  }
}
