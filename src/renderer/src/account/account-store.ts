import { create } from 'zustand';
import type { Account } from '../../../shared/api/schemas/account-schemas';
import type { RevenueModelKey } from '../../../shared/framework/keys';
import { api, ApiClientError } from '../api/client';
import { errorMessage } from '../notify';

interface AccountState {
  accountId: string | null;
  account: Account | null;
  /** The models of the account's revenue streams, from its portfolio summary. */
  revenueModels: RevenueModelKey[];
  status: 'idle' | 'loading' | 'ready' | 'not_found' | 'error';
  error: string | null;
  load(accountId: string): Promise<void>;
}

let latestRequest = 0;

export const useAccountStore = create<AccountState>()((set, get) => ({
  accountId: null,
  account: null,
  revenueModels: [],
  status: 'idle',
  error: null,

  async load(accountId) {
    const request = ++latestRequest;
    const sameAccount = get().accountId === accountId && get().account !== null;
    set({ accountId, status: sameAccount ? 'ready' : 'loading', error: null, ...(sameAccount ? {} : { account: null, revenueModels: [] }) });
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
