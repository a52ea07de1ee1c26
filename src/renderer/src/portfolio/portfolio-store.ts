import { create } from 'zustand';
import type { AccountListRow, AccountSummary } from '../../../shared/api/schemas/account-schemas';
import type { PortfolioFacts } from '../../../shared/api/schemas/portfolio-schemas';
import { api } from '../api/client';
import { byAccountId } from './by-account-id';
import { callOrTakeEarly, takeEarlyAnswer } from '../api/start-up-calls';
import { workspaceVersion } from '../api/workspace-changes';
import { errorMessage } from '../notify';
import { afterNextPaint } from '../ui/after-paint';
import { FIRST_SCREEN_ROWS, INITIAL_SORT, isStartUpList, listQuery, startUpListQuery } from './portfolio-list-query';
import {
  nextSort,
  sortByInsights,
  sortByRevenueModels,
  sortNeedsInsights,
  type PortfolioInsight,
  type PortfolioSort,
  type PortfolioSortKey,
} from './portfolio-sort';

/** What a first screen's rows brought besides the accounts: their kept health and their setup facts, by account id. */
export interface ListedFacts {
  health: ReadonlyMap<string, PortfolioInsight>;
  setup: ReadonlyMap<string, PortfolioFacts>;
}

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
  /**
   * False while `accounts` holds only the first screen of the window's first list
   * (FIRST_SCREEN_ROWS); the rest follow once those rows have painted. Counts wait for it.
   */
  complete: boolean;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** Health score and worst signal per account id; null until `insights.portfolio` has answered. */
  insights: ReadonlyMap<string, PortfolioInsight> | null;
  insightsError: string | null;
  /**
   * What the window's first rows brought (startUpListQuery): the health the workspace had kept for
   * them and their setup facts, by account id; their cells show these until `insights` and the
   * facts store have every account's. Null for any other list.
   */
  listed: ListedFacts | null;
  /** Set when an account is opened from the list; the list returns there (and to that row) afterwards. */
  returnPosition: ListPosition | null;
  /** The workspace change counter (`workspace-changes.ts`) when rows and health were last fetched. */
  loadedVersion: number;
  setSearchInput(text: string): void;
  /** Applies a (debounced) search and reloads. */
  applySearch(text: string): Promise<void>;
  toggleSort(key: PortfolioSortKey): Promise<void>;
  /** Sorts by a given column and direction (a saved view's sort). */
  setSort(sort: PortfolioSort): Promise<void>;
  /**
   * Fetches the list again for the current search and sort, e.g. after an account changed; health
   * and signals are worked out again too unless `refreshInsights` is false (search and sort changes).
   */
  reload(options?: { refreshInsights?: boolean }): Promise<void>;
  rememberPosition(position: ListPosition | null): void;
  /**
   * Fetches rows and health again if the workspace changed since (a stream added, metrics imported
   * on an account); health and the rest of the list, once the rows have painted, if the rows came
   * from `startWithEarlyList`.
   */
  refreshIfStale(): Promise<void>;
  /**
   * Takes the start-up list (start-up-calls.ts) if it has already arrived, so the portfolio's first
   * render shows its rows; otherwise the list loads as usual when the portfolio is first shown.
   */
  startWithEarlyList(): void;
}

// Each load gets a number; an answer that arrives after a newer request was sent is dropped,
// so fast typing can never leave an older search's results on screen.
let latestRequest = 0;
/** What the rows taken by startWithEarlyList still need once they have painted (refreshIfStale asks for it). */
let dueAfterPaint: FollowUp | null = null;

