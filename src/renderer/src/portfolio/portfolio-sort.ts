import type { PortfolioInsight } from '../../../shared/api/schemas/insight-schemas';
import type { AccountSortKey, AccountSummary } from '../../../shared/api/schemas/account-schemas';
import { severityRank } from '../../../shared/metrics/signals/signal';
import { REVENUE_MODEL_LABELS } from '../labels';

/** The columns the portfolio can sort by: the backend's sort keys plus revenue models, health and signal severity, sorted here. */
export type PortfolioSortKey = AccountSortKey | 'revenueModels' | 'health' | 'signals';

/** One account's health score and worst signal, from `insights.portfolio`. */
export type { PortfolioInsight };
export type SortDirection = 'asc' | 'desc';

export interface PortfolioSort {
  key: PortfolioSortKey;
  direction: SortDirection;
}

/**
 * The first click's direction: most recently updated first for "Updated", most severe first for
 * "Signals"; health starts lowest first, so the accounts at risk come to the top; the rest A→Z / soonest.
 */
export function firstDirectionFor(key: PortfolioSortKey): SortDirection {
  return key === 'updatedAt' || key === 'signals' ? 'desc' : 'asc';
}

/** Sorts that need `insights.portfolio` before the list can be ordered. */
export function sortNeedsInsights(sort: PortfolioSort): boolean {
  return sort.key === 'health' || sort.key === 'signals';
}

export function nextSort(current: PortfolioSort, clicked: PortfolioSortKey): PortfolioSort {
  if (current.key !== clicked) return { key: clicked, direction: firstDirectionFor(clicked) };
  return { key: clicked, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

/** The backend cannot order by revenue models, health or signals, so ask it for name order and sort here. */
export function backendSortFor(sort: PortfolioSort): { sortBy: AccountSortKey; direction: SortDirection } {
  return sort.key === 'revenueModels' || sort.key === 'health' || sort.key === 'signals' ? { sortBy: 'name', direction: 'asc' } : { sortBy: sort.key, direction: sort.direction };
}

/** 3 critical, 2 warning, 1 note, 0 no signal: higher is more severe. */
function severityLevel(insight: PortfolioInsight | undefined): number {
  return insight?.worstSeverity ? 3 - severityRank(insight.worstSeverity) : 0;
}

/**
 * Orders rows (already in name order) by health score or by worst signal severity. Accounts
 * without a score go last either way, as unknown renewal dates do; severity ties put the account
 * with more signals first, then the lower health score. Stable, so remaining ties keep name order.
 */
export function sortByInsights(rows: AccountSummary[], insights: ReadonlyMap<string, PortfolioInsight>, sort: PortfolioSort): AccountSummary[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const health = (row: AccountSummary) => insights.get(row.id)?.healthScore ?? null;
  return [...rows].sort((a, b) => {
    if (sort.key === 'health') {
      const ha = health(a);
      const hb = health(b);
      if (ha === null || hb === null) return ha === null ? (hb === null ? 0 : 1) : -1;
      return sign * (ha - hb) || severityLevel(insights.get(b.id)) - severityLevel(insights.get(a.id));
    }
    const ia = insights.get(a.id);
    const ib = insights.get(b.id);
    const bySeverity = sign * (severityLevel(ia) - severityLevel(ib)) || sign * ((ia?.signalCount ?? 0) - (ib?.signalCount ?? 0));
    if (bySeverity !== 0) return bySeverity;
    const ha = health(a);
    const hb = health(b);
    return ha === null || hb === null ? (ha === null ? (hb === null ? 0 : 1) : -1) : ha - hb;
  });
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
