import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import type { PortfolioFacts } from '../../../shared/api/schemas/portfolio-schemas';
import type { PortfolioFilters, PortfolioHealthFilter, PortfolioSignalFilter } from '../../../shared/api/schemas/portfolio-view-schemas';
import { NO_PORTFOLIO_FILTERS } from '../../../shared/portfolio/no-portfolio-filters';
import { healthBandOf } from '../metrics/health-labels';
import { setupFactsOf, setupProgress } from '../setup-checklist/setup-checklist';
import type { PortfolioInsight } from './portfolio-sort';
import { renewsWithin } from './renewal-window';

/** No filter: every account. */
export const NO_FILTERS: PortfolioFilters = NO_PORTFOLIO_FILTERS;

/** What the filters read besides the rows; null while it is still being fetched. */
export interface FilterContext {
  insights: ReadonlyMap<string, PortfolioInsight> | null;
  facts: ReadonlyMap<string, PortfolioFacts> | null;
  today: string;
  /** False while the rows are only the first screen of the list (the rest are on their way); default true. */
  complete?: boolean;
}

export interface FilteredAccounts {
  rows: AccountSummary[];
  /** A filter needs health, setup facts or the rest of the list, which have not arrived yet: the rows are not final. */
  pending: boolean;
}

/** How many of the filter groups narrow the list (for the Filters button's badge). */
export function activeFilterCount(filters: PortfolioFilters): number {
  return [
    filters.health.length > 0,
    filters.signals.length > 0,
    filters.revenueModels.length > 0,
    filters.segments.length > 0,
    filters.renewalWithinDays !== null,
    filters.setup !== 'any',
  ].filter(Boolean).length;
}

/** The rows (already in display order) that pass every filter; order is kept. */
export function filterAccounts(rows: readonly AccountSummary[], filters: PortfolioFilters, context: FilterContext): FilteredAccounts {
  const needsInsights = filters.health.length > 0 || filters.signals.length > 0;
  const needsFacts = filters.setup !== 'any';
  const filtering = activeFilterCount(filters) > 0;
  // A filtered first screen would show only its own matches as if they were all.
  const pending = (needsInsights && context.insights === null) || (needsFacts && context.facts === null) || (filtering && context.complete === false);
  if (!filtering) return { rows: [...rows], pending: false };
  return { rows: rows.filter((row) => matches(row, filters, context)), pending };
}

function matches(row: AccountSummary, filters: PortfolioFilters, context: FilterContext): boolean {
  if (filters.revenueModels.length > 0 && !row.revenueModels.some((model) => filters.revenueModels.includes(model))) return false;
  if (filters.segments.length > 0 && !filters.segments.includes(row.customerSegment)) return false;
  if (filters.renewalWithinDays !== null && !renewsWithin(row.renewalDate, filters.renewalWithinDays, context.today)) return false;
  const insight = context.insights?.get(row.id);
  if (filters.health.length > 0 && !filters.health.includes(healthFilterOf(insight))) return false;
  if (filters.signals.length > 0 && !filters.signals.includes(signalFilterOf(insight))) return false;
  if (filters.setup !== 'any') {
    const facts = setupFactsOf(row, context.facts?.get(row.id));
    if (!facts) return false;
    if (setupProgress(facts).complete !== (filters.setup === 'complete')) return false;
  }
  return true;
}

/** The health filter an account falls under. */
export function healthFilterOf(insight: PortfolioInsight | undefined): PortfolioHealthFilter {
  const band = healthBandOf(insight?.healthScore ?? null);
  return band === 'unknown' ? 'no_score' : band;
}

function signalFilterOf(insight: PortfolioInsight | undefined): PortfolioSignalFilter {
  return insight?.worstSeverity ?? 'none';
}
