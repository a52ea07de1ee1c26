import { create } from 'zustand';
import type { AuditEntry } from '../../../shared/api/schemas/audit-schemas';
import { api } from '../api/client';
import { errorMessage } from '../notify';

/** How many entries one page of the activity list shows. */
export const ACTIVITY_PAGE_SIZE = 50;

interface ActivityState {
  /** The account whose activity is shown; null for the whole workspace. */
  accountId: string | null;
  entries: AuditEntry[];
  hasMore: boolean;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** Loads the newest page for an account (or, with null, the whole workspace). */
  load(accountId: string | null): Promise<void>;
  /** Appends the next page. */
  loadMore(): Promise<void>;
}

let latestRequest = 0;

/** The audit log as the Activity views show it: newest first, a page at a time. */
export const useActivityStore = create<ActivityState>()((set, get) => ({
  accountId: null,
  entries: [],
  hasMore: false,
  status: 'idle',
  error: null,

  async load(accountId) {
    const request = ++latestRequest;
    const same = get().accountId === accountId && get().status === 'ready';
    set({ accountId, status: same ? 'ready' : 'loading', error: null, ...(same ? {} : { entries: [], hasMore: false }) });
    try {
      const page = await api.call('audit.list', { ...(accountId ? { accountId } : {}), limit: ACTIVITY_PAGE_SIZE });
      if (request !== latestRequest) return;
      set({ entries: page.entries, hasMore: page.hasMore, status: 'ready' });
    } catch (error) {
      if (request !== latestRequest) return;
      set({ status: 'error', error: errorMessage(error) });
    }
  },

  async loadMore() {
    const { accountId, entries } = get();
    const request = ++latestRequest;
    try {
      const page = await api.call('audit.list', { ...(accountId ? { accountId } : {}), limit: ACTIVITY_PAGE_SIZE, offset: entries.length });
      if (request !== latestRequest) return;
      set({ entries: [...entries, ...page.entries], hasMore: page.hasMore });
    } catch (error) {
      if (request !== latestRequest) return;
      set({ error: errorMessage(error) });
    }
  },
}));
