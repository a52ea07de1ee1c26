import type { ArchetypeKey, PaymentEnvironmentKey, RevenueModelKey } from '../../../shared/framework/keys';
import { DEFAULT_RPM_RATES, rpmRateSettingsSchema, type RpmRateSetting } from '../../../shared/framework/rpm-codes';
import type { InsightStakeholder, InsightStream } from '../../../shared/metrics/insight-input';
import type { MetricObservation } from '../../../shared/metrics/metric-observation';
import type { RevenueStreamRow } from '../../storage/db/tables/revenue-streams-table';
import type { StakeholderRow } from '../../storage/db/tables/stakeholders-table';
import { isMetricKey } from '../../../shared/framework/metric-keys';

/*
 * Workspace rows in the shapes the pure metrics engine reads. The insights API and the deck
 * planner both feed the engine, so they share these instead of each keeping a copy.
 */

/**
 * Stored observations as the engine reads them. Every write path checks the key against the
 * catalog; a row with a key this version does not know (written by a newer version) is skipped.
 */
export function observationsFromRows(rows: readonly { streamId: string; metricKey: string; month: string; value: number }[]): MetricObservation[] {
  return rows.flatMap((row) => (isMetricKey(row.metricKey) ? [{ streamId: row.streamId, metricKey: row.metricKey, month: row.month, value: row.value }] : []));
}

/** A revenue stream with its parsed terms (validated when written). */
export function insightStreamFromRow(row: RevenueStreamRow): InsightStream {
  return {
    id: row.id,
    name: row.name,
    revenueModel: row.revenueModel as RevenueModelKey,
    paymentEnvironment: row.paymentEnvironment as PaymentEnvironmentKey | null,
    terms: JSON.parse(row.termsJson) as Record<string, unknown>,
    startDate: row.startDate,
  };
}

/** A stakeholder as the sponsor-engagement signal and health component read them. */
export function insightStakeholderFromRow(row: StakeholderRow): InsightStakeholder {
  return {
    personName: row.personName,
    archetype: row.archetype as ArchetypeKey,
    lastEngagedOn: row.lastEngagedOn,
    isExecutiveSponsor: row.isExecutiveSponsor === 1,
    isBudgetHolder: row.isBudgetHolder === 1,
  };
}

/** The user's RPM rates when a valid `rpmRates` setting exists, else the shipped defaults. */
export function rpmRatesFromSettings(settings: object): readonly RpmRateSetting[] {
  const parsed = rpmRateSettingsSchema.safeParse((settings as Record<string, unknown>).rpmRates);
  return parsed.success && parsed.data.length > 0 ? parsed.data : DEFAULT_RPM_RATES;
}
