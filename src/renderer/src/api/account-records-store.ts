import { errorMessage } from '../notify';
import { ApiClientError } from './client';

/*
 * The list-and-form logic shared by the stores that hold one kind of record per account (goals,
 * stakeholders, revenue streams): load the account's list, open the add/edit form, save it and
 * reload. Each store keeps its own validation, field mapping and API calls.
 */

export type AccountRecordsStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The add/edit form of one record kind. */
export interface RecordEditor<R, V, E> {
  opened: boolean;
  /** The record being edited, or null when adding one. */
  editing: R | null;
  values: V;
  fieldErrors: E;
  /** A problem no field could show, for an alert above the form. */
  formError: string | null;
  submitting: boolean;
}

/** What every per-account records store holds besides its list. */
interface AccountRecordsCommon<R, V, E> {
  accountId: string | null;
  status: AccountRecordsStatus;
  error: string | null;
  editor: RecordEditor<R, V, E>;
}

/**
 * The state and actions `accountRecordsStore` gives a store; `K` names its list, e.g. `'goals'`.
 * A store's state interface extends this and adds its own form actions.
 */
export type AccountRecordsState<K extends string, R, V, E> = AccountRecordsCommon<R, V, E> &
  Record<K, R[]> & {
    /** Loads an account's list; a reload of the same account keeps showing the current list. */
    load(accountId: string): Promise<void>;
    openCreate(): void;
    /** Closes the form, unless a save is running. */
    closeEditor(): void;
  };

interface AccountRecordsOptions<K extends string, R, V> {
  /** The state field that holds the list. */
  listKey: K;
  /** Fetches an account's records. */
  list(accountId: string): Promise<R[]>;
  /** The form's values when adding a record. */
  emptyValues: V;
}

/**
 * The shared half of a per-account records store, built inside zustand's `create`.
 *
 * @example
 * create<GoalsState>()((set, get) => {
 *   const records = accountRecordsStore(set, get, { listKey: 'goals', list: (accountId) => api.call('goals.list', { accountId }), emptyValues: EMPTY_VALUES });
 *   return { ...records.base, setValue: records.setValue, openEdit(goal) { ... }, ... };
 * });
 */
export function accountRecordsStore<K extends string, R, V, E extends Record<string, string | undefined>>(
  set: (patch: Partial<AccountRecordsCommon<R, V, E>> | Partial<Record<K, R[]>>) => void,
  get: () => AccountRecordsCommon<R, V, E> & { load(accountId: string): Promise<void> },
  { listKey, list, emptyValues }: AccountRecordsOptions<K, R, V>,
) {
  const closedEditor: RecordEditor<R, V, E> = { opened: false, editing: null, values: emptyValues, fieldErrors: {} as E, formError: null, submitting: false };
  const listPatch = (records: R[]) => ({ [listKey]: records }) as Partial<Record<K, R[]>>;
  // Only the newest load may write: switching accounts quickly must not show the previous account's list.
  let latestRequest = 0;

  const base = {
    accountId: null,
    status: 'idle',
    error: null,
    editor: closedEditor,
    [listKey]: [],

    async load(accountId: string): Promise<void> {
      const request = ++latestRequest;
      const same = get().accountId === accountId;
      set({ accountId, status: same && get().status === 'ready' ? 'ready' : 'loading', error: null, ...(same ? {} : listPatch([])) });
      try {
        const records = await list(accountId);
        if (request !== latestRequest) return;
        set({ ...listPatch(records), status: 'ready' });
      } catch (error) {
        if (request !== latestRequest) return;
        set({ status: 'error', error: errorMessage(error) });
      }
    },

    openCreate(): void {
      set({ editor: { ...closedEditor, opened: true } });
    },

    closeEditor(): void {
      if (get().editor.submitting) return;
      set({ editor: { ...get().editor, opened: false } });
    },
  } as AccountRecordsState<K, R, V, E>;

  return {
    /** The initial state plus `load`, `openCreate` and `closeEditor`, to spread into the store. */
    base,

    /** Opens the form on `record`, showing it as `values`. */
    openEdit(record: R, values: V): void {
      set({ editor: { ...closedEditor, opened: true, editing: record, values } });
    },

    /** Changes one form value and clears that field's error. */
    setValue<F extends keyof V>(field: F, value: V[F]): void {
      const { editor } = get();
      set({ editor: { ...editor, values: { ...editor.values, [field]: value }, fieldErrors: { ...editor.fieldErrors, [field]: undefined } } });
    },

    /**
     * Runs `write` for the open form: on success closes the form and reloads `accountId`'s list; on
     * failure shows `placeError(error)` on the form. Returns the saved record, or null on failure.
     */
    async save<T>(accountId: string, write: () => Promise<T>, placeError: (error: unknown) => Pick<RecordEditor<R, V, E>, 'fieldErrors' | 'formError'>): Promise<T | null> {
      set({ editor: { ...get().editor, submitting: true, formError: null } });
      try {
        const saved = await write();
        set({ editor: { ...get().editor, submitting: false, opened: false } });
        await get().load(accountId);
        return saved;
      } catch (error) {
        set({ editor: { ...get().editor, submitting: false, ...placeError(error) } });
        // Someone saved this record since the form opened: fetch the list again, so the form opened
        // next starts from their version (this form keeps the user's typing and the message).
        if (isStaleVersion(error)) await get().load(accountId);
        return null;
      }
    },

    /** Waits for `change` (a delete or re-create), then reloads `accountId`'s list; returns what `change` returned. */
    async thenReload<T>(accountId: string, change: Promise<T>): Promise<T> {
      const result = await change;
      await get().load(accountId);
      return result;
    },
  };
}

/** True for the `conflict` of a write made on a version someone has since changed. */
export function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiClientError && error.code === 'conflict' && (error.details as { reason?: unknown } | undefined)?.reason === 'stale_version';
}
