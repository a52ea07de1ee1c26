import { ApiFailure } from '../../../shared/api/errors';
import type { RevenueModelKey } from '../../../shared/framework/keys';
import { computeAccountInsights } from '../../../shared/metrics/account-insights';
import { findMetricDefinition } from '../../../shared/metrics/metric-catalog';
import { currentMetricMonth, metricMonthProblem, observationProblem } from '../../../shared/metrics/metric-validation';
import { listStakeholders, listStreams } from '../../storage/db/repositories/account-children-repository';
import { listLiveAccountDates, listLiveAccountStakeholders, listLiveAccountStreams } from '../../storage/db/repositories/insight-accounts-repository';
import { listObservations, writeMonthValues } from '../../storage/db/repositories/insight-observations-repository';
import { insightStakeholder, insightStream, observationsFromRows } from '../../services/metrics/engine-inputs';
import { healthSettings } from '../../services/insights/health-settings';
import { portfolioHealth, portfolioInsightOf } from '../../services/insights/portfolio-health';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';
import { requireLiveAccount } from './require-account';

type InsightHandlers = Pick<ApiHandlers, 'metrics.list' | 'metrics.saveMonth' | 'insights.account' | 'insights.portfolio'>;

export function insightHandlers({ workspace, now }: HandlerDeps): InsightHandlers {
  const { db } = workspace;

  const engineSettings = () => healthSettings(db, now);

  return {
    'metrics.list': async ({ accountId, fromMonth, toMonth }) => {
      await requireLiveAccount(db, accountId);
      const rows = await listObservations(db, accountId, { ...(fromMonth ? { fromMonth } : {}), ...(toMonth ? { toMonth } : {}) });
      return rows.map(({ streamId, metricKey, month, value, source, updatedAt }) => ({ streamId, metricKey, month, value, source, updatedAt }));
    },

    'metrics.saveMonth': async ({ accountId, streamId, month, values }) => {
      await requireLiveAccount(db, accountId);
      let streamModel: RevenueModelKey | null = null;
      if (streamId !== '') {
        const stream = (await listStreams(db, accountId)).find((candidate) => candidate.id === streamId);
        if (!stream) throw new ApiFailure('invalid_input', 'That revenue stream does not belong to this account.', { field: 'streamId' });
        streamModel = stream.revenueModel as RevenueModelKey;
      }
      const monthProblem = metricMonthProblem(month, currentMetricMonth(now()));
      if (monthProblem) throw new ApiFailure('invalid_input', `Nothing was saved: ${monthProblem}`, { field: 'month' });
      const errors = Object.entries(values).flatMap(([metricKey, value]) => {
        // Removing a value only needs a known key; storing one must also pass the catalog's rules.
        const problem = value === null ? (findMetricDefinition(metricKey) ? null : `"${metricKey}" is not a metric this app knows.`) : (observationProblem(metricKey, value, streamModel)?.message ?? null);
        return problem ? [{ metricKey, message: problem }] : [];
      });
      if (errors.length > 0) {
        throw new ApiFailure('invalid_input', `Nothing was saved: ${errors.map((e) => e.message).join(' ')}`, { errors });
      }
      return writeMonthValues(db, { accountId, streamId, month, values, source: 'manual', updatedAt: now().toISOString() });
    },

    'insights.account': async ({ accountId, asOfMonth }) => {
      const account = await requireLiveAccount(db, accountId);
      const [streams, stakeholders, observations, settings] = await Promise.all([
        listStreams(db, accountId),
        listStakeholders(db, accountId),
        listObservations(db, accountId),
        engineSettings(),
      ]);
      const insights = computeAccountInsights({
        ...settings,
        observations: observationsFromRows(observations),
        streams: streams.map(insightStream),
        stakeholders: stakeholders.map(insightStakeholder),
        renewalDate: account.renewalDate,
        contractStartDate: account.contractStartDate,
        ...(asOfMonth ? { asOfMonth } : {}),
      });
      return { accountId, ...insights };
    },

    'insights.portfolio': async () => {
      const [accounts, settings] = await Promise.all([listLiveAccountDates(db), engineSettings()]);
      // Stored per account and recomputed off this thread: see services/insights/portfolio-health.ts.
      const summaries = await portfolioHealth(workspace, accounts.map((account) => account.id), settings, async (ids) => {
        const [streams, stakeholders] = await Promise.all([listLiveAccountStreams(db), listLiveAccountStakeholders(db)]);
        const streamsBy = groupBy(streams, (row) => row.accountId);
        const stakeholdersBy = groupBy(stakeholders, (row) => row.accountId);
        const wanted = new Set(ids);
        return accounts
          .filter((account) => wanted.has(account.id))
          .map((account) => ({
            id: account.id,
            renewalDate: account.renewalDate,
            contractStartDate: account.contractStartDate,
            streams: (streamsBy.get(account.id) ?? []).map(insightStream),
            stakeholders: (stakeholdersBy.get(account.id) ?? []).map(insightStakeholder),
          }));
      });
      return accounts.map((account, i) => portfolioInsightOf(account.id, summaries[i]!));
    },
  };
}


function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}



