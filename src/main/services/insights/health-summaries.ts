import type SqliteDatabase from 'better-sqlite3';
import { gatherAccountSummaryFacts, SUMMARY_WINDOW_MONTHS, type AccountSummaryFacts } from '../../../shared/metrics/account-insights';
import type { AccountInsightInput, InsightStakeholder, InsightStream } from '../../../shared/metrics/insight-input';
import { addMonths } from '../../../shared/calendar';
import { latestObservedMonth, latestWindowsOnServer, observationsInWindow } from '../../storage/db/repositories/insight-observations-repository';
import type { WorkspaceDb } from '../../storage/db/database';

/*
 * The summary facts (health and signals without the day) of a batch of accounts, reading each
 * one's report month and the 13-month window the summary needs. Runs on a background thread's own read-only connection
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

/** The engine settings the facts depend on, and the month they are gathered in (YYYY-MM): no day. */
export type HealthFactsSettings = Pick<AccountInsightInput, 'rpmRates' | 'healthWeights'> & { thisMonth: string };

/** A batch: where to read, the shared engine settings and the accounts. */
export interface HealthTask {
  workspacePath: string;
  nativeBinding?: string | undefined;
  settings: HealthFactsSettings;
  accounts: HealthAccountInput[];
}

export type HealthTaskResult = { accountId: string; facts: AccountSummaryFacts }[];

/**
 * Summary facts of the batch read from `sqlite` — equal to gatherAccountSummaryFacts over all of
 * each account's observations (tests/unit/metrics hold the window equal to the full history).
 */
export function gatherSummaryFacts(sqlite: SqliteDatabase.Database, task: Pick<HealthTask, 'settings' | 'accounts'>): HealthTaskResult {
  return task.accounts.map((account) => {
    const latest = latestObservedMonth(sqlite, account.id, task.settings.thisMonth);
    const observations = latest ? observationsInWindow(sqlite, account.id, addMonths(latest, 1 - SUMMARY_WINDOW_MONTHS), latest) : [];
    return { accountId: account.id, facts: gatherAccountSummaryFacts({ ...task.settings, ...account, observations }) };
  });
}

/** gatherSummaryFacts for a team workspace: the same facts, the batch's windows read in one query. */
export async function gatherSummaryFactsOnServer(db: WorkspaceDb, task: Pick<HealthTask, 'settings' | 'accounts'>): Promise<HealthTaskResult> {
  const windows = await latestWindowsOnServer(db, task.accounts.map((account) => account.id), task.settings.thisMonth, SUMMARY_WINDOW_MONTHS);
  return task.accounts.map((account) => ({ accountId: account.id, facts: gatherAccountSummaryFacts({ ...task.settings, ...account, observations: windows.get(account.id) ?? [] }) }));
}
