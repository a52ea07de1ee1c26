import { reportMonth } from '../../../shared/metrics/account-insights';
import { readKpiGoal, type KpiGoalReading } from '../../../shared/goals/goal-kpi';
import type { WorkspaceDb } from '../../storage/db/database';
import { listStreams } from '../../storage/db/repositories/account-children-repository';
import { listObservations } from '../../storage/db/repositories/insight-observations-repository';
import type { GoalRow } from '../../storage/db/tables/goals-table';
import { loadAppSettings } from '../../storage/settings/app-settings';
import { insightStream, observationsFromRows, rpmRatesFromSettings } from '../metrics/engine-inputs';

/**
 * The KPI engine's reading of each of an account's goals at its latest month with data (not after
 * today), keyed by goal id; free-text goals are absent. Reads the account once for all its goals.
 */
export async function readGoalKpis(db: WorkspaceDb, accountId: string, goals: readonly GoalRow[], today: string): Promise<Map<string, KpiGoalReading>> {
  const readings = new Map<string, KpiGoalReading>();
  if (!goals.some((goal) => goal.metricKey)) return readings;
  const [streamRows, observationRows, settings] = await Promise.all([listStreams(db, accountId), listObservations(db, accountId), loadAppSettings(db)]);
  const input = { observations: observationsFromRows(observationRows), streams: streamRows.map(insightStream), rpmRates: rpmRatesFromSettings(settings) };
  const month = reportMonth({ observations: input.observations, today });
  for (const goal of goals) {
    const reading = readKpiGoal(goal, input, month);
    if (reading) readings.set(goal.id, reading);
  }
  return readings;
}
