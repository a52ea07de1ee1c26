import { ApiFailure } from '../../shared/api/errors';
import type { AppSettings } from '../../shared/api/schemas/settings-schemas';
import type { AssessmentResult } from '../../shared/assessment/assessment-result';
import { addMonths, quarterOf } from '../../shared/calendar';
import { BENCHMARK_KPI_KEYS, quarterMonths, type DeckPlanInput, type DeckPlanStream, type DeckType, type PeerBenchmarkRow } from '../../shared/deck-plan';
import type { ArchetypeKey, BuyerTypeKey, CustomerSegmentKey, PaymentEnvironmentKey, RevenueModelKey } from '../../shared/framework/keys';
import { DEFAULT_RPM_RATES, rpmRateSettingsSchema, type RpmRateSetting } from '../../shared/framework/rpm-codes';
import { computeAccountInsights } from '../../shared/metrics/account-insights';
import type { MetricObservation } from '../../shared/metrics/metric-observation';
import type { WorkspaceDb } from '../db/database';
import { listGoals, listStakeholders, listStreams } from '../db/repositories/account-children-repository';
import { findAssessment } from '../db/repositories/assessments-repository';
import { listLiveAccountDates, listLiveAccountStakeholders, listLiveAccountStreams } from '../db/repositories/insight-accounts-repository';
import { listLiveAccountObservations, listObservations } from '../db/repositories/insight-observations-repository';
import type { AccountRow } from '../db/tables/accounts-table';
import type { RevenueStreamRow } from '../db/tables/revenue-streams-table';
import type { StakeholderRow } from '../db/tables/stakeholders-table';

/*
 * Reads everything composeDeckPlan needs for one account from the workspace: the account and its
 * people, streams, goals and observations; the quarter's final assessment; insights for the report
 * month; and anonymised peers of the same models.
 */

/** The quarter a deck covers by default: the one holding the last complete month. */
export function defaultQuarter(today: string): string {
  return quarterOf(addMonths(today.slice(0, 7), -1));
}

/**
 * The month a quarter's deck reports on: the quarter's last month with data (never after this
 * month), else its last month. A quarter that has not started is an error.
 */
export function reportMonthFor(quarter: string, today: string, observedMonths: readonly string[]): string {
  const months = quarterMonths(quarter);
  const thisMonth = today.slice(0, 7);
  if (months[0]! > thisMonth) throw new ApiFailure('invalid_input', `${quarter} has not started yet; choose a quarter up to ${quarterOf(thisMonth)}.`, { field: 'quarter' });
  const last = months[2]! <= thisMonth ? months[2]! : thisMonth;
  const withData = observedMonths.filter((month) => month >= months[0]! && month <= last).sort();
  return withData[withData.length - 1] ?? last;
}

export function toPlanStream(row: RevenueStreamRow): DeckPlanStream {
  return {
    id: row.id,
    name: row.name,
    revenueModel: row.revenueModel as RevenueModelKey,
    paymentEnvironment: row.paymentEnvironment as PaymentEnvironmentKey | null,
    terms: JSON.parse(row.termsJson) as Record<string, unknown>,
  };
}

function toInsightStakeholder(row: StakeholderRow) {
  return { personName: row.personName, archetype: row.archetype as ArchetypeKey, lastEngagedOn: row.lastEngagedOn, isExecutiveSponsor: row.isExecutiveSponsor === 1, isBudgetHolder: row.isBudgetHolder === 1 };
}

/** The user's RPM rates when a valid setting exists, else the shipped defaults (as the insights API does). */
function rpmRatesFrom(settings: object): readonly RpmRateSetting[] {
  const parsed = rpmRateSettingsSchema.safeParse((settings as Record<string, unknown>).rpmRates);
  return parsed.success && parsed.data.length > 0 ? parsed.data : DEFAULT_RPM_RATES;
}

function toObservation(row: { streamId: string; metricKey: string; month: string; value: number }): MetricObservation {
  return { streamId: row.streamId, metricKey: row.metricKey, month: row.month, value: row.value };
}

