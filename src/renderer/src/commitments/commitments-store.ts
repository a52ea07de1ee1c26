import { create } from 'zustand';
import type { Commitment, CommitmentPatch } from '../../../shared/api/schemas/commitment-schemas';
import { api } from '../api/client';
import { errorMessage } from '../notify';

/*
 * One account's commitments ledger for the overview: load it, and mark an entry done, slipped or
 * dropped with its outcome. Each change is saved at once and the list read back, so the overdue
 * flags are the backend's.
 */

interface CommitmentsState {
  accountId: string | null;
  commitments: Commitment[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** The entry being saved, so its controls can wait. */
  savingId: string | null;
  saveError: { id: string; message: string } | null;
  load(accountId: string): Promise<void>;
  update(id: string, patch: CommitmentPatch): Promise<void>;
}

export const useCommitmentsStore = create<CommitmentsState>()((set, get) => ({
  accountId: null,
  commitments: [],
  status: 'idle',
  error: null,
  savingId: null,
  saveError: null,

  async load(accountId) {
    if (get().accountId !== accountId) set({ accountId, commitments: [], status: 'loading', error: null, saveError: null });
    try {
      const commitments = await api.call('commitments.list', { accountId });
      if (get().accountId === accountId) set({ commitments, status: 'ready', error: null });
    } catch (error) {
      if (get().accountId === accountId) set({ status: 'error', error: errorMessage(error) });
    }
  },

  async update(id, patch) {
    const accountId = get().accountId;
    if (!accountId) return;
    set({ savingId: id, saveError: null });
    try {
      // The version shown: a change someone saved since is a conflict saying what changed, not overwritten.
      const shown = get().commitments.find((commitment) => commitment.id === id);
      await api.call('commitments.update', { id, patch, ...(shown ? { expectedUpdatedAt: shown.updatedAt } : {}) });
      await get().load(accountId);
    } catch (error) {
      set({ saveError: { id, message: errorMessage(error) } });
    } finally {
      set({ savingId: null });
    }
  },
}));
