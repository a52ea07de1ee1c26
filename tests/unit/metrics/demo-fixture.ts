import { DEFAULT_RPM_RATES } from '../../../src/shared/framework/rpm-codes';
import type { AccountInsightInput } from '../../../src/shared/metrics/insight-input';
import { buildDemoPortfolio } from '../../../src/main/services/demo/demo-portfolio';

/** Today for the demo-based unit tests. */
export const DEMO_TODAY = '2026-11-15';

/** A demo account as pure insight input (stream ids = demo stream keys). */
export function demoInsightInput(name: string, today = DEMO_TODAY): AccountInsightInput {
  const account = buildDemoPortfolio(today).find((candidate) => candidate.name.startsWith(name));
  if (!account) throw new Error(`No demo account ${name}`);
  return {
    observations: account.observations.map((o) => ({ streamId: o.streamKey, metricKey: o.metricKey, month: o.month, value: o.value })),
    streams: account.streams.map((s) => ({ id: s.key, name: s.name, revenueModel: s.revenueModel, paymentEnvironment: s.paymentEnvironment, terms: s.terms as Record<string, unknown>, startDate: account.contractStartDate })),
    stakeholders: account.stakeholders.map((p) => ({ personName: p.personName, archetype: p.archetype, lastEngagedOn: p.lastEngagedOn, isExecutiveSponsor: !!p.isExecutiveSponsor, isBudgetHolder: !!p.isBudgetHolder })),
    renewalDate: account.renewalDate,
    contractStartDate: account.contractStartDate,
    today,
    rpmRates: DEFAULT_RPM_RATES,
  };
}
