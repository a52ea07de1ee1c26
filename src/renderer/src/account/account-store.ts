import { create } from 'zustand';
import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import type { RevenueModelKey } from '../../../shared/framework/keys';
import { api, ApiClientError } from '../api/client';
import { errorMessage } from '../notify';

/** The tabs of the account workspace. */
export type AccountTab = 'overview' | 'streams' | 'stakeholders' | 'goals' | 'metrics' | 'assessments' | 'decks' | 'activity';

interface AccountState {
  accountId: string | null;
  account: AccountSummary | null;
  /** The models of the account's revenue streams, from its portfolio summary. */
  revenueModels: RevenueModelKey[];
  status: 'idle' | 'loading' | 'ready' | 'not_found' | 'error';
  error: string | null;
  /** The workspace tab showing; kept while the wizard is open so coming back lands on the same tab. */
  tab: AccountTab;
  load(accountId: string): Promise<void>;
  showTab(tab: AccountTab): void;
}

let latestRequest = 0;

export const useAccountStore = create<AccountState>()((set, get) => ({
  accountId: null,
  account: null,
  revenueModels: [],
  status: 'idle',
  error: null,
  tab: 'overview',

  showTab(tab) {
    set({ tab });
  },

  async load(accountId) {
    const request = ++latestRequest;
    const sameAccount = get().accountId === accountId && get().account !== null;
    set({
      accountId,
      status: sameAccount ? 'ready' : 'loading',
      error: null,
      ...(sameAccount ? {} : { account: null, revenueModels: [], tab: get().accountId === accountId ? get().tab : ('overview' as const) }),
    });
    try {
      const account = await api.call('accounts.get', { id: accountId });
      if (request !== latestRequest) return;
      set({ account, revenueModels: account.revenueModels, status: 'ready' });
    } catch (error) {
      if (request !== latestRequest) return;
      const notFound = error instanceof ApiClientError && error.code === 'not_found';
      set({ status: notFound ? 'not_found' : 'error', error: errorMessage(error), account: null });
    }
  },
}));
