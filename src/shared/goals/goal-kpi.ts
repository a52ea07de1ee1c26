import { addMonths, monthsEndingAt } from '../calendar';
import type { AccountInsightInput } from '../metrics/insight-input';
import { createStreamReaders, kpiDefinitionsForStream, KPI_HISTORY_MONTHS } from '../metrics/kpi-engine';
import { isKpiKey, type KpiKey, type KpiUnit } from '../metrics/kpis/kpi-definition';
import { indexObservations } from '../metrics/metric-observation';

/*
 * A success-plan goal measured by a KPI (its `metricKey` names one): its current value and history
 * come from the KPI engine — the same definition.compute the scorecard's KPI table uses — and its
 * baseline is the KPI at the goal's start month. One function for the goals tab (goals.list) and
 * the deck's goals slide, so the app, the goals slide and the scorecard show one number.
 */

/** Months of history a KPI-linked goal carries at most (from its start month to the report month). */
export const GOAL_HISTORY_MONTHS = 36;

/** What the engine says about a KPI-linked goal at a report month. */
export interface KpiGoalReading {
  key: KpiKey;
  label: string;
  unit: KpiUnit;
  higherIsBetter: boolean;
  /** The stream the values were read from. */
  streamId: string;
  /** YYYY-MM the baseline was read at: the goal's start month. */
  baselineMonth: string;
  baseline: number | null;
  /** YYYY-MM of `current`: the report month. */
  currentMonth: string;
  current: number | null;
  /** From the start month (at most 36 months back) to the report month, oldest first; null where unknown. */
  history: { month: string; value: number | null }[];
}

/** What readKpiGoal reads of a goal. */
export interface KpiGoalRef {
  metricKey: string | null;
  streamId: string | null;
  /** YYYY-MM the goal started, or null: then `createdAt`'s month. */
  startMonth: string | null;
  createdAt: string;
}

/**
 * The engine's reading of a KPI-linked goal at `reportMonth`, or null for a free-text goal (or a
 * KPI none of the account's streams carries). The goal's own stream is read when it names one;
 * otherwise the first stream carrying the KPI with a value at the report month, else the first
 * carrying it — the scorecard's own choice (deck-facts findKpi).
 * @example readKpiGoal({ metricKey: 'rpm_avg_device_days_per_patient', streamId: null, startMonth: '2026-01', createdAt }, input, '2026-09')?.current // 10.6
 */
export function readKpiGoal(goal: KpiGoalRef, input: Pick<AccountInsightInput, 'observations' | 'streams' | 'rpmRates'>, reportMonth: string): KpiGoalReading | null {
  if (!goal.metricKey || !isKpiKey(goal.metricKey)) return null;
  const key = goal.metricKey;
  const readers = createStreamReaders(indexObservations(input.observations), input.streams, input.rpmRates);
  const window = monthsEndingAt(reportMonth, KPI_HISTORY_MONTHS + 1);
  const carrying = readers
    .filter((reader) => goal.streamId === null || reader.stream.id === goal.streamId)
    .flatMap((reader) => {
      const definition = kpiDefinitionsForStream(reader, window).find((d) => d.key === key);
      return definition ? [{ reader, definition }] : [];
    });
  const chosen = carrying.find(({ reader, definition }) => definition.compute(reader, reportMonth).value !== null) ?? carrying[0];
  if (!chosen) return null;
  const { reader, definition } = chosen;
  const startMonth = goal.startMonth ?? goal.createdAt.slice(0, 7);
  const first = startMonth < addMonths(reportMonth, -(GOAL_HISTORY_MONTHS - 1)) ? addMonths(reportMonth, -(GOAL_HISTORY_MONTHS - 1)) : startMonth;
  const months: string[] = [];
  for (let month = first; month <= reportMonth; month = addMonths(month, 1)) months.push(month);
  const history = months.map((month) => ({ month, value: definition.compute(reader, month).value }));
  return {
    key,
    label: definition.label,
    unit: definition.unit,
    higherIsBetter: definition.higherIsBetter,
    streamId: reader.stream.id,
    baselineMonth: startMonth,
    baseline: startMonth <= reportMonth ? definition.compute(reader, startMonth).value : null,
    currentMonth: reportMonth,
    current: definition.compute(reader, reportMonth).value,
    history,
  };
}