/** Peers: other live accounts sharing a revenue model, each as "Peer n" with its benchmark KPIs at the report month. */
async function loadPeers(db: WorkspaceDb, account: AccountRow, models: ReadonlySet<RevenueModelKey>, reportMonth: string, today: string, settings: AppSettings): Promise<PeerBenchmarkRow[]> {
  const [accounts, streams, stakeholders, observations] = await Promise.all([listLiveAccountDates(db), listLiveAccountStreams(db), listLiveAccountStakeholders(db), listLiveAccountObservations(db)]);
  const keys = new Set([...models].flatMap((model) => BENCHMARK_KPI_KEYS[model]));
  const peers = accounts.filter((peer) => peer.id !== account.id && streams.some((s) => s.accountId === peer.id && models.has(s.revenueModel as RevenueModelKey)));
  // Ordered by id, never by name, so a peer's label says nothing about who it is.
  return [...peers]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((peer, i) => {
      const peerStreams = streams.filter((s) => s.accountId === peer.id && models.has(s.revenueModel as RevenueModelKey)).map(toPlanStream);
      const insights = computeAccountInsights({
        observations: observations.filter((o) => o.accountId === peer.id).map(toObservation),
        streams: peerStreams,
        stakeholders: stakeholders.filter((p) => p.accountId === peer.id).map(toInsightStakeholder),
        renewalDate: peer.renewalDate,
        contractStartDate: peer.contractStartDate,
        today,
        asOfMonth: reportMonth,
        rpmRates: rpmRatesFrom(settings),
        healthWeights: settings.healthWeights,
      });
      const kpis: Record<string, number | null> = {};
      for (const stream of insights.streams) for (const kpi of stream.kpis) if (keys.has(kpi.key) && kpis[kpi.key] == null) kpis[kpi.key] = kpi.current.value;
      return { label: `Peer ${i + 1}`, kpis };
    });
}

export interface DeckRequest {
  audience: ArchetypeKey[];
  deckType: DeckType;
  quarter: string;
  today: string;
}

/** Everything composeDeckPlan needs for one account. */
export async function loadDeckPlanInput(db: WorkspaceDb, account: AccountRow, request: DeckRequest, settings: AppSettings): Promise<DeckPlanInput> {
  const [streamRows, stakeholderRows, goalRows, observationRows, assessmentRow] = await Promise.all([
    listStreams(db, account.id),
    listStakeholders(db, account.id),
    listGoals(db, account.id),
    listObservations(db, account.id),
    findAssessment(db, account.id, request.quarter),
  ]);
  if (streamRows.length === 0) throw new ApiFailure('invalid_input', `${account.name} has no revenue streams recorded; add one before building a deck.`, { accountId: account.id });
  const observations = observationRows.map(toObservation);
  const reportMonth = reportMonthFor(request.quarter, request.today, [...new Set(observations.map((o) => o.month))]);
  const streams = streamRows.map(toPlanStream);
  const insights = computeAccountInsights({
    observations,
    streams: streamRows.map((row) => ({ ...toPlanStream(row), startDate: row.startDate })),
    stakeholders: stakeholderRows.map(toInsightStakeholder),
    renewalDate: account.renewalDate,
    contractStartDate: account.contractStartDate,
    today: request.today,
    asOfMonth: reportMonth,
    rpmRates: rpmRatesFrom(settings),
    healthWeights: settings.healthWeights,
  });
  const finalResult = assessmentRow?.status === 'final' ? (JSON.parse(assessmentRow.resultJson) as AssessmentResult) : null;
  const peers = await loadPeers(db, account, new Set(streams.map((s) => s.revenueModel)), reportMonth, request.today, settings);
  return {
    account: {
      id: account.id,
      name: account.name,
      customerSegment: account.customerSegment as CustomerSegmentKey,
      buyerType: account.buyerType as BuyerTypeKey,
      renewalDate: account.renewalDate,
      contractStartDate: account.contractStartDate,
    },
    streams,
    stakeholders: stakeholderRows.map((row) => ({
      id: row.id,
      personName: row.personName,
      title: row.title,
      archetype: row.archetype as ArchetypeKey,
      isExecutiveSponsor: row.isExecutiveSponsor === 1,
      isBudgetHolder: row.isBudgetHolder === 1,
      lastEngagedOn: row.lastEngagedOn,
      successDefinition: row.successDefinition,
    })),
    assessment: finalResult?.identification ? finalResult : null,
    insights,
    observations,
    goals: goalRows.map((row) => ({ id: row.id, title: row.title, metricKey: row.metricKey, unit: row.unit, baseline: row.baseline, target: row.target, current: row.current, dueDate: row.dueDate })),
    peers,
    audience: request.audience,
    deckType: request.deckType,
    quarter: request.quarter,
    today: request.today,
    preparer: { companyName: settings.companyName, csmName: settings.csmName },
  };
}
