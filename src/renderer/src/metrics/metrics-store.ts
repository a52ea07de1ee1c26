import { create } from 'zustand';
import type { ApiOutput } from '../../../shared/api/contract';
import type { RevenueStream } from '../../../shared/api/schemas/stream-schemas';
import type { RevenueModelKey } from '../../../shared/framework/keys';
import { api, ApiClientError } from '../api/client';
import { errorMessage } from '../notify';
import { entryMetrics, monthValuesChanges, valueText } from './month-values-draft';

export type AccountInsightsView = ApiOutput<'insights.account'>;

/** The month-values form: one stream (or '' for account level) and one month. */
export interface MonthEntry {
  opened: boolean;
  streamId: string;
  month: string;
  /** Field text per metric key. */
  texts: Record<string, string>;
  /** What is stored for this stream and month, to pre-fill and to tell edits from removals. */
  stored: Record<string, number>;
  /** Account-level values for the month, shown as hints when a stream is chosen. */
  accountLevel: Record<string, number>;
  loading: boolean;
  saving: boolean;
  fieldErrors: Record<string, string>;
  formError: string | null;
}

const closedEntry: MonthEntry = { opened: false, streamId: '', month: '', texts: {}, stored: {}, accountLevel: {}, loading: false, saving: false, fieldErrors: {}, formError: null };

interface MetricsState {
  accountId: string | null;
  insights: AccountInsightsView | null;
  streams: RevenueStream[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  entry: MonthEntry;
  /** Loads KPIs, health, signals and the account's streams. */
  load(accountId: string): Promise<void>;
  openEntry(streamId?: string, month?: string): Promise<void>;
  /** Switches the form to another stream or month and pre-fills what is stored there. */
  chooseEntryScope(streamId: string, month: string): Promise<void>;
  setEntryText(metricKey: string, text: string): void;
  closeEntry(): void;
  /** Checks and saves the form; returns what was written, or null when it was refused (errors are on the form). */
  saveEntry(): Promise<{ written: number; removed: number } | null>;
}

let latestLoad = 0;
let latestScope = 0;

/** The metrics panel of one account: insights (`insights.account`) and the month-values form (`metrics.saveMonth`). */
export const useMetricsStore = create<MetricsState>()((set, get) => ({
  accountId: null,
  insights: null,
  streams: [],
  status: 'idle',
  error: null,
  entry: closedEntry,

  async load(accountId) {
    const request = ++latestLoad;
    const same = get().accountId === accountId && get().status === 'ready';
    set({ accountId, status: same ? 'ready' : 'loading', error: null, ...(same ? {} : { insights: null, streams: [], entry: closedEntry }) });
    try {
      const [insights, streams] = await Promise.all([api.call('insights.account', { accountId }), api.call('streams.list', { accountId })]);
      if (request !== latestLoad) return;
      set({ insights, streams, status: 'ready' });
    } catch (error) {
      if (request !== latestLoad) return;
      set({ status: 'error', error: errorMessage(error) });
    }
  },

  async openEntry(streamId, month) {
    const { insights, streams } = get();
    set({ entry: { ...closedEntry, opened: true } });
    await get().chooseEntryScope(streamId ?? streams[0]?.id ?? '', month ?? insights?.month ?? '');
  },

  async chooseEntryScope(streamId, month) {
    const { accountId } = get();
    const request = ++latestScope;
    set((state) => ({ entry: { ...state.entry, streamId, month, loading: true, fieldErrors: {}, formError: null } }));
    if (!accountId || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      set((state) => ({ entry: { ...state.entry, texts: {}, stored: {}, accountLevel: {}, loading: false } }));
      return;
    }
    try {
      const rows = await api.call('metrics.list', { accountId, fromMonth: month, toMonth: month });
      if (request !== latestScope) return;
      const stored: Record<string, number> = {};
      const accountLevel: Record<string, number> = {};
      for (const row of rows) {
        if (row.streamId === streamId) stored[row.metricKey] = row.value;
        if (row.streamId === '') accountLevel[row.metricKey] = row.value;
      }
      const texts = Object.fromEntries(Object.entries(stored).map(([key, value]) => [key, valueText(value)]));
      set((state) => ({ entry: { ...state.entry, texts, stored, accountLevel, loading: false } }));
    } catch (error) {
      if (request !== latestScope) return;
      set((state) => ({ entry: { ...state.entry, loading: false, formError: errorMessage(error) } }));
    }
  },

  setEntryText(metricKey, text) {
    set((state) => {
      const { [metricKey]: _, ...fieldErrors } = state.entry.fieldErrors;
      return { entry: { ...state.entry, texts: { ...state.entry.texts, [metricKey]: text }, fieldErrors } };
    });
  },

  closeEntry() {
    latestScope++;
    set({ entry: closedEntry });
  },

  async saveEntry() {
    const { accountId, entry } = get();
    if (!accountId) return null;
    const model = entryStreamModel(get().streams, entry.streamId);
    const changes = monthValuesChanges(entryMetrics(model, accountModels(get().streams)), entry.texts, entry.stored, model);
    if (Object.keys(changes.errors).length > 0) {
      set({ entry: { ...entry, fieldErrors: changes.errors, formError: 'Some values cannot be saved; see the fields marked below.' } });
      return null;
    }
    set({ entry: { ...entry, saving: true, formError: null } });
    try {
      const result = await api.call('metrics.saveMonth', { accountId, streamId: entry.streamId, month: entry.month, values: changes.values });
      set({ entry: closedEntry });
      void get().load(accountId);
      return result;
    } catch (error) {
      set((state) => ({ entry: { ...state.entry, saving: false, ...placeSaveError(error) } }));
      return null;
    }
  },
}));

/** The model of the chosen stream, or null for account-level values. */
export function entryStreamModel(streams: readonly RevenueStream[], streamId: string): RevenueModelKey | null {
  return streams.find((stream) => stream.id === streamId)?.revenueModel ?? null;
}

export function accountModels(streams: readonly RevenueStream[]): RevenueModelKey[] {
  return [...new Set(streams.map((stream) => stream.revenueModel))];
}

/** The backend lists refused values as `details.errors: [{ metricKey, message }]`; they go next to their fields. */
function placeSaveError(error: unknown): Pick<MonthEntry, 'fieldErrors' | 'formError'> {
  const details = error instanceof ApiClientError ? (error.details as { errors?: { metricKey?: unknown; message?: unknown }[] } | undefined) : undefined;
  const fieldErrors: Record<string, string> = {};
  for (const item of details?.errors ?? []) {
    if (typeof item.metricKey === 'string' && typeof item.message === 'string') fieldErrors[item.metricKey] = item.message;
  }
  return { fieldErrors, formError: Object.keys(fieldErrors).length > 0 ? 'Nothing was saved; see the fields marked below.' : errorMessage(error) };
}
