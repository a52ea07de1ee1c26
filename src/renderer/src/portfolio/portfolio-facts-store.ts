import { create } from 'zustand';
import type { PortfolioFacts } from '../../../shared/api/schemas/portfolio-schemas';
import { api } from '../api/client';
import { workspaceVersion } from '../api/workspace-changes';
import { errorMessage } from '../notify';
import { byAccountId } from './by-account-id';

interface PortfolioFactsState {
  /** Contract value, last assessment and deck count per account id; null until loaded. */
  facts: ReadonlyMap<string, PortfolioFacts> | null;
  error: string | null;
  /** The workspace change counter when the facts were fetched. */
  loadedVersion: number;
  /** Fetches the facts unless they are current (nothing changed in the workspace since). */
  refreshIfStale(): Promise<void>;
}

let latestRequest = 0;

/** `portfolio.facts` for the summary strip and the Setup column, fetched apart from the list and health. */
export const usePortfolioFactsStore = create<PortfolioFactsState>()((set, get) => ({
  facts: null,
  error: null,
  loadedVersion: -1,

  async refreshIfStale() {
    const version = workspaceVersion();
    if (get().loadedVersion === version) return;
    const request = ++latestRequest;
    set({ loadedVersion: version });
    try {
      const rows = await api.call('portfolio.facts', {});
      if (request === latestRequest) set({ facts: byAccountId(rows), error: null });
    } catch (error) {
      if (request === latestRequest) set({ error: errorMessage(error), loadedVersion: -1 });
    }
  },
}));

