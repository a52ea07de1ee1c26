import type { RevenueModelKey } from '../framework/keys';
import { findMetricDefinition } from './metric-catalog';
import type { MetricDefinition } from './metric-definition';

/*
 * The one rule set for a stored metric value. CSV import, manual month entry, workspace restore
 * and the app's own entry form all call these functions, so a value one path refuses is refused
 * by every path (tests/integration/metric-value-rules.test.ts proves they agree).
 */

export const METRIC_VALUE_PROBLEM_CODES = ['unknown_metric', 'not_finite', 'too_large', 'negative', 'percent_out_of_range', 'out_of_range', 'wrong_model'] as const;
export type MetricValueProblemCode = (typeof METRIC_VALUE_PROBLEM_CODES)[number];

/** Why a value cannot be stored. */
export interface MetricValueProblem {
  code: MetricValueProblemCode;
  message: string;
}

/**
 * No real monthly figure (patients, claims, dollars, minutes) comes near this; a larger number is a
 * unit or parsing mistake (a pasted id, an exponent) and is refused rather than skewing every KPI.
 */
export const MAX_METRIC_MAGNITUDE = 1e12;

/** Whether a metric of `definition` may be stored on a stream of `streamModel` (null: account level, any metric). */
export function metricBelongsToModel(definition: MetricDefinition, streamModel: RevenueModelKey | null): boolean {
  if (streamModel === null || definition.models === 'any') return true;
  return definition.models.includes(streamModel);
}

/**
 * Why `value` cannot be stored for `definition` on a stream of `streamModel`, or null when it can.
 * Units imply bounds unless the definition states its own: counts, dollars, days and minutes are
 * never negative (except metrics marked `signed`), percents are 0-100.
 */
export function metricValueProblem(definition: MetricDefinition, value: number, streamModel: RevenueModelKey | null = null): MetricValueProblem | null {
  const { label } = definition;
  if (!Number.isFinite(value)) return { code: 'not_finite', message: `${label} must be a finite number.` };
  if (definition.unit === 'percent') {
    const low = definition.min ?? 0;
    const high = definition.max ?? 100;
    if (value < low || value > high) return { code: 'percent_out_of_range', message: `${label} is a percentage from ${low} to ${high}; ${value} is outside that range.` };
  } else {
    const low = definition.min ?? (definition.signed || definition.unit === 'score' ? undefined : 0);
    const high = definition.max;
    if (low === 0 && definition.min === undefined && value < 0) return { code: 'negative', message: `${label} cannot be negative (${value}).` };
    if ((low !== undefined && value < low) || (high !== undefined && value > high)) {
      return {
        code: 'out_of_range',
        message: high === undefined ? `${label} cannot be below ${low} (${value}).` : `${label} must be between ${low ?? '−∞'} and ${high}; ${value} is outside that range.`,
      };
    }
    if (Math.abs(value) > MAX_METRIC_MAGNITUDE) return { code: 'too_large', message: `${label} of ${value} is larger than any real monthly figure; check the unit and the cell.` };
  }
  if (!metricBelongsToModel(definition, streamModel)) {
    return { code: 'wrong_model', message: `${label} is not a metric of a ${streamModel} stream; record it on a stream of that kind.` };
  }
  return null;
}

/** The same rules for a metric named by key: an unknown key is itself a problem. */
export function observationProblem(metricKey: string, value: number, streamModel: RevenueModelKey | null = null): MetricValueProblem | null {
  const definition = findMetricDefinition(metricKey);
  if (!definition) return { code: 'unknown_metric', message: `"${metricKey}" is not a metric this app knows.` };
  return metricValueProblem(definition, value, streamModel);
}

/** The first month a metric value may be for; monthly digital-health data before it is a typing or parsing mistake. */
export const EARLIEST_METRIC_MONTH = '2000-01';

/**
 * The latest month a value may be for: the current calendar month (UTC) of `now`. Monthly data is
 * recorded after the fact, so anything later is a typo or a misread date (99999 as an Excel date).
 * @example currentMetricMonth(new Date('2026-11-15T10:00:00Z')) // '2026-11'
 */
export function currentMetricMonth(now: Date): string {
  return now.toISOString().slice(0, 7);
}

/**
 * Why a YYYY-MM month cannot carry a value, or null. `latestMonth` (the current month where the
 * caller knows it, `currentMetricMonth`) refuses months that have not happened yet.
 */
export function metricMonthProblem(month: string, latestMonth?: string): string | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return `"${month}" is not a month (YYYY-MM).`;
  if (month < EARLIEST_METRIC_MONTH) return `${month} is before ${EARLIEST_METRIC_MONTH}; check the year.`;
  if (latestMonth !== undefined && month > latestMonth) return `${month} has not happened yet: months run from ${EARLIEST_METRIC_MONTH} to ${latestMonth}.`;
  return null;
}
