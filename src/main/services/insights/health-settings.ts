import type { AccountInsightInput } from '../../../shared/metrics/insight-input';
import type { WorkspaceDb } from '../../storage/db/database';
import { loadAppSettings } from '../../storage/settings/app-settings';
import { rpmRatesFromSettings } from '../metrics/engine-inputs';

/**
 * What the insights engine reads besides an account's data: the workspace's RPM rates and health
 * weights, and today's date (YYYY-MM-DD) by `now`.
 * @example const settings = await healthSettings(db, () => new Date()); computeAccountInsights({ ...settings, observations, streams, … });
 */
export async function healthSettings(db: WorkspaceDb, now: () => Date): Promise<Pick<AccountInsightInput, 'rpmRates' | 'healthWeights' | 'today'>> {
  const settings = await loadAppSettings(db);
  return { rpmRates: rpmRatesFromSettings(settings), healthWeights: settings.healthWeights, today: now().toISOString().slice(0, 10) };
}
