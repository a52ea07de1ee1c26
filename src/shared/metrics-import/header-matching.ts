import type { MetricDefinition } from '../metrics/metric-definition';
import { nameKey } from '../text/name-key';

/*
 * Matching column headers and metric names to the catalog. Exports label the same metric many
 * ways ("Enrolled Patients", "Patients enrolled", "rpm_enrolled_patients", "# enrolled patients"),
 * so both sides are reduced to a set of word stems before comparing. A header that fits several
 * metrics is reported with its candidates, never silently given to one of them.
 */

/** Words that carry no meaning for matching: articles, "number of", units. */
const FILLER_WORDS = new Set(['the', 'of', 'a', 'an', 'number', 'no', 'num', 'nbr', 'count', 'pct', 'percent', 'percentage', 'usd', 'rate', 'in', 'per', 'cpt']);

/** The model prefixes of catalog keys (rpm_enrolled_patients → enrolled patients). */
const KEY_PREFIX = /^(?:rpm|pmpm|saas|vbc|hybrid|outcome)_/;

/**
 * A header or metric name as an order-free, plural-free word set, joined for use as a map key.
 * @example headerStems('Patients Enrolled (#)') === headerStems('enrolled_patients') // true
 */
export function headerStems(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word && !FILLER_WORDS.has(word))
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
  return [...new Set(words)].sort().join(' ');
}

/** How names are compared in an import (accounts, streams, metric labels): the app's one name key. */
export function normaliseName(text: string): string {
  return nameKey(text);
}

/** Finds catalog metrics by key, label or a header that means them. */
export interface MetricMatcher {
  /** Exact key (any case) or a unique label/stem match; undefined when unknown or ambiguous. */
  find(text: string): MetricDefinition | undefined;
  /** Every metric a header could mean, best first (an exact key or label match alone when there is one). */
  candidates(text: string): MetricDefinition[];
  /**
   * Why a header that names a metric by its words was not matched to it: its unit word disagrees
   * ("Claims paid 99454 (USD)" is in dollars, the metric is a count). Null when there is no such clash.
   */
  unitClash(text: string): string | null;
}

/** Unit words a header may carry, and the catalog unit each one means. */
const UNIT_WORDS: readonly { pattern: RegExp; unit: MetricDefinition['unit']; said: string }[] = [
  { pattern: /\$|\busd\b|\bus\$|\bdollars?\b/i, unit: 'usd', said: 'in dollars' },
  { pattern: /%|\bpct\b|\bpercent(?:age)?\b/i, unit: 'percent', said: 'a percentage' },
  { pattern: /#|\bcount\b/i, unit: 'count', said: 'a count' },
];

const UNIT_SAID: Readonly<Record<MetricDefinition['unit'], string>> = { usd: 'in dollars', percent: 'a percentage', count: 'a count', days: 'in days', minutes: 'in minutes', score: 'a score' };

/** The unit a header's own words give it ("(USD)", "%", "#"), or null when it names none or several. */
function headerUnit(text: string): (typeof UNIT_WORDS)[number] | null {
  const said = UNIT_WORDS.filter((word) => word.pattern.test(text));
  return said.length === 1 ? said[0]! : null;
}

/** Builds the lookup tables once per import. */
export function createMetricMatcher(catalog: readonly MetricDefinition[]): MetricMatcher {
  const byExact = new Map<string, MetricDefinition>();
  const byStems = new Map<string, MetricDefinition[]>();
  const addStems = (stems: string, definition: MetricDefinition) => {
    if (!stems) return;
    const list = byStems.get(stems) ?? [];
    if (!list.includes(definition)) list.push(definition);
    byStems.set(stems, list);
  };
  for (const definition of catalog) {
    byExact.set(definition.key.toLowerCase(), definition);
    if (!byExact.has(normaliseName(definition.label))) byExact.set(normaliseName(definition.label), definition);
  }
  // Labels are unique within the catalog only per model ("Enrolled members" is PMPM and VBC), so a
  // label that names two metrics is not an exact match.
  const labelCounts = new Map<string, number>();
  for (const definition of catalog) labelCounts.set(normaliseName(definition.label), (labelCounts.get(normaliseName(definition.label)) ?? 0) + 1);
  for (const [label, count] of labelCounts) if (count > 1 && !catalog.some((d) => d.key.toLowerCase() === label)) byExact.delete(label);
  for (const definition of catalog) {
    addStems(headerStems(definition.key.replace(KEY_PREFIX, '')), definition);
    addStems(headerStems(definition.label), definition);
  }
  const byWords = (text: string): MetricDefinition[] => byStems.get(headerStems(text)) ?? [];
  // A unit word the header states must agree with the metric's unit, or the header is not that metric.
  const agrees = (text: string) => {
    const unit = headerUnit(text);
    return (definition: MetricDefinition) => unit === null || unit.unit === definition.unit;
  };
  const candidates = (text: string): MetricDefinition[] => {
    const exact = byExact.get(normaliseName(text));
    if (exact) return [exact];
    return byWords(text).filter(agrees(text));
  };
  return {
    candidates,
    unitClash(text) {
      if (byExact.has(normaliseName(text))) return null;
      const unit = headerUnit(text);
      const clashing = byWords(text).filter((definition) => !agrees(text)(definition));
      if (!unit || clashing.length === 0) return null;
      return `"${text.trim()}" is ${unit.said}, but ${clashing.map((d) => `${d.key} is ${UNIT_SAID[d.unit]}`).join(' and ')}; it was not matched. Map the column by hand if it really is that metric.`;
    },
    find(text) {
      const found = candidates(text);
      return found.length === 1 ? found[0] : undefined;
    },
  };
}

/** Header names that mean a structural column of a long or wide file, by role. */
export const ROLE_HEADERS = {
  account: ['account', 'account name', 'customer', 'customer name', 'client', 'client name', 'organization', 'organisation', 'org'],
  stream: ['stream', 'stream name', 'revenue stream', 'program', 'programme'],
  metric: ['metric', 'metric key', 'metric name', 'measure', 'kpi', 'indicator'],
  month: ['month', 'period', 'reporting month', 'report month', 'reporting period', 'service month', 'date', 'month start', 'month ending'],
  value: ['value', 'amount', 'metric value', 'val'],
} as const;

export type StructuralRole = keyof typeof ROLE_HEADERS;

/** The structural role a header names, if any. */
export function structuralRole(header: string): StructuralRole | null {
  const words = header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  for (const role of Object.keys(ROLE_HEADERS) as StructuralRole[]) {
    if ((ROLE_HEADERS[role] as readonly string[]).includes(words)) return role;
  }
  return null;
}
