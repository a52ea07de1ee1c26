import { monthsEndingAt } from '../../../src/shared/calendar';
import { DEFAULT_RPM_RATES } from '../../../src/shared/framework/rpm-codes';
import type { RevenueModelKey } from '../../../src/shared/framework/keys';
import type { AccountInsightInput, InsightStakeholder, InsightStream } from '../../../src/shared/metrics/insight-input';
import type { MetricObservation } from '../../../src/shared/metrics/metric-observation';
import type { MetricKey } from '../../../src/shared/framework/metric-keys';

/** Today in the synthetic tests; the report month is the month before. */
export const TODAY = '2026-11-15';
export const REPORT_MONTH = '2026-10';

/** Observations for `count` months ending at the report month; `values(i)` gives month i's metrics (0 = oldest). */
export function monthly(streamId: string, count: number, values: (i: number, month: string) => Partial<Record<MetricKey, number>>): MetricObservation[] {
  return monthsEndingAt(REPORT_MONTH, count).flatMap((month, i) =>
    (Object.entries(values(i, month)) as [MetricKey, number | undefined][]).flatMap(([metricKey, value]) => (value === undefined ? [] : [{ streamId, metricKey, month, value }])),
  );
}

export function stream(id: string, revenueModel: RevenueModelKey, terms: Record<string, unknown> = {}, startDate: string | null = '2025-01-01'): InsightStream {
  return { id, name: `${id} stream`, revenueModel, paymentEnvironment: null, terms, startDate };
}

/** A sponsor engaged `daysAgo` days before TODAY. */
export function sponsor(daysAgo: number | null, name = 'Pat Sponsor'): InsightStakeholder {
  const date = daysAgo === null ? null : new Date(Date.parse(`${TODAY}T00:00:00Z`) - daysAgo * 86_400_000).toISOString().slice(0, 10);
  return { personName: name, archetype: 'buyer_cfo', lastEngagedOn: date, isExecutiveSponsor: true, isBudgetHolder: true };
}

export function account(overrides: Partial<AccountInsightInput> & Pick<AccountInsightInput, 'streams' | 'observations'>): AccountInsightInput {
  return {
    stakeholders: [sponsor(20)],
    renewalDate: '2027-09-30',
    contractStartDate: '2025-01-01',
    today: TODAY,
    rpmRates: DEFAULT_RPM_RATES,
    ...overrides,
  };
}

/** An RPM month: enrolled patients, average device days, patients per tier, submitted claims per code (4% denied). */
export function rpmMonth(shape: { enrolled: number; avgDays: number; shortTier: number; standardTier: number; claims: Partial<Record<string, number>> }): Record<string, number> {
  const values: Record<string, number> = {
    rpm_eligible_patients: shape.enrolled * 2,
    rpm_enrolled_patients: shape.enrolled,
    rpm_device_days_total: Math.round(shape.enrolled * shape.avgDays),
    rpm_patients_2_15_days: shape.shortTier,
    rpm_patients_16_30_days: shape.standardTier,
    rpm_retention_90d_pct: 80,
  };
  for (const code of ['99453', '99445', '99454', '99470', '99457', '99458']) {
    const submitted = shape.claims[code] ?? 0;
    values[`rpm_claims_submitted_${code}`] = submitted;
    values[`rpm_claims_paid_${code}`] = submitted;
    values[`rpm_claims_denied_${code}`] = 0;
  }
  return values;
}
