import { createHash } from 'node:crypto';
import packageJson from '../../../../package.json' with { type: 'json' };
import { accountSummaryOn, type AccountSummary, type AccountSummaryFacts } from '../../../shared/metrics/account-insights';
import type { AccountInsightInput } from '../../../shared/metrics/insight-input';
import type { PortfolioInsight } from '../../../shared/api/schemas/insight-schemas';
import type { Workspace } from '../../storage/workspace/open-workspace';
import {
  readAccountDataVersions,
  readStoredSummaries,
  storeSummariesOnFile,
  storeSummariesOnServer,
  type SummaryToStore,
} from '../../storage/db/repositories/health-summaries-repository';
import { backgroundThreads, runInBackground } from '../background/background-pool';
import { factsHoldIn, gatherSummaryFacts, gatherSummaryFactsOnServer, type HealthAccountInput, type HealthFactsSettings, type MonthsHeld } from './health-summaries';

/*
 * The portfolio's health summaries. What an account's summary comes to without the day — its
 * summary facts (shared/metrics/account-insights.ts: health components and signals measured from
 * the data, with renewal countdowns and days since a sponsor was engaged left to decide) — is kept
 * in the workspace (migration 9's account_health_summaries) and decided on today's date at every
 * load, which reads no data. Kept facts are served while
 * - their data version equals the account's, which the database moves whenever the account's row,
 *   streams, stakeholders or observations change, whoever writes (this app, an import job, the
 *   CLI, another team client);
 * - their inputs key equals the key of what else they read: the settings that change health and
 *   the app version (a new release may compute differently);
 * - this month is one in which they hold (MonthsHeld): the report month is the latest with data up
 *   to this month, so a new month changes nothing until it reaches data recorded ahead.
 * Not the day: a new day decides the same facts again.
 * The versions are read before anything the facts read, so facts are never stored under a version
 * newer than their data: a write landing in between leaves them stale, never wrong. Only the stale
 * accounts' inputs are loaded; their facts are gathered on the background threads
 * (services/background), off the thread that serves the UI, or inline when they are few, then
 * stored for the next call, the next session and, on a team workspace, every other client.
 */

/** Up to this many stale accounts are summarised inline on the caller's connection. */
const INLINE_ACCOUNTS = 16;
/** Batches per thread, so a slow batch does not leave the other thread idle at the end. */
const BATCHES_PER_THREAD = 4;

export type HealthSettings = Pick<AccountInsightInput, 'rpmRates' | 'healthWeights' | 'today'>;

/** One computation at a time per workspace: a second request waits for it, then finds its results stored. */
const running = new WeakMap<object, Promise<unknown>>();

/** Reads the inputs of these accounts (called only for accounts whose stored summary is stale). */
export type LoadHealthInputs = (accountIds: readonly string[]) => Promise<HealthAccountInput[]>;

/**
 * Health summary of each account (same order): stored ones where still valid, the rest computed and stored.
 * @example const summaries = await portfolioHealth(workspace, ids, { rpmRates, healthWeights, today }, loadInputs);
 */
export async function portfolioHealth(
  workspace: Pick<Workspace, 'sqlite' | 'db' | 'path' | 'nativeBinding'>,
  accountIds: readonly string[],
  settings: HealthSettings,
  loadInputs: LoadHealthInputs,
): Promise<AccountSummary[]> {
  const key = workspace.sqlite ?? workspace.db;
  for (let current = running.get(key); current; current = running.get(key)) await current.catch(() => {});
  const work = summariesOf(workspace, accountIds, settings, loadInputs);
  running.set(key, work);
  try {
    return await work;
  } finally {
    running.delete(key);
  }
}

async function summariesOf(workspace: Pick<Workspace, 'sqlite' | 'db' | 'path' | 'nativeBinding'>, accountIds: readonly string[], settings: HealthSettings, loadInputs: LoadHealthInputs): Promise<AccountSummary[]> {
  const { summaries, stale, versions, inputsKey } = await readKept(workspace, accountIds, settings);
  if (stale.length > 0) {
    const factsSettings: HealthFactsSettings = { rpmRates: settings.rpmRates, healthWeights: settings.healthWeights, thisMonth: settings.today.slice(0, 7) };
    const results = await gather(workspace, await loadInputs(stale), factsSettings);
    const rows: SummaryToStore[] = results.map((result) => {
      summaries.set(result.accountId, accountSummaryOn(result.facts, settings.today));
      const kept: KeptFacts = { holds: result.holds, facts: result.facts };
      return { accountId: result.accountId, dataVersion: versions.get(result.accountId) ?? 0, inputsKey, summary: JSON.stringify(kept) };
    });
    await store(workspace, rows);
  }
  return accountIds.map((id) => summaries.get(id)!);
}

