import { backendSortFor, type PortfolioSort } from './portfolio-sort';

/** The portfolio's order when the app starts. */
export const INITIAL_SORT: PortfolioSort = { key: 'name', direction: 'asc' };

/** The `accounts.list` input for a search and sort. */
export function listQuery(search: string, sort: PortfolioSort) {
  return { search: search.trim().slice(0, 200), ...backendSortFor(sort) };
}
