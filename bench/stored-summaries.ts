import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { openBackend } from '../src/main/api/backend';

/*
 * The two states a workspace is opened in, as the health rows measure them. A portfolio keeps
 * each account's summary facts while its data does not change (services/insights/portfolio-health.ts):
 * - the first open of a day, after a session earlier in the month (yesterday, or earlier today on
 *   the first of a month), finds every account's facts kept and decides them on the day;
 * - nothing kept: the first open after an app update, or once every account changed (a full
 *   re-import), gathers every account's facts from its data.
 */

/**
 * Forgets the summary facts a workspace keeps (migration 9), as a new release or a full
 * re-import finds them: the next portfolio load gathers every account's facts again.
 */
export async function forgetStoredHealthSummaries(workspacePath: string): Promise<void> {
  if (/^postgres(ql)?:\/\//.test(workspacePath)) {
    const client = new pg.Client(workspacePath);
    await client.connect();
    try {
      await client.query('DELETE FROM account_health_summaries');
    } finally {
      await client.end();
    }
    return;
  }
  const sqlite = new SqliteDatabase(workspacePath);
  try {
    sqlite.exec('DELETE FROM account_health_summaries');
  } finally {
    sqlite.close();
  }
}

/** A day earlier in the same month as `today` (the day before; on the first of a month, the same day). */
export function earlierDayThisMonth(today: Date): Date {
  const dayBefore = new Date(today.getTime() - 86_400_000);
  return dayBefore.toISOString().slice(0, 7) === today.toISOString().slice(0, 7) ? dayBefore : today;
}

/**
 * What a session earlier this month leaves behind: nothing kept, then the workspace opened on
 * that day through the product path and the portfolio's health loaded once, which keeps every
 * account's summary facts.
 */
export async function keepFactsFromAnEarlierSession(workspacePath: string, today: Date): Promise<void> {
  await forgetStoredHealthSummaries(workspacePath);
  const earlier = earlierDayThisMonth(today);
  const backend = await openBackend({ workspacePath, transport: 'direct', now: () => earlier, log: () => {} });
  try {
    await backend.handlers['insights.portfolio']({});
  } finally {
    await backend.close();
  }
}
