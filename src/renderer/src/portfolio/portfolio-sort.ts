import type { AccountSortKey, AccountSummary } from '../../../shared/api/schemas/account-schemas';
import { REVENUE_MODEL_LABELS } from '../labels';

/** The columns the portfolio can sort by: the backend's sort keys plus revenue models, sorted here. */
export type PortfolioSortKey = AccountSortKey | 'revenueModels';
export type SortDirection = 'asc' | 'desc';

export interface PortfolioSort {
  key: PortfolioSortKey;
  direction: SortDirection;
}

/** Most recently updated first is what people want from "Updated"; everything else starts A→Z / soonest. */
export function firstDirectionFor(key: PortfolioSortKey): SortDirection {
  return key === 'updatedAt' ? 'desc' : 'asc';
}

export function nextSort(current: PortfolioSort, clicked: PortfolioSortKey): PortfolioSort {
  if (current.key !== clicked) return { key: clicked, direction: firstDirectionFor(clicked) };
  return { key: clicked, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

/** The backend cannot order by revenue models (one account has several), so ask it for name order. */
export function backendSortFor(sort: PortfolioSort): { sortBy: AccountSortKey; direction: SortDirection } {
  return sort.key === 'revenueModels' ? { sortBy: 'name', direction: 'asc' } : { sortBy: sort.key, direction: sort.direction };
}

/**
 * Orders rows by their revenue-model labels; accounts without any stream go last either way, like
 * unknown renewal dates do in the backend's sort. Stable, so ties keep name order.
 */
export function sortByRevenueModels(rows: AccountSummary[], direction: SortDirection): AccountSummary[] {
  const keyed = rows.map((row) => ({ row, label: row.revenueModels.map((model) => REVENUE_MODEL_LABELS[model]).join(', ') }));
  const sign = direction === 'asc' ? 1 : -1;
  keyed.sort((a, b) => {
    if (!a.label || !b.label) return a.label ? -1 : b.label ? 1 : 0;
    return sign * a.label.localeCompare(b.label);
  });
  return keyed.map(({ row }) => row);
}
