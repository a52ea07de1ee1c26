import type { Kysely } from 'kysely';

/*
 * Frozen in time (issue 14): an index on metric_observations (account_id, month), so "an account's
 * latest month with data" is one index seek instead of a scan of all its rows. The account list
 * (every search keystroke), the portfolio's health summaries and decks all ask it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('metric_observations_account_month').on('metric_observations').columns(['account_id', 'month']).execute();
}
