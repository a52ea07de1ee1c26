/*
 * Portfolio-wide reads that can be narrowed to some accounts (the window's first screen of rows):
 * a few ids are filtered in the query; many (or none given) read every live account, and the
 * caller keeps the ones it asked for.
 */

/** Ids a read filters by in its query: well under both engines' parameter limits. */
const MOST_IDS_IN_A_QUERY = 1_000;

/**
 * True when a read should filter by `accountIds` in its query.
 * @example query.$if(filtersBy(accountIds), (q) => q.where('s.accountId', 'in', accountIds!))
 */
export function filtersBy(accountIds: readonly string[] | undefined): accountIds is readonly string[] {
  return accountIds !== undefined && accountIds.length > 0 && accountIds.length <= MOST_IDS_IN_A_QUERY;
}
