import type { RevenueModelKey } from '../framework/keys';
import { findMetricDefinition } from './metric-catalog';

/*
 * Checks one value against the metric catalog. Shared by manual entry and import so both refuse
 * the same things: unknown metrics, negative counts, percentages outside 0-100, values outside a
 * metric's own bounds, and metrics that do not belong to the stream's revenue model.
 */

/** Why a value cannot be stored, or null when it can. */
export function metricValueProblem(metricKey: string, value: number, streamModel: RevenueModelKey | null = null): string | null {
  const definition = findMetricDefinition(metricKey);
  if (!definition) return `"${metricKey}" is not a metric this app knows.`;
  if (!Number.isFinite(value)) return `${definition.label} must be a number.`;
  if (definition.min !== undefined && value < definition.min) return `${definition.label} cannot be below ${definition.min}.`;
  if (definition.max !== undefined && value > definition.max) return `${definition.label} cannot be above ${definition.max}.`;
  if (definition.min === undefined && definition.unit !== 'score' && value < 0) return `${definition.label} cannot be negative.`;
  if (definition.unit === 'percent' && definition.max === undefined && value > 100) return `${definition.label} is a percentage and must be between 0 and 100.`;
  if (streamModel && streamModel !== 'hybrid' && definition.models !== 'any' && !definition.models.includes(streamModel)) {
    return `${definition.label} does not belong to a ${streamModel} stream.`;
  }
  return null;
}
