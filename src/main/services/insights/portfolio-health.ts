import type { AccountSummary } from '../../../shared/metrics/account-insights';
import type { AccountInsightInput } from '../../../shared/metrics/insight-input';
import type { Workspace } from '../../storage/workspace/open-workspace';
import { accountChanges } from '../workspace-changes/account-changes';
import { backgroundThreads, runInBackground } from '../background/background-pool';
import { summariseAccounts, summariseAccountsOnServer, type HealthAccountInput } from './health-summaries';

/*
 * The portfolio's health summaries, cached per account and recomputed only for accounts whose data
 * changed since (services/workspace-changes/account-changes.ts), or all of them when the settings
 * or the day change. The work runs on the background threads (services/background), off the thread
 * that serves the UI; a few accounts are summarised inline, where a thread round trip costs more.
 */

/** Up to this many stale accounts are summarised inline on the caller's connection. */
const INLINE_ACCOUNTS = 16;
/** Batches per thread, so a slow batch does not leave the other thread idle at the end. */
const BATCHES_PER_THREAD = 4;

interface Entry {
  version: string;
  settingsKey: string;
  summary: AccountSummary;
}

interface HealthCache {
  entries: Map<string, Entry>;
  /** The computation in progress; a second request waits for it, then takes what is still stale. */
  running: Promise<unknown> | null;
}

const caches = new WeakMap<object, HealthCache>();

export type HealthSettings = Pick<AccountInsightInput, 'rpmRates' | 'healthWeights' | 'today'>;

/**
 * Health summary of each account (same order), from the cache where its data has not changed.
 * @example const summaries = await portfolioHealth(workspace, accounts, { rpmRates, healthWeights, today });
 */
export async function portfolioHealth(workspace: Pick<Workspace, 'sqlite' | 'db' | 'path' | 'nativeBinding'>, accounts: readonly HealthAccountInput[], settings: HealthSettings): Promise<AccountSummary[]> {
  const key = workspace.sqlite ?? workspace.db;
  let cache = caches.get(key);
  if (!cache) caches.set(key, (cache = { entries: new Map(), running: null }));
  while (cache.running) await cache.running.catch(() => {});
  const settingsKey = JSON.stringify(settings);
  const versions = accountChanges(workspace).versions();
  const isFresh = (entry: Entry | undefined, id: string): entry is Entry => entry !== undefined && entry.version === versions.of(id) && entry.settingsKey === settingsKey;
  const stale = accounts.filter((account) => !isFresh(cache.entries.get(account.id), account.id));
  if (stale.length > 0) {
    const running = summarise(workspace, stale, settings).then((results) => {
      for (const { accountId, summary } of results) cache.entries.set(accountId, { version: versions.of(accountId), settingsKey, summary });
    });
    cache.running = running;
    try {
      await running;
    } finally {
      cache.running = null;
    }
  }
  return accounts.map((account) => cache.entries.get(account.id)!.summary);
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
