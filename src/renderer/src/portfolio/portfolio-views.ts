import type { PortfolioFilters, PortfolioView } from '../../../shared/api/schemas/portfolio-view-schemas';
import { NO_FILTERS } from './portfolio-filters';
import type { PortfolioSort } from './portfolio-sort';
import { RENEWAL_WINDOW_DAYS } from './renewal-window';

/** What the list shows right now: search, filters and sort. A view is a saved copy of this. */
export interface PortfolioViewState {
  search: string;
  filters: PortfolioFilters;
  sort: PortfolioSort;
}

/** A view offered to everyone; not stored, not deletable. */
export interface BuiltInView extends PortfolioViewState {
  id: string;
  name: string;
  builtIn: true;
}

/** The views every portfolio has: what a CSM checks first each morning. */
export const BUILT_IN_VIEWS: readonly BuiltInView[] = [
  { id: 'all', name: 'All accounts', builtIn: true, search: '', filters: NO_FILTERS, sort: { key: 'name', direction: 'asc' } },
  { id: 'at-risk', name: 'At risk', builtIn: true, search: '', filters: { ...NO_FILTERS, health: ['at_risk'] }, sort: { key: 'health', direction: 'asc' } },
  {
    id: 'renewing',
    name: `Renewing in ${RENEWAL_WINDOW_DAYS} days`,
    builtIn: true,
    search: '',
    filters: { ...NO_FILTERS, renewalWithinDays: RENEWAL_WINDOW_DAYS },
    sort: { key: 'renewalDate', direction: 'asc' },
  },
  { id: 'setup', name: 'Setup to finish', builtIn: true, search: '', filters: { ...NO_FILTERS, setup: 'incomplete' }, sort: { key: 'name', direction: 'asc' } },
];

/** Whether the list shows exactly what `view` does (search compared trimmed; filter choices in any order). */
export function showsView(current: PortfolioViewState, view: PortfolioViewState): boolean {
  return (
    current.search.trim() === view.search.trim() &&
    current.sort.key === view.sort.key &&
    current.sort.direction === view.sort.direction &&
    sameFilters(current.filters, view.filters)
  );
}

function sameFilters(a: PortfolioFilters, b: PortfolioFilters): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((item) => y.includes(item));
  return (
    same(a.health, b.health) &&
    same(a.signals, b.signals) &&
    same(a.revenueModels, b.revenueModels) &&
    same(a.segments, b.segments) &&
    a.renewalWithinDays === b.renewalWithinDays &&
    a.setup === b.setup
  );
}

/** A saved view of the current state under `name`. */
export function viewFrom(current: PortfolioViewState, name: string, id: string): PortfolioView {
  return { id, name: name.trim(), search: current.search.trim(), filters: current.filters, sort: current.sort };
}

/** Why a name cannot be used for a new view, or null. Names are compared ignoring case, built-in ones included. */
export function viewNameProblem(name: string, saved: readonly PortfolioView[]): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Name the view';
  if (trimmed.length > 80) return 'Keep the name under 80 characters';
  const taken = [...BUILT_IN_VIEWS, ...saved].some((view) => view.name.toLowerCase() === trimmed.toLowerCase());
  return taken ? 'A view with this name exists; choose another name' : null;
}
