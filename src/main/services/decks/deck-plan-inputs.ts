import { ApiFailure } from '../../../shared/api/errors';
import type { AppSettings } from '../../../shared/api/schemas/settings-schemas';
import type { AssessmentResult } from '../../../shared/assessment/assessment-result';
import { addMonths, quarterOf } from '../../../shared/calendar';
import { BENCHMARK_KPI_KEYS, quarterMonths, type DeckPlanInput, type DeckPlanStream, type DeckType, type PeerBenchmarkRow } from '../../../shared/deck-plan';
import type { ArchetypeKey, BuyerTypeKey, CustomerSegmentKey, PaymentEnvironmentKey, RevenueModelKey } from '../../../shared/framework/keys';
import type { RpmRateSetting } from '../../../shared/framework/rpm-codes';
import { computeAccountInsights, currentKpiValues } from '../../../shared/metrics/account-insights';
import { KPI_HISTORY_MONTHS } from '../../../shared/metrics/kpi-engine';
import type SqliteDatabase from 'better-sqlite3';
import type { WorkspaceDb } from '../../storage/db/database';
import { listGoals, listStakeholders, listStreams } from '../../storage/db/repositories/account-children-repository';
import { findAssessment } from '../../storage/db/repositories/assessments-repository';
import { listLiveAccountDates, listLiveAccountStreams } from '../../storage/db/repositories/insight-accounts-repository';
import { listObservations, observationsByAccount } from '../../storage/db/repositories/insight-observations-repository';
import type { AccountRow } from '../../storage/db/tables/accounts-table';
import type { RevenueStreamRow } from '../../storage/db/tables/revenue-streams-table';
import type { Workspace } from '../../storage/workspace/open-workspace';
import { insightStakeholderFromRow, observationsFromRows, rpmRatesFromSettings } from '../metrics/engine-inputs';
import { sameStamp, writeStamp, type WriteStamp } from '../workspace-changes/workspace-write-stamp';

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




/** Every live account with a stream of the given models, by id, with its benchmark KPIs at the report month. */
interface PeerPool {
  /** Ids of the live accounts holding a stream of one of the models, sorted by id. */
  ids: string[];
  kpisBy: Map<string, Record<string, number | null>>;
}

/** Computes the pool: the same reads and KPIs for every deck of these models and report month, whichever account it is for. */
async function computePeerPool(db: WorkspaceDb, sqlite: SqliteDatabase.Database, models: ReadonlySet<RevenueModelKey>, reportMonth: string, rpmRates: readonly RpmRateSetting[]): Promise<PeerPool> {
  const [accounts, streams] = await Promise.all([listLiveAccountDates(db), listLiveAccountStreams(db)]);
  const keys = new Set([...models].flatMap((model) => BENCHMARK_KPI_KEYS[model]));
  const peerStreamsBy = new Map<string, DeckPlanStream[]>();
  for (const row of streams) {
    if (!models.has(row.revenueModel as RevenueModelKey)) continue;
    peerStreamsBy.set(row.accountId, [...(peerStreamsBy.get(row.accountId) ?? []), toPlanStream(row)]);
  }
  const kpisBy = new Map<string, Record<string, number | null>>();
  // A report-month KPI reads that month and the one before; deciding which families a hybrid
  // stream carries reads the 12 before it. Nothing older is read, so nothing older is loaded.
  const window = { fromMonth: addMonths(reportMonth, -KPI_HISTORY_MONTHS), toMonth: reportMonth };
  // Computed while the rows stream in, so one peer's observations are in memory at a time.
  for (const [peerId, observations] of observationsByAccount(sqlite, window)) {
    const peerStreams = peerStreamsBy.get(peerId);
    // Streams are of live accounts only, so a soft-deleted account never becomes a peer.
    if (peerStreams) kpisBy.set(peerId, currentKpiValues({ observations, streams: peerStreams, rpmRates }, reportMonth, keys));
  }
  const ids = accounts.filter((peer) => peerStreamsBy.has(peer.id)).map((peer) => peer.id);
  for (const id of ids) if (!kpisBy.has(id)) kpisBy.set(id, currentKpiValues({ observations: [], streams: peerStreamsBy.get(id)!, rpmRates }, reportMonth, keys));
  return { ids: ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), kpisBy };
}

