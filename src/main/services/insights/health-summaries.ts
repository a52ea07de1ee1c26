import type SqliteDatabase from 'better-sqlite3';
import { gatherAccountSummaryFacts, SUMMARY_WINDOW_MONTHS, type AccountSummaryFacts } from '../../../shared/metrics/account-insights';
import type { AccountInsightInput, InsightStakeholder, InsightStream } from '../../../shared/metrics/insight-input';
import { addMonths } from '../../../shared/calendar';
import { firstMonthsAfterOnServer, firstObservedMonthAfter, latestObservedMonth, latestWindowsOnServer, observationsInWindow } from '../../storage/db/repositories/insight-observations-repository';
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

/**
 * The months (YYYY-MM) in which an account's facts hold while its data does not change: from its
 * report month (the latest with data) until the first month with data recorded ahead (exclusive;
 * null: none). An account with no data up to the month it was gathered in reports the month
 * before the current one, so its facts hold for that month only.
 */
export interface MonthsHeld {
  from: string;
  until: string | null;
}

export type HealthTaskResult = { accountId: string; facts: AccountSummaryFacts; holds: MonthsHeld }[];

function monthsHeld(latest: string | null, next: string | null, thisMonth: string): MonthsHeld {
  if (latest) return { from: latest, until: next };
  const monthAfter = addMonths(thisMonth, 1);
  return { from: thisMonth, until: next !== null && next < monthAfter ? next : monthAfter };
}

/** Whether facts gathered for `holds` hold in `thisMonth`. */
export function factsHoldIn(holds: MonthsHeld, thisMonth: string): boolean {
  return holds.from <= thisMonth && (holds.until === null || thisMonth < holds.until);
}

/**
 * Summary facts of the batch read from `sqlite` — equal to gatherAccountSummaryFacts over all of
 * each account's observations (tests/unit/metrics hold the window equal to the full history).
 */
export function gatherSummaryFacts(sqlite: SqliteDatabase.Database, task: Pick<HealthTask, 'settings' | 'accounts'>): HealthTaskResult {
  return task.accounts.map((account) => {
    const { thisMonth } = task.settings;
    const latest = latestObservedMonth(sqlite, account.id, thisMonth);
    const observations = latest ? observationsInWindow(sqlite, account.id, addMonths(latest, 1 - SUMMARY_WINDOW_MONTHS), latest) : [];
    const holds = monthsHeld(latest, firstObservedMonthAfter(sqlite, account.id, thisMonth), thisMonth);
    return { accountId: account.id, facts: gatherAccountSummaryFacts({ ...task.settings, ...account, observations }), holds };
  });
}

/** gatherSummaryFacts for a team workspace: the same facts, the batch's windows read in one query. */
export async function gatherSummaryFactsOnServer(db: WorkspaceDb, task: Pick<HealthTask, 'settings' | 'accounts'>): Promise<HealthTaskResult> {
  const { thisMonth } = task.settings;
  const ids = task.accounts.map((account) => account.id);
  const [windows, nextMonths] = await Promise.all([latestWindowsOnServer(db, ids, thisMonth, SUMMARY_WINDOW_MONTHS), firstMonthsAfterOnServer(db, ids, thisMonth)]);
  return task.accounts.map((account) => {
    const observations = windows.get(account.id) ?? [];
    // The window ends with the report month, so its last month is the latest with data.
    const latest = observations.reduce<string | null>((max, o) => (max === null || o.month > max ? o.month : max), null);
    return { accountId: account.id, facts: gatherAccountSummaryFacts({ ...task.settings, ...account, observations }), holds: monthsHeld(latest, nextMonths.get(account.id) ?? null, thisMonth) };
  });
}
