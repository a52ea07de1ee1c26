import type { ImportColumn, ImportMapping, ImportRefusal } from '../api/schemas/import-schemas';
import type { MetricDefinition } from '../metrics/metric-definition';
import { describeColumns, headerFingerprint, mappingProblems, suggestMapping } from './column-mapping';
import { createMetricMatcher } from './header-matching';
import { detectDayOrder, type DayOrder } from './month-cell';
import { parseNumberCell, readDecimalSeparator, type DecimalSeparator } from './number-cell';
import { findPhiHeader, PHI_POLICY } from './phi-tripwire';

export interface ImportPlanInput {
  headers: readonly string[];
  /** Line of the header row in the file (2 after a `sep=` line). */
  headerLine: number;
  /** The first data rows, for detecting the decimal separator and day order. */
  sampleRows: readonly (readonly string[])[];
  delimiter: string;
  catalog: readonly MetricDefinition[];
  accountForced: boolean;
  /** Mappings the user confirmed before, by header fingerprint. */
  remembered: Readonly<Record<string, ImportMapping>>;
  mapping?: ImportMapping;
  decimalSeparator?: DecimalSeparator;
  dayOrder?: DayOrder;
}

/** How a file will be read: decided once from its header and first rows, before any value is validated. */
export interface ImportPlan {
  headers: string[];
  headerLine: number;
  fingerprint: string;
  format: 'long' | 'wide' | 'unknown';
  mapping: ImportMapping | null;
  mappingOrigin: 'given' | 'remembered' | 'suggested' | 'none';
  columns: ImportColumn[];
  warnings: string[];
  decimalSeparator: DecimalSeparator;
  /** Set when the file's numbers read two ways ("1.234") and the caller did not say which: why, in words; a commit refuses with it. */
  ambiguousNumbers: string | null;
  dayOrder: DayOrder | null;
  /** Set when the file cannot be imported as planned (PHI in a header, no usable mapping). */
  refusal: ImportRefusal | null;
}

/**
 * Plans an import from the header row: the PHI check on headers, then the mapping (given by the
 * caller, remembered for this header fingerprint, or suggested from header names), then number and
 * date conventions from the sample.
 */
export function buildImportPlan(input: ImportPlanInput): ImportPlan {
  const headers = [...input.headers];
  const fingerprint = headerFingerprint(headers);
  const findMetric = (key: string) => input.catalog.find((definition) => definition.key === key);
  const suggestion = suggestMapping(headers, input.catalog, input.accountForced, createMetricMatcher(input.catalog));
  const base = { headers, headerLine: input.headerLine, fingerprint, warnings: [] as string[] };

  let mapping: ImportMapping | null = null;
  let mappingOrigin: ImportPlan['mappingOrigin'] = 'none';
  let refusal: ImportRefusal | null = null;
  const remembered = input.remembered[fingerprint];
  if (input.mapping) {
    const problems = mappingProblems(input.mapping, headers, findMetric, input.accountForced);
    if (problems.length) refusal = { code: 'mapping', message: problems.join(' '), line: input.headerLine, column: null };
    else [mapping, mappingOrigin] = [input.mapping, 'given'];
  } else if (remembered && mappingProblems(remembered, headers, findMetric, input.accountForced).length === 0) {
    [mapping, mappingOrigin] = [remembered, 'remembered'];
  } else if (suggestion.mapping) {
    [mapping, mappingOrigin] = [suggestion.mapping, 'suggested'];
    base.warnings.push(...suggestion.problems);
  } else {
    refusal = {
      code: 'mapping',
      message: `The columns could not be matched automatically: ${suggestion.problems.join(' ')}`,
      line: input.headerLine,
      column: null,
    };
  }

  const phi = findPhiHeader(headers);
  if (phi) {
    const header = headers[phi.column] ?? '';
    refusal = {
      code: 'phi',
      message: `Line ${input.headerLine}, column "${header}": ${phi.why}, which would be patient-level data. ${PHI_POLICY}`,
      line: input.headerLine,
      column: header,
    };
  }

  const columns = describeColumns(mapping, suggestion.columns);
  const ignored = columns.filter((c) => c.role === 'ignored' && c.header.trim());
  if (mapping && ignored.length) {
    base.warnings.push(`Not imported: ${ignored.map((c) => `column ${c.column + 1} ("${c.header}")`).join(', ')}.`);
  }
  const valueCells = mapping ? sampleCells(input.sampleRows, mapping.format === 'long' ? [mapping.value] : mapping.metricColumns.map((c) => c.column)) : [];
  const monthCells = mapping ? sampleCells(input.sampleRows, [mapping.month]) : [];
  const reading = readDecimalSeparator(valueCells, input.delimiter);
  const ambiguous = input.decimalSeparator === undefined && reading.ambiguousExample !== null ? ambiguousNumbersMessage(reading.ambiguousExample, input.delimiter) : null;
  if (ambiguous !== null) base.warnings.push(ambiguous);
  return {
    ...base,
    format: mapping?.format ?? suggestion.format,
    mapping,
    mappingOrigin,
    columns,
    decimalSeparator: input.decimalSeparator ?? reading.separator,
    ambiguousNumbers: ambiguous,
    dayOrder: input.dayOrder ?? detectDayOrder(monthCells),
    refusal,
  };
}

/** What to say when a file's numbers read two ways; the import refuses with it until the user chooses. */
export function ambiguousNumbersMessage(example: string, delimiter: string): string {
  const asPoint = parseNumberCell(example, '.');
  const asComma = parseNumberCell(example, ',');
  const read = (result: ReturnType<typeof parseNumberCell>) => (result.ok ? String(result.value) : '?');
  const kind = delimiter === ';' ? 'semicolon' : delimiter === '\t' ? 'tab' : delimiter === '|' ? 'pipe' : 'delimited';
  return `Values such as "${example}" could be ${read(asPoint)} or ${read(asComma)}: this ${kind}-delimited file has no value that shows whether "." or "," is its decimal separator. Choose the reading (decimal point: ${read(asPoint)}; decimal comma: ${read(asComma)}); nothing is imported until you do.`;
}

function sampleCells(rows: readonly (readonly string[])[], columns: readonly number[]): string[] {
  const cells: string[] = [];
  for (const row of rows) for (const column of columns) if (row[column]) cells.push(row[column]!);
  return cells;
}
