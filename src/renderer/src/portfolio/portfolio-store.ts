import { create } from 'zustand';
import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import { api } from '../api/client';
import { errorMessage } from '../notify';
import { backendSortFor, nextSort, sortByRevenueModels, type PortfolioSort, type PortfolioSortKey } from './portfolio-sort';

/** Where the user was in the list, so coming back from an account puts them there again. */
export interface ListPosition {
  scrollOffsetPx: number;
  activeIndex: number;
}

interface PortfolioState {
  /** What is in the search box right now (the list follows it after a short debounce). */
  searchInput: string;
  /** The search the current `accounts` answer. */
  appliedSearch: string;
  sort: PortfolioSort;
  accounts: AccountSummary[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** Set when an account is opened from the list; the list returns there (and to that row) afterwards. */
  returnPosition: ListPosition | null;
  setSearchInput(text: string): void;
  /** Applies a (debounced) search and reloads. */
  applySearch(text: string): Promise<void>;
  toggleSort(key: PortfolioSortKey): Promise<void>;
  /** Fetches the list again for the current search and sort, e.g. after an account changed. */
  reload(): Promise<void>;
  rememberPosition(position: ListPosition | null): void;
}

// Each load gets a number; an answer that arrives after a newer request was sent is dropped,
// so fast typing can never leave an older search's results on screen.
let latestRequest = 0;

export const usePortfolioStore = create<PortfolioState>()((set, get) => ({
  searchInput: '',
  appliedSearch: '',
  sort: { key: 'name', direction: 'asc' },
  accounts: [],
  status: 'idle',
  error: null,
  returnPosition: null,

  setSearchInput(text) {
    set({ searchInput: text });
  },

  rememberPosition(position) {
    set({ returnPosition: position });
  },

  async applySearch(text) {
    if (text === get().appliedSearch && get().status !== 'idle') return;
    set({ appliedSearch: text, returnPosition: null });
    await get().reload();
  },

  async toggleSort(key) {
    set({ sort: nextSort(get().sort, key), returnPosition: null });
    await get().reload();
  },

  async reload() {
    const request = ++latestRequest;
    const { appliedSearch, sort } = get();
    set({ status: get().status === 'ready' ? 'ready' : 'loading' });
    try {
      const rows = await api.call('accounts.list', { search: appliedSearch.trim().slice(0, 200), ...backendSortFor(sort) });
      if (request !== latestRequest) return;
      const accounts = sort.key === 'revenueModels' ? sortByRevenueModels(rows, sort.direction) : rows;
      set({ accounts, status: 'ready', error: null });
    } catch (error) {
      if (request !== latestRequest) return;
      set({ status: 'error', error: errorMessage(error) });
    }
  },
}));
