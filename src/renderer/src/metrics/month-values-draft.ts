import type { RevenueModelKey } from '../../../shared/framework/keys';
import { METRIC_CATALOG } from '../../../shared/metrics/metric-catalog';
import type { MetricDefinition } from '../../../shared/metrics/metric-definition';
import { metricFamily, type MetricFamily } from '../../../shared/metrics/metric-observation';
import { metricValueProblem } from '../../../shared/metrics/metric-validation';

/*
 * The manual-entry form's logic: which catalog metrics a stream (or the account level) takes, and
 * turning the typed text back into the values to save. An emptied field that had a stored value
 * removes it (null); an empty field that had none is left alone; nothing is ever saved as 0 by default.
 */

export const FAMILY_LABELS: Record<MetricFamily, string> = {
  rpm: 'Remote patient monitoring',
  pmpm: 'PMPM / PEPM program',
  saas: 'SaaS adoption',
  vbc: 'Value-based contract',
  hybrid: 'Hybrid switchover',
  outcome: 'Clinical and business outcomes',
};

/** The catalog metrics that belong to a stream of `model`, or, for account-level values (null), to any of the account's models. */
export function entryMetrics(model: RevenueModelKey | null, accountModels: readonly RevenueModelKey[]): MetricDefinition[] {
  const models = model ? [model] : accountModels;
  if (models.length === 0) return [...METRIC_CATALOG];
  return METRIC_CATALOG.filter((definition) => definition.models === 'any' || models.some((m) => (definition.models as readonly string[]).includes(m)));
}

/** The metrics grouped by family, in catalog order. */
export function groupByFamily(definitions: readonly MetricDefinition[]): { family: MetricFamily; label: string; metrics: MetricDefinition[] }[] {
  const groups = new Map<MetricFamily, MetricDefinition[]>();
  for (const definition of definitions) {
    const family = metricFamily(definition.key) ?? 'outcome';
    groups.set(family, [...(groups.get(family) ?? []), definition]);
  }
  return [...groups].map(([family, metrics]) => ({ family, label: FAMILY_LABELS[family], metrics }));
}

/** Field text for a stored value ('' when there is none). */
export function valueText(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

export interface MonthValuesChanges {
  /** Metric key → new value, or null to remove the stored one. */
  values: Record<string, number | null>;
  /** Keys whose stored value is being removed (the user confirms these). */
  removed: string[];
  /** Metric key → what is wrong with the typed text. */
  errors: Record<string, string>;
}

/** What saving the form would change, checked with the same rules the backend applies. */
export function monthValuesChanges(
  definitions: readonly MetricDefinition[],
  texts: Readonly<Record<string, string>>,
  stored: Readonly<Record<string, number>>,
  streamModel: RevenueModelKey | null,
): MonthValuesChanges {
  const changes: MonthValuesChanges = { values: {}, removed: [], errors: {} };
  for (const definition of definitions) {
    const text = (texts[definition.key] ?? '').replace(/,/g, '').trim();
    const before = stored[definition.key];
    if (text === '') {
      if (before !== undefined) {
        changes.values[definition.key] = null;
        changes.removed.push(definition.key);
      }
      continue;
    }
    const value = Number(text);
    if (!Number.isFinite(value)) {
      changes.errors[definition.key] = 'Enter a number, or leave the field empty if it is not known.';
      continue;
    }
    const problem = metricValueProblem(definition, value, streamModel);
    if (problem) changes.errors[definition.key] = problem.message;
    else if (value !== before) changes.values[definition.key] = value;
  }
  return changes;
}
