import type { Kysely } from 'kysely';

/*
 * Frozen in time (issue 14): an index on metric_observations (account_id, month, value). "An
 * account's latest month with data" becomes one index seek instead of a scan of all its rows (the
 * account list on every search keystroke, portfolio health, decks), and a window of months of one
 * account (portfolio health, peer benchmarks) is read from the index alone: with the primary key's
 * stream and metric it holds every column those reads need. About 40% more file for a portfolio of
 * observations.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('metric_observations_account_month').ifNotExists().on('metric_observations').columns(['account_id', 'month', 'value']).execute();
}
