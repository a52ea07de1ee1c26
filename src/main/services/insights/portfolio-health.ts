import { createHash } from 'node:crypto';
import packageJson from '../../../../package.json' with { type: 'json' };
import type { AccountSummary } from '../../../shared/metrics/account-insights';
import type { AccountInsightInput } from '../../../shared/metrics/insight-input';
import type { Workspace } from '../../storage/workspace/open-workspace';
import {
  readAccountDataVersions,
  readStoredSummaries,
  storeSummariesOnFile,
  storeSummariesOnServer,
  type SummaryToStore,
} from '../../storage/db/repositories/health-summaries-repository';
import { accountChanges } from '../workspace-changes/account-changes';
import { workspaceWriteStamp } from '../workspace-changes/workspace-write-stamp';
import { backgroundThreads, runInBackground } from '../background/background-pool';
import { summariseAccounts, summariseAccountsOnServer, type HealthAccountInput } from './health-summaries';

/*
 * The portfolio's health summaries, kept in the workspace (migration 9) and recomputed only for
 * accounts whose inputs changed. A stored summary is served while
 * - its data version equals the account's, which the database moves whenever any of the account's
 *   observations changes, whoever writes (this app, an import job, the CLI, another team client);
 * - its inputs key equals the key of everything else it read: the account's dates, streams and
 *   stakeholders (read fresh on every call, so hashing them costs no extra query), the settings
 *   that change health, the day and the app version (a new release may compute differently).
 * The versions are read before any observation is, so a summary is never stored under a version
 * newer than the data it was computed from: a write landing in between leaves it stale, never
 * wrong. Stale accounts are summarised on the background threads (services/background), off the
 * thread that serves the UI, or inline when they are few, then stored for the next call, the next
 * session and, on a team workspace, every other client.
 */

/** Up to this many stale accounts are summarised inline on the caller's connection. */
const INLINE_ACCOUNTS = 16;
/** Batches per thread, so a slow batch does not leave the other thread idle at the end. */
const BATCHES_PER_THREAD = 4;

export type HealthSettings = Pick<AccountInsightInput, 'rpmRates' | 'healthWeights' | 'today'>;

/** One computation at a time per workspace: a second request waits for it, then finds its results stored. */
const running = new WeakMap<object, Promise<unknown>>();

/**
 * Health summary of each account (same order): stored ones where still valid, the rest computed and stored.
 * @example const summaries = await portfolioHealth(workspace, accounts, { rpmRates, healthWeights, today });
 */
export async function portfolioHealth(workspace: Pick<Workspace, 'sqlite' | 'db' | 'path' | 'nativeBinding'>, accounts: readonly HealthAccountInput[], settings: HealthSettings): Promise<AccountSummary[]> {
  const key = workspace.sqlite ?? workspace.db;
  for (let current = running.get(key); current; current = running.get(key)) await current.catch(() => {});
  const work = summariesOf(workspace, accounts, settings);
  running.set(key, work);
  try {
    return await work;
  } finally {
    running.delete(key);
  }
}

async function summariesOf(workspace: Pick<Workspace, 'sqlite' | 'db' | 'path' | 'nativeBinding'>, accounts: readonly HealthAccountInput[], settings: HealthSettings): Promise<AccountSummary[]> {
  // Versions first: see the note above.
  const [versions, stored] = await Promise.all([readAccountDataVersions(workspace.db), readStoredSummaries(workspace.db)]);
  const settingsKey = JSON.stringify([packageJson.version, settings]);
  const summaries = new Map<string, AccountSummary>();
  const stale: { account: HealthAccountInput; dataVersion: number; inputsKey: string }[] = [];
  for (const account of accounts) {
    const dataVersion = versions.get(account.id) ?? 0;
    const inputsKey = createHash('sha1').update(settingsKey).update(JSON.stringify(account)).digest('base64');
    const kept = stored.get(account.id);
    if (kept && kept.dataVersion === dataVersion && kept.inputsKey === inputsKey) summaries.set(account.id, JSON.parse(kept.summary) as AccountSummary);
    else stale.push({ account, dataVersion, inputsKey });
  }
  if (stale.length > 0) {
    const results = await summarise(workspace, stale.map(({ account }) => account), settings);
    const byId = new Map(results.map(({ accountId, summary }) => [accountId, summary]));
    const rows: SummaryToStore[] = stale.map(({ account, dataVersion, inputsKey }) => {
      const summary = byId.get(account.id)!;
      summaries.set(account.id, summary);
      return { accountId: account.id, dataVersion, inputsKey, summary: JSON.stringify(summary) };
    });
    await store(workspace, rows);
  }
  return accounts.map((account) => summaries.get(account.id)!);
}

/** Keeps the computed summaries: a write of the cache, which this connection's change tracker is told changes nothing it reads. */
async function store(workspace: Pick<Workspace, 'sqlite' | 'db'>, rows: readonly SummaryToStore[]): Promise<void> {
  if (!workspace.sqlite) return storeSummariesOnServer(workspace.db, rows);
  const before = workspaceWriteStamp(workspace);
  const written = storeSummariesOnFile(workspace.sqlite, rows);
  if (written > 0) accountChanges(workspace).absorbIrrelevantWrite(before, workspaceWriteStamp(workspace), written);
}

async function summarise(workspace: Pick<Workspace, 'sqlite' | 'db' | 'path' | 'nativeBinding'>, accounts: readonly HealthAccountInput[], settings: HealthSettings) {
  // A team workspace is read over the network; the server does the heavy part, one query for all.
  if (!workspace.sqlite) return summariseAccountsOnServer(workspace.db, { settings, accounts: [...accounts] });
  if (accounts.length <= INLINE_ACCOUNTS) return summariseAccounts(workspace.sqlite, { settings, accounts: [...accounts] });
  const batches = Math.min(accounts.length, backgroundThreads() * BATCHES_PER_THREAD);
  const size = Math.ceil(accounts.length / batches);
  const runs = [];
  for (let start = 0; start < accounts.length; start += size) {
    runs.push(runInBackground('summariseHealth', { workspacePath: workspace.path, nativeBinding: workspace.nativeBinding, settings, accounts: accounts.slice(start, start + size) }));
  }
  return (await Promise.all(runs)).flat();
}
