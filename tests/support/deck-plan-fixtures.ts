import { buildDemoPortfolio, type DemoAccount } from '../../src/main/services/demo/demo-portfolio';
import { quarterOf, addMonths } from '../../src/shared/calendar';
import type { DeckPlanInput, DeckPlanStream, DeckType, PeerBenchmarkRow } from '../../src/shared/deck-plan';
import type { ArchetypeKey, PaymentEnvironmentKey } from '../../src/shared/framework/keys';
import { DEFAULT_RPM_RATES } from '../../src/shared/framework/rpm-codes';
import { computeAccountInsights } from '../../src/shared/metrics/account-insights';

/** Today for the deck-plan unit tests: report month 2026-10, quarter 2026Q4. */
export const DECK_TODAY = '2026-11-15';

/** A demo account by name prefix. */
export function demoAccount(name: string, today = DECK_TODAY): DemoAccount {
  const account = buildDemoPortfolio(today).find((candidate) => candidate.name.startsWith(name));
  if (!account) throw new Error(`No demo account ${name}`);
  return account;
}

export interface DemoPlanOptions {
  audience: ArchetypeKey[];
  deckType?: DeckType;
  /** Replaces every stream's payment environment (e.g. the same RPM account under FFS vs MA). */
  environment?: PaymentEnvironmentKey;
  peers?: PeerBenchmarkRow[];
  /** Drops observations whose metric key matches. */
  dropMetrics?: RegExp;
  today?: string;
}

/** The pure deck-plan input for a demo account (stream ids = demo stream keys, no assessment, no goals). */
export function demoPlanInput(name: string, options: DemoPlanOptions): DeckPlanInput {
  const today = options.today ?? DECK_TODAY;
  const account = demoAccount(name, today);
  const streams: DeckPlanStream[] = account.streams.map((s) => ({
    id: s.key,
    name: s.name,
    revenueModel: s.revenueModel,
    paymentEnvironment: options.environment ?? s.paymentEnvironment,
    terms: s.terms as Record<string, unknown>,
  }));
  const observations = account.observations
    .filter((o) => !options.dropMetrics || !options.dropMetrics.test(o.metricKey))
    .map((o) => ({ streamId: o.streamKey, metricKey: o.metricKey, month: o.month, value: o.value }));
  const stakeholders = account.stakeholders.map((p, i) => ({
    id: `p${i + 1}`,
    personName: p.personName,
    title: p.title,
    archetype: p.archetype,
    isExecutiveSponsor: !!p.isExecutiveSponsor,
    isBudgetHolder: !!p.isBudgetHolder,
    lastEngagedOn: p.lastEngagedOn,
    successDefinition: p.successDefinition,
  }));
  const insights = computeAccountInsights({
    observations,
    streams: streams.map((s) => ({ ...s, startDate: account.contractStartDate })),
    stakeholders: stakeholders.map((p) => ({ personName: p.personName, archetype: p.archetype, lastEngagedOn: p.lastEngagedOn, isExecutiveSponsor: p.isExecutiveSponsor, isBudgetHolder: p.isBudgetHolder })),
    renewalDate: account.renewalDate,
    contractStartDate: account.contractStartDate,
    today,
    rpmRates: DEFAULT_RPM_RATES,
  });
  return {
    account: { id: 'acct', name: account.name, customerSegment: account.customerSegment, buyerType: account.buyerType, renewalDate: account.renewalDate, contractStartDate: account.contractStartDate },
    streams,
    stakeholders,
    assessment: null,
    insights,
    observations,
    rpmRates: DEFAULT_RPM_RATES,
    goals: [],
    peers: options.peers ?? [],
    audience: options.audience,
    deckType: options.deckType ?? 'qbr',
    quarter: quarterOf(addMonths(today.slice(0, 7), -1)),
    today,
  };
}