/** Pools kept per connection, all under its current write stamp; a few (report month × model set) at most. */
const PEER_POOLS_KEPT = 8;
const peerPools = new WeakMap<SqliteDatabase.Database, { stamp: WriteStamp; pools: Map<string, Promise<PeerPool>> }>();

/**
 * The peer pool, computed once per write stamp, report month, model set and RPM rates: every deck
 * of a portfolio export (and repeated single exports) reuses it until any row in the workspace
 * changes, here or in another process, which starts afresh (see workspace-write-stamp.ts).
 */
function peerPool(db: WorkspaceDb, sqlite: SqliteDatabase.Database, models: ReadonlySet<RevenueModelKey>, reportMonth: string, rpmRates: readonly RpmRateSetting[]): Promise<PeerPool> {
  const stamp = writeStamp(sqlite);
  let cache = peerPools.get(sqlite);
  if (!cache || !sameStamp(cache.stamp, stamp)) {
    cache = { stamp, pools: new Map() };
    peerPools.set(sqlite, cache);
  }
  const key = JSON.stringify([reportMonth, [...models].sort(), rpmRates]);
  let pool = cache.pools.get(key);
  if (!pool) {
    if (cache.pools.size >= PEER_POOLS_KEPT) cache.pools.delete(cache.pools.keys().next().value!);
    const pools = cache.pools;
    pool = computePeerPool(db, sqlite, models, reportMonth, rpmRates);
    pools.set(key, pool);
    // A failed computation is not remembered.
    pool.catch(() => pools.get(key) === pool && pools.delete(key));
  }
  return pool;
}

/**
 * Tells the peer cache that this connection just made one write known not to touch anything peers
 * read (a deck record): pools computed under `before` stay valid under `after`. Anything else
 * written in between (more than one change, or another connection's commit) leaves the cache to lapse.
 */
export function keepPeerCacheAcrossOwnWrite(sqlite: SqliteDatabase.Database, before: WriteStamp, after: WriteStamp): void {
  const cache = peerPools.get(sqlite);
  if (cache && sameStamp(cache.stamp, before) && after.dataVersion === before.dataVersion && after.totalChanges === before.totalChanges + 1) cache.stamp = after;
}

/** Peers: other live accounts sharing a revenue model, each as "Peer n" with its benchmark KPIs at the report month. */
async function loadPeers(db: WorkspaceDb, sqlite: SqliteDatabase.Database, account: AccountRow, models: ReadonlySet<RevenueModelKey>, reportMonth: string, settings: AppSettings): Promise<PeerBenchmarkRow[]> {
  const pool = await peerPool(db, sqlite, models, reportMonth, rpmRatesFromSettings(settings));
  // Ordered by id, never by name, so a peer's label says nothing about who it is.
  return pool.ids.filter((id) => id !== account.id).map((id, i) => ({ label: `Peer ${i + 1}`, kpis: { ...pool.kpisBy.get(id)! } }));
}

export interface DeckRequest {
  audience: ArchetypeKey[];
  deckType: DeckType;
  quarter: string;
  today: string;
}

/** Everything composeDeckPlan needs for one account. */
export async function loadDeckPlanInput(workspace: Pick<Workspace, 'db' | 'sqlite'>, account: AccountRow, request: DeckRequest, settings: AppSettings): Promise<DeckPlanInput> {
  const { db, sqlite } = workspace;
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
    stakeholders: stakeholderRows.map(insightStakeholderFromRow),
    renewalDate: account.renewalDate,
    contractStartDate: account.contractStartDate,
    today: request.today,
    asOfMonth: reportMonth,
    rpmRates: rpmRatesFromSettings(settings),
    healthWeights: settings.healthWeights,
  });
  const finalResult = assessmentRow?.status === 'final' ? (JSON.parse(assessmentRow.resultJson) as AssessmentResult) : null;
  const peers = await loadPeers(db, sqlite, account, new Set(streams.map((s) => s.revenueModel)), reportMonth, settings);
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
