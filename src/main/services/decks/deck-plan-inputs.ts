import { ApiFailure } from '../../../shared/api/errors';
import type { AppSettings } from '../../../shared/api/schemas/settings-schemas';
import { addMonths, quarterOf } from '../../../shared/calendar';
import { BENCHMARK_KPI_KEYS, quarterMonths, type DeckPlanInput, type DeckPlanStream, type DeckType, type PeerBenchmarkRow } from '../../../shared/deck-plan';
import type { ArchetypeKey, BuyerTypeKey, CustomerSegmentKey, PaymentEnvironmentKey, RevenueModelKey } from '../../../shared/framework/keys';
import { computeAccountInsights, currentKpiValues, currentKpiWindowStart } from '../../../shared/metrics/account-insights';
import { listGoals, listStakeholders, listStreams } from '../../storage/db/repositories/account-children-repository';
import { findAssessment } from '../../storage/db/repositories/assessments-repository';
import { listLiveAccountStreamRows } from '../../storage/db/repositories/insight-accounts-repository';
import type { RevenueStreamRow } from '../../storage/db/tables/revenue-streams-table';
import { listObservations, observationsInWindow, observationsInWindowOnServer } from '../../storage/db/repositories/insight-observations-repository';
import type { AccountRow } from '../../storage/db/tables/accounts-table';
import type { StreamRecord } from '../../../shared/api/schemas/stream-schemas';
import type { Workspace } from '../../storage/workspace/open-workspace';
import { insightStakeholder, observationsFromRows, rpmRatesFromSettings } from '../metrics/engine-inputs';
import { readAccountDataVersions, readDataVersionsGeneration } from '../../storage/db/repositories/health-summaries-repository';
import { storedAssessmentResult, streamRecord } from '../../storage/db/records';
import { priorCommitmentsFor } from '../commitments/commitments-ledger';
import { readKpiGoal } from '../../../shared/goals/goal-kpi';
import { goalNumbers } from '../../../shared/goals/goal-status';

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

/** A stored stream (terms validated by the repository) as the deck plan reads it. */
export function toPlanStream(stream: StreamRecord): DeckPlanStream {
  return { id: stream.id, name: stream.name, revenueModel: stream.revenueModel, paymentEnvironment: stream.paymentEnvironment, terms: stream.terms };
}




/** What makes two streams comparable for a benchmark: model and payment environment. */
function comparabilityKey(model: RevenueModelKey, environment: PaymentEnvironmentKey | null): string {
  return `${model}|${environment ?? ''}`;
}

/** A peer's benchmark KPIs for one report month and model set, under the account version they were read at. */
interface PeerEntry {
  version: string;
  kpis: Record<string, number | null>;
}

interface PeerCache {
  /**
   * Live accounts' streams as stored, read again only when some account's data changed
   * (readDataVersionsGeneration); each checked and parsed (`streamRecord`) the first time it is a
   * peer's, since a deck compares with one model and environment's accounts, not the portfolio's.
   */
  streams: { generation: string; rows: RevenueStreamRow[]; records: Map<string, StreamRecord> } | null;
  /** Per report month × model set × RPM rates: each peer's KPIs. */
  pools: Map<string, Map<string, PeerEntry>>;
}

/** Pools kept per connection: a few (report month × model set) at most. */
const PEER_POOLS_KEPT = 8;
const peerCaches = new WeakMap<object, PeerCache>();

/**
 * Peers: the other live accounts holding a stream of one of the deck's models under the same
 * payment environment, each as "Peer n"
 * (ordered by id, never by name, so a label says nothing about who it is) with its benchmark KPIs
 * at the report month. Only comparable accounts are read, and only the months their KPIs read;
 * each peer's KPIs are cached and recomputed only when that account's data version moves (the
 * database moves it on any write to the account, by any connection: migration 9), so the first
 * deck after a change re-reads one account, not the portfolio. Only the peers' versions are read;
 * of the rest, one count and sum says when the streams (who is a peer) must be read again.
 */
