import type { ImportColumn, ImportMapping } from '../api/schemas/import-schemas';
import type { MetricDefinition } from '../metrics/metric-definition';
import { normaliseHeaderWords } from './phi-tripwire';
import { createMetricMatcher, structuralRole, type MetricMatcher, type StructuralRole } from './header-matching';

/** What the mapping step proposes for a header row. */
export interface MappingSuggestion {
  format: 'long' | 'wide' | 'unknown';
  /** Null when the headers do not say enough (the user must map columns) or are ambiguous. */
  mapping: ImportMapping | null;
  columns: ImportColumn[];
  /** Why no mapping could be proposed, or what the user should look at. */
  problems: string[];
}

/**
 * A stable key for a header row, so a mapping confirmed once is offered again for the next export
 * from the same system. Order matters (mappings address columns by position); case, spacing and
 * punctuation do not.
 * @example headerFingerprint(['Account', 'Month', 'Enrolled Patients']) // '3-9c0d…'
 */
export function headerFingerprint(headers: readonly string[]): string {
  const text = headers.map((header) => normaliseHeaderWords(header)).join('\u001f');
  // FNV-1a, 32 bits: not security, just a short stable name for a settings key.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${headers.length}-${hash.toString(16).padStart(8, '0')}`;
}

/**
 * Proposes a mapping from header names: a long file when it has metric and value columns, a wide
 * file when it has a month column and at least one header that names a catalog metric.
 * @example suggestMapping(['account', 'stream', 'metric', 'month', 'value'], METRIC_CATALOG, false).format // 'long'
 */
export function suggestMapping(headers: readonly string[], catalog: readonly MetricDefinition[], accountForced: boolean, matcher: MetricMatcher = createMetricMatcher(catalog)): MappingSuggestion {
  const roleColumns = new Map<StructuralRole, number[]>();
  const columns: ImportColumn[] = headers.map((header, column) => {
    const role = structuralRole(header);
    if (role) {
      roleColumns.set(role, [...(roleColumns.get(role) ?? []), column]);
      return { column, header, role, metricKey: null, candidates: [] };
    }
    return { column, header, role: 'ignored', metricKey: null, candidates: [] };
  });
  const problems: string[] = [];
  const single = (role: StructuralRole): number | null | 'duplicate' => {
    const found = roleColumns.get(role) ?? [];
    if (found.length > 1) {
      problems.push(`Columns ${found.map((c) => `${c + 1} ("${headers[c]}")`).join(' and ')} all look like the ${role} column; say which one to use.`);
      return 'duplicate';
    }
    return found[0] ?? null;
  };
  const account = single('account');
  const stream = single('stream');
  const month = single('month');
  const metric = single('metric');
  const value = single('value');
  const has = (c: number | null | 'duplicate'): c is number => typeof c === 'number';

  if (metric !== null || value !== null) {
    if (!has(metric) || !has(value) || !has(month) || (!has(account) && !accountForced) || stream === 'duplicate' || account === 'duplicate') {
      if (metric === null) problems.push('A long file needs a metric column.');
      if (value === null) problems.push('A long file needs a value column.');
      if (month === null) problems.push('The file needs a month column.');
      if (account === null && !accountForced) problems.push('The file has no account column; choose the account it is for.');
      return { format: 'long', mapping: null, columns, problems };
    }
    return {
      format: 'long',
      mapping: { format: 'long', account: has(account) ? account : null, stream: has(stream) ? stream : null, metric, month, value },
      columns,
      problems,
    };
  }

  // Wide: every non-structural header that names exactly one metric becomes a metric column.
  const byMetric = new Map<string, number[]>();
  for (const entry of columns) {
    if (entry.role !== 'ignored') continue;
    const found = matcher.candidates(entry.header);
    if (found.length === 1) {
      entry.role = 'metric-column';
      entry.metricKey = found[0]!.key;
      byMetric.set(found[0]!.key, [...(byMetric.get(found[0]!.key) ?? []), entry.column]);
    } else if (found.length > 1) {
      entry.candidates = found.map((definition) => definition.key);
      problems.push(`Column ${entry.column + 1} ("${entry.header}") could be ${entry.candidates.join(' or ')}; map it to one of them to import it.`);
    } else {
      const clash = matcher.unitClash(entry.header);
      if (clash) problems.push(`Column ${entry.column + 1}: ${clash}`);
    }
  }
  for (const [metricKey, cols] of byMetric) {
    if (cols.length < 2) continue;
    problems.push(`Columns ${cols.map((c) => `${c + 1} ("${headers[c]}")`).join(' and ')} all mean ${metricKey}; map only one of them.`);
    for (const c of cols) {
      columns[c]!.role = 'ignored';
      columns[c]!.candidates = [metricKey];
      columns[c]!.metricKey = null;
    }
  }
  const metricColumns = columns.filter((c) => c.role === 'metric-column').map((c) => ({ column: c.column, metricKey: c.metricKey! }));
  if (metricColumns.length === 0) {
    problems.push('No column names a metric from the catalog, and there are no metric and value columns; map the columns by hand.');
    return { format: 'unknown', mapping: null, columns, problems };
  }
  const duplicateMetricHeaders = [...byMetric.values()].some((cols) => cols.length > 1);
  if (!has(month) || (!has(account) && !accountForced) || account === 'duplicate' || stream === 'duplicate' || duplicateMetricHeaders) {
    if (month === null) problems.push('The file needs a month column.');
    if (account === null && !accountForced) problems.push('The file has no account column; choose the account it is for.');
    return { format: 'wide', mapping: null, columns, problems };
  }
  return {
    format: 'wide',
    mapping: { format: 'wide', account: has(account) ? account : null, stream: has(stream) ? stream : null, month, metricColumns },
    columns,
    problems,
  };
}

