import { DEFAULT_RPM_RATES, rpmRateSettingsSchema, type RpmRateSetting } from '../../../shared/framework/rpm-codes';
import type { InsightStakeholder, InsightStream } from '../../../shared/metrics/insight-input';
import type { MetricObservation } from '../../../shared/metrics/metric-observation';
import type { Stakeholder } from '../../../shared/api/schemas/stakeholder-schemas';
import type { StreamRecord } from '../../../shared/api/schemas/stream-schemas';
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

/** A stored revenue stream (terms already validated by the repository) as the engine reads it. */
export function insightStream(stream: StreamRecord): InsightStream {
  return { id: stream.id, name: stream.name, revenueModel: stream.revenueModel, paymentEnvironment: stream.paymentEnvironment, terms: stream.terms, startDate: stream.startDate };
}

/** A stakeholder as the sponsor-engagement signal and health component read them. */
export function insightStakeholder(person: Stakeholder): InsightStakeholder {
  return { personName: person.personName, archetype: person.archetype, lastEngagedOn: person.lastEngagedOn, isExecutiveSponsor: person.isExecutiveSponsor, isBudgetHolder: person.isBudgetHolder };
}

/** The user's RPM rates when a valid `rpmRates` setting exists, else the shipped defaults. */
export function rpmRatesFromSettings(settings: object): readonly RpmRateSetting[] {
  const parsed = rpmRateSettingsSchema.safeParse((settings as Record<string, unknown>).rpmRates);
  return parsed.success && parsed.data.length > 0 ? parsed.data : DEFAULT_RPM_RATES;
}
