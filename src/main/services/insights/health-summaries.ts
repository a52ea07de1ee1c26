import type SqliteDatabase from 'better-sqlite3';
import { computeAccountSummary, SUMMARY_WINDOW_MONTHS, type AccountSummary } from '../../../shared/metrics/account-insights';
import type { AccountInsightInput, InsightStakeholder, InsightStream } from '../../../shared/metrics/insight-input';
import { addMonths } from '../../../shared/calendar';
import { latestObservedMonth, latestWindowsOnServer, observationsInWindow } from '../../storage/db/repositories/insight-observations-repository';
import type { WorkspaceDb } from '../../storage/db/database';

/*
 * Portfolio health for a batch of accounts, reading each one's report month and the 13-month
 * window the summary needs. Runs on a background thread's own read-only connection
 * (services/background), so the process that serves the UI never stalls on it, or inline (same
 * code) for a handful of accounts, where a thread round trip would cost more than the work.
 */

/** One account as the summary needs it, besides its observations. */
export interface HealthAccountInput {
  id: string;
  renewalDate: string | null;
  contractStartDate: string | null;
  streams: InsightStream[];
  stakeholders: InsightStakeholder[];
}

/** A batch: where to read, the shared engine settings and the accounts. */
export interface HealthTask {
  workspacePath: string;
  nativeBinding?: string | undefined;
  settings: Pick<AccountInsightInput, 'rpmRates' | 'healthWeights' | 'today'>;
  accounts: HealthAccountInput[];
}

export type HealthTaskResult = { accountId: string; summary: AccountSummary }[];

/**
 * Summaries of the batch read from `sqlite` — equal to computeAccountSummary over all of each
 * account's observations (tests/unit/metrics hold the window equal to the full history).
 */
export function summariseAccounts(sqlite: SqliteDatabase.Database, task: Pick<HealthTask, 'settings' | 'accounts'>): HealthTaskResult {
  const thisMonth = task.settings.today.slice(0, 7);
  return task.accounts.map((account) => {
    const latest = latestObservedMonth(sqlite, account.id, thisMonth);
    const observations = latest ? observationsInWindow(sqlite, account.id, addMonths(latest, 1 - SUMMARY_WINDOW_MONTHS), latest) : [];
    const summary = computeAccountSummary({ ...task.settings, observations, streams: account.streams, stakeholders: account.stakeholders, renewalDate: account.renewalDate, contractStartDate: account.contractStartDate });
    return { accountId: account.id, summary };
  });
}

/** summariseAccounts for a team workspace: the same summaries, the batch's windows read in one query. */
export async function summariseAccountsOnServer(db: WorkspaceDb, task: Pick<HealthTask, 'settings' | 'accounts'>): Promise<HealthTaskResult> {
  const windows = await latestWindowsOnServer(db, task.accounts.map((account) => account.id), task.settings.today.slice(0, 7), SUMMARY_WINDOW_MONTHS);
  return task.accounts.map((account) => {
    const observations = windows.get(account.id) ?? [];
    const summary = computeAccountSummary({ ...task.settings, observations, streams: account.streams, stakeholders: account.stakeholders, renewalDate: account.renewalDate, contractStartDate: account.contractStartDate });
    return { accountId: account.id, summary };
  });
}