export const usePortfolioStore = create<PortfolioState>()((set, get) => ({
  searchInput: '',
  appliedSearch: '',
  sort: INITIAL_SORT,
  accounts: [],
  complete: true,
  status: 'idle',
  error: null,
  insights: null,
  insightsError: null,
  listed: null,
  returnPosition: null,
  loadedVersion: -1,

  setSearchInput(text) {
    set({ searchInput: text });
  },

  rememberPosition(position) {
    set({ returnPosition: position });
  },

  async applySearch(text) {
    if (text === get().appliedSearch && get().status !== 'idle') return;
    set({ appliedSearch: text, returnPosition: null });
    await get().reload({ refreshInsights: false });
  },

  async refreshIfStale() {
    if (get().status === 'idle') return;
    if (get().loadedVersion !== workspaceVersion()) return get().reload();
    const due = dueAfterPaint;
    dueAfterPaint = null;
    if (!due) return;
    await afterNextPaint();
    await followUp(due);
  },

  startWithEarlyList() {
    const { status, appliedSearch, sort } = get();
    if (status !== 'idle' || !isStartUpList(appliedSearch, sort)) return;
    const rows = takeEarlyAnswer('accounts.list', startUpListQuery());
    if (!rows) return;
    const complete = rows.length < FIRST_SCREEN_ROWS;
    set({
      accounts: sortedForDisplay(accountsOf(rows), sort),
      complete,
      status: 'ready',
      error: null,
      loadedVersion: workspaceVersion(),
      listed: listedWith(rows),
    });
    // What is still due is asked for by the screen once these rows have painted (refreshIfStale, on mount).
    dueAfterPaint = { request: ++latestRequest, health: true, rest: !complete };
  },

  async setSort(sort) {
    if (sort.key === get().sort.key && sort.direction === get().sort.direction) return;
    set({ sort, returnPosition: null });
    await get().reload({ refreshInsights: false });
  },

  async toggleSort(key) {
    set({ sort: nextSort(get().sort, key), returnPosition: null });
    await get().reload({ refreshInsights: false });
  },

  async reload({ refreshInsights = true } = {}) {
    const request = ++latestRequest;
    dueAfterPaint = null;
    const { appliedSearch, sort, status } = get();
    set({ status: status === 'ready' ? 'ready' : 'loading' });
    const fresh = refreshInsights || !get().insights;
    if (fresh) set({ loadedVersion: workspaceVersion() });
    // The window's first load asks for its first screen of rows (as start-up.ts did), the rest once they have painted.
    const firstScreen = status === 'idle' && isStartUpList(appliedSearch, sort);
    try {
      // The list first, so its rows paint without waiting for health; health and signals (one
      // request for every account, reused for searches and re-sorts) are asked for once the rows
      // have painted, so their work on the backend's threads does not hold up that paint.
      const listedRows = await callOrTakeEarly('accounts.list', firstScreen ? startUpListQuery() : listQuery(appliedSearch, sort));
      if (request !== latestRequest) return;
      const rows = accountsOf(listedRows);
      const listed = firstScreen ? listedWith(listedRows) : null;
      if (sortNeedsInsights(sort)) {
        const loaded = fresh ? await loadInsights() : get().insights;
        if (request !== latestRequest) return;
        set({ accounts: loaded ? sortByInsights(rows, loaded, sort) : rows, listed, complete: true, insights: loaded ?? get().insights, status: 'ready', error: null });
        return;
      }
      const complete = !firstScreen || rows.length < FIRST_SCREEN_ROWS;
      set({ accounts: sortedForDisplay(rows, sort), listed, complete, status: 'ready', error: null });
      if (!fresh && complete) return;
      await afterNextPaint();
      await followUp({ request, health: fresh, rest: !complete });
    } catch (error) {
      if (request !== latestRequest) return;
      set({ status: 'error', error: errorMessage(error) });
    }
  },
}));

/** What a load still asks for once its rows have painted: health, and the rest of a first screen's list. */
interface FollowUp {
  /** The load it follows: dropped if another has started since. */
  request: number;
  health: boolean;
  rest: boolean;
}

async function followUp({ request, health, rest }: FollowUp): Promise<void> {
  if (request !== latestRequest) return;
  const { appliedSearch, sort } = usePortfolioStore.getState();
  const set = usePortfolioStore.setState;
  // Health first: it is worked out on the backend's threads, so the rest of the list is read meanwhile.
  const insights = health ? loadInsights() : null;
  const remaining = rest ? api.call('accounts.list', listQuery(appliedSearch, sort)) : null;
  await Promise.all([
    insights?.then((loaded) => {
      if (request === latestRequest && loaded) set({ insights: loaded });
    }),
    remaining?.then(
      (rows) => {
        if (request === latestRequest) set({ accounts: sortedForDisplay(rows, sort), complete: true });
      },
      (error: unknown) => {
        if (request === latestRequest) set({ status: 'error', error: errorMessage(error) });
      },
    ),
  ]);
}

/** The accounts of a list's rows, without what a first screen's rows bring besides (see `listed`). */
function accountsOf(rows: AccountListRow[]): AccountSummary[] {
  return rows.map(({ health: _health, setup: _setup, ...account }) => account);
}

/** What a first screen's rows brought (see ListedFacts). */
function listedWith(rows: AccountListRow[]): ListedFacts {
  const health = new Map<string, PortfolioInsight>();
  const setup = new Map<string, PortfolioFacts>();
  for (const row of rows) {
    if (row.health) health.set(row.id, row.health);
    if (row.setup) setup.set(row.id, row.setup);
  }
  return { health, setup };
}

/** The rows in the order the list shows for a sort the backend answers (revenue models are ordered here). */
function sortedForDisplay(rows: AccountSummary[], sort: PortfolioSort): AccountSummary[] {
  return sort.key === 'revenueModels' ? sortByRevenueModels(rows, sort.direction) : rows;
}


/** Health and worst signal per account, or null (with `insightsError` set) when they could not be worked out. */
async function loadInsights(): Promise<ReadonlyMap<string, PortfolioInsight> | null> {
  try {
    const rows = await api.call('insights.portfolio', {});
    usePortfolioStore.setState({ insightsError: null });
    return byAccountId(rows);
  } catch (error) {
    usePortfolioStore.setState({ insightsError: errorMessage(error) });
    return null;
  }
}
