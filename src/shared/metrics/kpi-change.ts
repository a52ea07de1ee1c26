import { linearRegression } from 'simple-statistics';
import type { KpiValue } from './kpi-value';

/** A KPI compared with an earlier month: absolute delta (in the KPI's unit) and relative change. */
export interface KpiChange {
  fromMonth: string;
  previous: KpiValue;
  /** current − previous, or null when either is unknown. */
  delta: number | null;
  /** delta ÷ |previous| as a fraction, or null when unknown or previous is 0. */
  relativeChange: number | null;
}

/** Direction of the last three months, from a least-squares slope. */
export interface KpiTrend {
  months: string[];
  /** Slope per month in the KPI's unit; null when any of the three months is unknown. */
  slopePerMonth: number | null;
  direction: 'up' | 'down' | 'flat' | 'unknown';
  /** Direction read against whether higher is better. */
  assessment: 'improving' | 'worsening' | 'stable' | 'unknown';
}

/** The change from `previous` to `current`. */
export function compareKpi(current: KpiValue, previous: KpiValue, fromMonth: string): KpiChange {
  if (current.value === null || previous.value === null) return { fromMonth, previous, delta: null, relativeChange: null };
  const delta = current.value - previous.value;
  return { fromMonth, previous, delta, relativeChange: previous.value === 0 ? null : delta / Math.abs(previous.value) };
}

/**
 * A slope under 1% of the mean level per month counts as flat, so month-to-month noise is not
 * reported as a trend.
 */
export const FLAT_SLOPE_SHARE_OF_LEVEL = 0.01;

/** The trend over exactly three consecutive months (oldest first). */
export function threeMonthTrend(points: readonly { month: string; value: number | null }[], higherIsBetter: boolean): KpiTrend {
  const months = points.map((point) => point.month);
  if (points.length !== 3 || points.some((point) => point.value === null)) {
    return { months, slopePerMonth: null, direction: 'unknown', assessment: 'unknown' };
  }
  const values = points.map((point) => point.value!);
  const { m: slope } = linearRegression(values.map((value, i) => [i, value]));
  const level = Math.abs(values.reduce((a, b) => a + b, 0) / values.length);
  const flat = Math.abs(slope) <= FLAT_SLOPE_SHARE_OF_LEVEL * level || Math.abs(slope) < 1e-9;
  const direction = flat ? 'flat' : slope > 0 ? 'up' : 'down';
  const assessment = flat ? 'stable' : (slope > 0) === higherIsBetter ? 'improving' : 'worsening';
  return { months, slopePerMonth: slope, direction, assessment };
}
