import { computeAccountInsights } from '../../src/shared/metrics/account-insights';
import { insightStakeholder, insightStream, observationsFromRows, rpmRatesFromSettings } from '../../src/main/services/metrics/engine-inputs';
import { listStakeholders, listStreams } from '../../src/main/storage/db/repositories/account-children-repository';
import { listObservations } from '../../src/main/storage/db/repositories/insight-observations-repository';
import { loadAppSettings } from '../../src/main/storage/settings/app-settings';
import type { Backend } from '../../src/main/api/backend';

export type PortfolioHealth = Map<string, { healthScore: number | null; worstSeverity: string | null; signalCount: number }>;

/** What the full engine (the account view's) says about every live account on `today`, computed here from all of its stored data. */
export async function expectedPortfolioHealth(backend: Backend, today: string): Promise<PortfolioHealth> {
  const db = backend.workspace.db;
  const settings = await loadAppSettings(db);
  const expected: PortfolioHealth = new Map();
  for (const account of await backend.client.call('accounts.list', {})) {
    const insights = computeAccountInsights({
      observations: observationsFromRows(await listObservations(db, account.id)),
      streams: (await listStreams(db, account.id)).map(insightStream),
      stakeholders: (await listStakeholders(db, account.id)).map(insightStakeholder),
      renewalDate: account.renewalDate,
      contractStartDate: account.contractStartDate,
      today,
      rpmRates: rpmRatesFromSettings(settings),
      healthWeights: settings.healthWeights,
    });
    expected.set(account.id, { healthScore: insights.health.score, worstSeverity: insights.worstSeverity, signalCount: insights.signals.length });
  }
  return expected;
}

/** insights.portfolio as a map by account. */
export async function portfolioHealthOf(backend: Backend): Promise<PortfolioHealth> {
  return new Map((await backend.client.call('insights.portfolio', {})).map(({ accountId, ...rest }) => [accountId, rest]));
}