async function loadPeers(workspace: Pick<Workspace, 'db' | 'sqlite'>, account: AccountRow, streams: readonly DeckPlanStream[], reportMonth: string, settings: AppSettings): Promise<PeerBenchmarkRow[]> {
  const { db, sqlite } = workspace;
  const rpmRates = rpmRatesFromSettings(settings);
  const cacheKey = sqlite ?? db;
  let cache = peerCaches.get(cacheKey);
  if (!cache) peerCaches.set(cacheKey, (cache = { streams: null, pools: new Map() }));
  // Who the peers are can change with any account's streams: read them again when any version moved.
  const generation = await readDataVersionsGeneration(db);
  if (cache.streams?.generation !== generation) cache.streams = { generation, rows: await listLiveAccountStreamRows(db), records: new Map() };
  const { records } = cache.streams;
  // Comparable means the same revenue model under the same payment environment: a Medicaid plan is
  // never ranked against commercial or employer accounts (framework: calibrate to the population).
  const comparable = new Set(streams.map((stream) => comparabilityKey(stream.revenueModel, stream.paymentEnvironment)));
  const models = new Set(streams.map((stream) => stream.revenueModel));
  const peerStreamsBy = new Map<string, DeckPlanStream[]>();
  for (const row of cache.streams.rows) {
    if (!comparable.has(comparabilityKey(row.revenueModel as RevenueModelKey, row.paymentEnvironment as PaymentEnvironmentKey | null))) continue;
    let record = records.get(row.id);
    if (!record) records.set(row.id, (record = streamRecord(row)));
    peerStreamsBy.set(row.accountId, [...(peerStreamsBy.get(row.accountId) ?? []), toPlanStream(record)]);
  }
  const key = JSON.stringify([reportMonth, [...comparable].sort(), rpmRates]);
  let pool = cache.pools.get(key);
  if (!pool) {
    if (cache.pools.size >= PEER_POOLS_KEPT) cache.pools.delete(cache.pools.keys().next().value!);
    cache.pools.set(key, (pool = new Map()));
  }
  const keys = new Set([...models].flatMap((model) => BENCHMARK_KPI_KEYS[model]));
  const ids = [...peerStreamsBy.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).filter((id) => id !== account.id);
  // Read before any peer's observations, so a write landing meanwhile leaves an entry stale, never wrong.
  const versions = await readAccountDataVersions(db, ids);
  const versionOf = (id: string) => String(versions.get(id) ?? 0);
  const peers: PeerBenchmarkRow[] = [];
  for (const [i, id] of ids.entries()) {
    let entry = pool.get(id);
    if (entry?.version !== versionOf(id)) {
      const streams = peerStreamsBy.get(id)!;
      // Only the months these KPIs read (two, or the KPI window for a hybrid stream).
      const from = currentKpiWindowStart(streams, reportMonth);
      const observations = sqlite ? observationsInWindow(sqlite, id, from, reportMonth) : await observationsInWindowOnServer(db, id, from, reportMonth);
      entry = { version: versionOf(id), kpis: currentKpiValues({ observations, streams, rpmRates }, reportMonth, keys) };
      pool.set(id, entry);
    }
    peers.push({ label: `Peer ${i + 1}`, kpis: { ...entry.kpis } });
  }
  return peers;
}

export interface DeckRequest {
  audience: ArchetypeKey[];
  deckType: DeckType;
  quarter: string;
  today: string;
}

/** Everything composeDeckPlan needs for one account. */
export async function loadDeckPlanInput(workspace: Pick<Workspace, 'db' | 'sqlite'>, account: AccountRow, request: DeckRequest, settings: AppSettings): Promise<DeckPlanInput> {
  const { db } = workspace;
  const [streamRows, stakeholderRows, goalRows, observationRows, assessmentRow] = await Promise.all([
    listStreams(db, account.id),
    listStakeholders(db, account.id),
    listGoals(db, account.id),
    listObservations(db, account.id),
    findAssessment(db, account.id, request.quarter),
  ]);
  if (streamRows.length === 0) throw new ApiFailure('invalid_input', `${account.name} has no revenue streams recorded; add one before building a deck.`, { accountId: account.id });
  const observations = observationsFromRows(observationRows);
  const reportMonth = reportMonthFor(request.quarter, request.today, [...new Set(observations.map((o) => o.month))]);
  const streams = streamRows.map(toPlanStream);
  const insights = computeAccountInsights({
    observations,
    streams: streamRows.map((row) => ({ ...toPlanStream(row), startDate: row.startDate })),
    stakeholders: stakeholderRows.map(insightStakeholder),
    renewalDate: account.renewalDate,
    contractStartDate: account.contractStartDate,
    today: request.today,
    asOfMonth: reportMonth,
    rpmRates: rpmRatesFromSettings(settings),
    healthWeights: settings.healthWeights,
  });
  const finalResult = assessmentRow?.status === 'final' ? storedAssessmentResult(assessmentRow) : null;
  const peers = await loadPeers(workspace, account, streams, reportMonth, settings);
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
    stakeholders: stakeholderRows.map((person) => ({
      id: person.id,
      personName: person.personName,
      title: person.title,
      archetype: person.archetype,
      isExecutiveSponsor: person.isExecutiveSponsor,
      isBudgetHolder: person.isBudgetHolder,
      lastEngagedOn: person.lastEngagedOn,
      successDefinition: person.successDefinition,
    })),
    assessment: finalResult,
    insights,
    observations,
    rpmRates: rpmRatesFromSettings(settings),
    goals: goalRows.map((row) => {
      // A KPI-linked goal's numbers are the engine's at the deck's report month: the scorecard's own.
      const kpi = readKpiGoal(row, { observations, streams, rpmRates: rpmRatesFromSettings(settings) }, reportMonth);
      return {
        id: row.id,
        title: row.title,
        metricKey: row.metricKey,
        unit: row.unit,
        ...goalNumbers(row, kpi),
        target: row.target,
        dueDate: row.dueDate,
        startMonth: row.startMonth,
        kpiUnit: kpi?.unit ?? null,
      };
    }),
    peers,
    audience: request.audience,
    deckType: request.deckType,
    quarter: request.quarter,
    today: request.today,
    preparer: { companyName: settings.companyName, csmName: settings.csmName },
    priorCommitments: await priorCommitmentsFor(db, account.id, request.quarter),
  };
}