/**
 * Problems with a mapping against a header row: columns out of range or used twice, unknown
 * metric keys, a missing account column when none is forced. Empty when the mapping is usable.
 */
export function mappingProblems(mapping: ImportMapping, headers: readonly string[], findMetric: (key: string) => MetricDefinition | undefined, accountForced: boolean): string[] {
  const problems: string[] = [];
  const used = new Map<number, string>();
  const use = (column: number | null, what: string) => {
    if (column === null) return;
    if (column >= headers.length) problems.push(`The ${what} column is number ${column + 1}, but the file has ${headers.length} columns.`);
    const previous = used.get(column);
    if (previous) problems.push(`Column ${column + 1} ("${headers[column] ?? ''}") is mapped as both ${previous} and ${what}.`);
    used.set(column, what);
  };
  use(mapping.account, 'account');
  use(mapping.stream, 'stream');
  use(mapping.month, 'month');
  if (mapping.account === null && !accountForced) problems.push('The mapping has no account column and no account was chosen for the file.');
  if (mapping.format === 'long') {
    use(mapping.metric, 'metric');
    use(mapping.value, 'value');
  } else {
    const keys = new Set<string>();
    for (const { column, metricKey } of mapping.metricColumns) {
      use(column, metricKey);
      if (!findMetric(metricKey)) problems.push(`Column ${column + 1} is mapped to "${metricKey}", which is not a metric in the catalog.`);
      if (keys.has(metricKey)) problems.push(`Two columns are mapped to ${metricKey}; each metric can come from one column only.`);
      keys.add(metricKey);
    }
  }
  return problems;
}

/** The per-column view of a mapping, for the preview (roles from the mapping, candidates from the suggestion). */
export function describeColumns(mapping: ImportMapping | null, suggested: readonly ImportColumn[]): ImportColumn[] {
  if (!mapping) return suggested.map((c) => ({ ...c }));
  const roles = new Map<number, { role: ImportColumn['role']; metricKey: string | null }>();
  const set = (column: number | null, role: ImportColumn['role']) => {
    if (column !== null) roles.set(column, { role, metricKey: null });
  };
  set(mapping.account, 'account');
  set(mapping.stream, 'stream');
  set(mapping.month, 'month');
  if (mapping.format === 'long') {
    set(mapping.metric, 'metric');
    set(mapping.value, 'value');
  } else {
    for (const { column, metricKey } of mapping.metricColumns) roles.set(column, { role: 'metric-column', metricKey });
  }
  return suggested.map((c) => ({ ...c, ...(roles.get(c.column) ?? { role: 'ignored' as const, metricKey: null }) }));
}
