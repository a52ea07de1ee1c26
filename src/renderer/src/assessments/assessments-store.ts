import { create } from 'zustand';
import type { AssessmentRecord, AssessmentSummary } from '../../../shared/api/schemas/assessment-schemas';
import { api } from '../api/client';
import { errorMessage } from '../notify';

interface AssessmentsState {
  accountId: string | null;
  /** Newest quarter first. */
  history: AssessmentSummary[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** The quarter open in the Assessments tab, with its full record once loaded. */
  openQuarter: string | null;
  openRecord: AssessmentRecord | null;
  openStatus: 'idle' | 'loading' | 'ready' | 'error';
  /** The newest final assessment, for the overview. */
  latestFinal: AssessmentRecord | null;
  load(accountId: string): Promise<void>;
  open(quarter: string | null): Promise<void>;
}

let latestRequest = 0;
let latestOpen = 0;

/** An account's assessment history and the one being read. */
export const useAssessmentsStore = create<AssessmentsState>()((set, get) => ({
  accountId: null,
  history: [],
  status: 'idle',
  error: null,
  openQuarter: null,
  openRecord: null,
  openStatus: 'idle',
  latestFinal: null,

  async load(accountId) {
    const request = ++latestRequest;
    const same = get().accountId === accountId;
    set({
      accountId,
      status: same && get().status === 'ready' ? 'ready' : 'loading',
      error: null,
      ...(same ? {} : { history: [], latestFinal: null, openQuarter: null, openRecord: null, openStatus: 'idle' as const }),
    });
    try {
      const history = await api.call('assessments.list', { accountId });
      const newestFinal = history.find((entry) => entry.status === 'final');
      const latestFinal = newestFinal ? await api.call('assessments.get', { accountId, quarter: newestFinal.quarter }) : null;
      if (request !== latestRequest) return;
      set({ history, latestFinal, status: 'ready' });
      const { openQuarter } = get();
      if (openQuarter) void get().open(openQuarter);
    } catch (error) {
      if (request !== latestRequest) return;
      set({ status: 'error', error: errorMessage(error) });
    }
  },

  async open(quarter) {
    const request = ++latestOpen;
    const { accountId } = get();
    if (!quarter || !accountId) {
      set({ openQuarter: null, openRecord: null, openStatus: 'idle' });
      return;
    }
    set({ openQuarter: quarter, openStatus: get().openRecord?.quarter === quarter ? 'ready' : 'loading' });
    try {
      const record = await api.call('assessments.get', { accountId, quarter });
      if (request !== latestOpen) return;
      set({ openRecord: record, openStatus: 'ready' });
    } catch {
      if (request !== latestOpen) return;
      set({ openRecord: null, openStatus: 'error' });
    }
  },
}));
