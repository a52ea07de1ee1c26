import { create } from 'zustand';
import type { PortfolioFilters, PortfolioView } from '../../../shared/api/schemas/portfolio-view-schemas';
import { api } from '../api/client';
import { workspaceVersion } from '../api/workspace-changes';
import { errorMessage } from '../notify';
import { NO_FILTERS } from './portfolio-filters';
import { usePortfolioStore } from './portfolio-store';
import { viewFrom, type PortfolioViewState } from './portfolio-views';

interface PortfolioViewsState {
  /** The filters the list applies now (the search and sort live in the portfolio store). */
  filters: PortfolioFilters;
  /** The views saved in this workspace's settings, in their order. */
  saved: PortfolioView[];
  loadError: string | null;
  loadedVersion: number;
  /** Reads the saved views from settings unless nothing changed since the last read. */
  loadIfStale(): Promise<void>;
  setFilters(change: Partial<PortfolioFilters>): void;
  clearFilters(): void;
  /** Shows what a view shows: its search, filters and sort. */
  apply(view: PortfolioViewState): Promise<void>;
  /** Saves the current search, filters and sort under `name`; resolves to the backend's refusal, or null when saved. */
  saveCurrent(name: string): Promise<string | null>;
  remove(id: string): Promise<string | null>;
  /** Stores exactly these views (Undo after a delete puts the deleted one back in its place). */
  restoreAll(views: PortfolioView[]): Promise<string | null>;
  /** Another workspace was opened: its views and no filters. */
  reset(): void;
}

/** The list's current state, from both stores. */
export function currentViewState(): PortfolioViewState {
  const { searchInput, sort } = usePortfolioStore.getState();
  return { search: searchInput, filters: usePortfolioViewsStore.getState().filters, sort };
}

/** The portfolio's filters and saved views (`portfolioViews` setting). */
export const usePortfolioViewsStore = create<PortfolioViewsState>()((set, get) => {
  async function store(views: PortfolioView[]): Promise<string | null> {
    try {
      const settings = await api.call('settings.update', { portfolioViews: views });
      set({ saved: settings.portfolioViews, loadedVersion: workspaceVersion() });
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  return {
    filters: NO_FILTERS,
    saved: [],
    loadError: null,
    loadedVersion: -1,

    async loadIfStale() {
      const version = workspaceVersion();
      if (get().loadedVersion === version) return;
      set({ loadedVersion: version });
      try {
        set({ saved: (await api.call('settings.get', {})).portfolioViews, loadError: null });
      } catch (error) {
        set({ loadError: errorMessage(error), loadedVersion: -1 });
      }
    },

    setFilters(change) {
      set({ filters: { ...get().filters, ...change } });
    },

    clearFilters() {
      set({ filters: NO_FILTERS });
    },

    async apply(view) {
      set({ filters: view.filters });
      const portfolio = usePortfolioStore.getState();
      portfolio.setSearchInput(view.search);
      await Promise.all([portfolio.applySearch(view.search), portfolio.setSort(view.sort)]);
    },

    saveCurrent(name) {
      return store([...get().saved, viewFrom(currentViewState(), name, crypto.randomUUID())]);
    },

    remove(id) {
      return store(get().saved.filter((view) => view.id !== id));
    },

    restoreAll(views) {
      return store(views);
    },

    reset() {
      set({ filters: NO_FILTERS, saved: [], loadedVersion: -1, loadError: null });
    },
  };
});