/**
 * The health the workspace has kept for those of `accountIds` whose kept facts still hold (see
 * above), decided on today; an account without them is left out. Nothing is worked out or stored:
 * this is what the window's first rows bring with them (accounts.list), while `portfolioHealth`
 * works out the rest.
 * @example const kept = await keptHealth(workspace, firstScreenIds, { rpmRates, healthWeights, today });
 */
export async function keptHealth(workspace: Pick<Workspace, 'db'>, accountIds: readonly string[], settings: HealthSettings): Promise<Map<string, AccountSummary>> {
  if (accountIds.length === 0) return new Map();
  return (await readKept(workspace, accountIds, settings, accountIds)).summaries;
}

/**
 * The kept summaries of `accountIds` that still hold, decided on today, and the accounts whose
 * facts must be gathered again; `only` narrows the reads to those accounts (a screen of rows).
 */
async function readKept(workspace: Pick<Workspace, 'db'>, accountIds: readonly string[], settings: HealthSettings, only?: readonly string[]) {
  // Versions first: see the note above.
  const [versions, stored] = await Promise.all([readAccountDataVersions(workspace.db, only), readStoredSummaries(workspace.db, only)]);
  const inputsKey = createHash('sha1').update(JSON.stringify([packageJson.version, settings.rpmRates, settings.healthWeights])).digest('base64');
  const summaries = new Map<string, AccountSummary>();
  const stale: string[] = [];
  for (const id of accountIds) {
    const kept = stored.get(id);
    const summary = kept && kept.dataVersion === (versions.get(id) ?? 0) && kept.inputsKey === inputsKey ? decideKept(kept.summary, settings.today) : null;
    if (summary) summaries.set(id, summary);
    else stale.push(id);
  }
  return { summaries, stale, versions, inputsKey };
}

/**
 * The portfolio's row for an account: its health score, worst signal and signal count.
 * @example portfolioInsightOf(account.id, summary) // { accountId, healthScore: 72.4, worstSeverity: 'warning', signalCount: 2 }
 */
export function portfolioInsightOf(accountId: string, summary: AccountSummary): PortfolioInsight {
  return { accountId, healthScore: summary.healthScore, worstSeverity: summary.worstSeverity, signalCount: summary.signalCount };
}

/** What the workspace keeps for an account (the `summary` column): its facts and the months they hold in. */
interface KeptFacts {
  holds: MonthsHeld;
  facts: AccountSummaryFacts;
}

/** Kept facts decided on `today`, or null when they do not hold this month or cannot be read (a damaged row): gathered again then. */
function decideKept(json: string, today: string): AccountSummary | null {
  try {
    const kept = JSON.parse(json) as KeptFacts;
    return factsHoldIn(kept.holds, today.slice(0, 7)) ? accountSummaryOn(kept.facts, today) : null;
  } catch {
    return null;
  }
}

/** Keeps the gathered facts (a cache table: no trigger moves a data version for it). */
async function store(workspace: Pick<Workspace, 'sqlite' | 'db'>, rows: readonly SummaryToStore[]): Promise<void> {
  if (!workspace.sqlite) return storeSummariesOnServer(workspace.db, rows);
  storeSummariesOnFile(workspace.sqlite, rows);
}

async function gather(workspace: Pick<Workspace, 'sqlite' | 'db' | 'path' | 'nativeBinding'>, accounts: readonly HealthAccountInput[], settings: HealthFactsSettings) {
  // A team workspace is read over the network; the server does the heavy part, one query for all.
  if (!workspace.sqlite) return gatherSummaryFactsOnServer(workspace.db, { settings, accounts: [...accounts] });
  if (accounts.length <= INLINE_ACCOUNTS) return gatherSummaryFacts(workspace.sqlite, { settings, accounts: [...accounts] });
  const batches = Math.min(accounts.length, backgroundThreads() * BATCHES_PER_THREAD);
  const size = Math.ceil(accounts.length / batches);
  const runs = [];
  for (let start = 0; start < accounts.length; start += size) {
    runs.push(runInBackground('gatherHealthFacts', { workspacePath: workspace.path, nativeBinding: workspace.nativeBinding, settings, accounts: accounts.slice(start, start + size) }));
  }
  return (await Promise.all(runs)).flat();
}
