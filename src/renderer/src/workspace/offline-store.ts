import { create } from 'zustand';
import type { BringBackPreview, KeepChoice, TakeOutOrigin } from '../../../shared/api/schemas/offline-schemas';
import { api } from '../api/client';
import { errorMessage, notifySuccess } from '../notify';
import { pathProblem } from './path-problem';
import { reloadForWorkspace } from './reload-for-workspace';

/** Offline laptops on the workspace screen: where this file came from, the take-out dialog and the bring-back dialog. */
interface OfflineState {
  /** Where the open workspace was taken out from; null when it was not (or not known yet). */
  origin: TakeOutOrigin | null;
  loadOrigin(): Promise<void>;

  takeOut: { opened: boolean; accountIds: string[]; path: string; pathError: string | null; formError: string | null; busy: boolean; accounts: { value: string; label: string }[] };
  openTakeOut(defaultPath: string): Promise<void>;
  closeTakeOut(): void;
  setTakeOut(patch: Partial<Pick<OfflineState['takeOut'], 'accountIds' | 'path'>>): void;
  takeOutNow(): Promise<boolean>;

  bringBack: {
    opened: boolean;
    path: string;
    pathError: string | null;
    formError: string | null;
    busy: 'previewing' | 'applying' | null;
    preview: BringBackPreview | null;
    /** Keep mine / keep theirs per conflict, by row key. */
    choices: Record<string, KeepChoice>;
  };
  openBringBack(): void;
  closeBringBack(): void;
  setBringBackPath(path: string): void;
  previewBringBack(): Promise<void>;
  choose(key: string, choice: KeepChoice): void;
  chooseAll(choice: KeepChoice): void;
  bringBackNow(): Promise<boolean>;
}

const TAKE_OUT_CLOSED = { opened: false, accountIds: [], path: '', pathError: null, formError: null, busy: false, accounts: [] };
const BRING_BACK_CLOSED = { opened: false, path: '', pathError: null, formError: null, busy: null, preview: null, choices: {} };

export const useOfflineStore = create<OfflineState>()((set, get) => ({
  origin: null,
  async loadOrigin() {
    try {
      set({ origin: await api.call('offline.origin', {}) });
    } catch {
      set({ origin: null });
    }
  },

  takeOut: TAKE_OUT_CLOSED,
  async openTakeOut(defaultPath) {
    set({ takeOut: { ...TAKE_OUT_CLOSED, opened: true, path: defaultPath } });
    try {
      const accounts = await api.call('accounts.list', {});
      set((state) => ({ takeOut: { ...state.takeOut, accounts: accounts.map((a) => ({ value: a.id, label: a.name })) } }));
    } catch (error) {
      set((state) => ({ takeOut: { ...state.takeOut, formError: errorMessage(error) } }));
    }
  },
  closeTakeOut() {
    if (get().takeOut.busy) return;
    set({ takeOut: TAKE_OUT_CLOSED });
  },
  setTakeOut(patch) {
    set((state) => ({ takeOut: { ...state.takeOut, ...patch, pathError: patch.path !== undefined ? null : state.takeOut.pathError, formError: null } }));
  },
  async takeOutNow() {
    const { takeOut } = get();
    if (takeOut.busy) return false;
    const problem = pathProblem(takeOut.path);
    if (problem) {
      set({ takeOut: { ...takeOut, pathError: problem } });
      return false;
    }
    if (takeOut.accountIds.length === 0) {
      set({ takeOut: { ...takeOut, formError: 'Choose at least one account to take out.' } });
      return false;
    }
    set({ takeOut: { ...takeOut, busy: true, formError: null } });
    try {
      const result = await api.call('offline.takeOut', { accountIds: takeOut.accountIds, path: takeOut.path.trim() });
      set({ takeOut: TAKE_OUT_CLOSED });
      notifySuccess(
        `Took ${result.counts.accounts} account${result.counts.accounts === 1 ? '' : 's'} offline`,
        `Open ${result.path} to work on them; bring the changes back from this workspace with "Bring back a laptop file".`,
      );
      return true;
    } catch (error) {
      const message = errorMessage(error);
      const onPath = (error as { details?: { field?: string } }).details?.field === 'path';
      set((state) => ({ takeOut: { ...state.takeOut, busy: false, pathError: onPath ? message : null, formError: onPath ? null : message } }));
      return false;
    }
  },

  bringBack: BRING_BACK_CLOSED,
  openBringBack() {
    set({ bringBack: { ...BRING_BACK_CLOSED, opened: true } });
  },
  closeBringBack() {
    if (get().bringBack.busy === 'applying') return;
    set({ bringBack: BRING_BACK_CLOSED });
  },
  setBringBackPath(path) {
    set((state) => ({ bringBack: { ...state.bringBack, path, pathError: null, formError: null, preview: null, choices: {} } }));
  },
  async previewBringBack() {
    const { bringBack } = get();
    if (bringBack.busy) return;
    const problem = pathProblem(bringBack.path);
    if (problem) {
      set({ bringBack: { ...bringBack, pathError: problem } });
      return;
    }
    set({ bringBack: { ...bringBack, busy: 'previewing', pathError: null, formError: null, preview: null, choices: {} } });
    try {
      const preview = await api.call('offline.previewBringBack', { path: bringBack.path.trim() });
      set((state) => ({ bringBack: { ...state.bringBack, busy: null, preview } }));
    } catch (error) {
      set((state) => ({ bringBack: { ...state.bringBack, busy: null, pathError: errorMessage(error) } }));
    }
  },
  choose(key, choice) {
    set((state) => ({ bringBack: { ...state.bringBack, formError: null, choices: { ...state.bringBack.choices, [key]: choice } } }));
  },
  chooseAll(choice) {
    const conflicts = get().bringBack.preview?.rows.filter((row) => row.status === 'conflict') ?? [];
    set((state) => ({ bringBack: { ...state.bringBack, formError: null, choices: Object.fromEntries(conflicts.map((row) => [row.key, choice])) } }));
  },
  async bringBackNow() {
    const { bringBack } = get();
    if (bringBack.busy || !bringBack.preview) return false;
    set({ bringBack: { ...bringBack, busy: 'applying', formError: null } });
    try {
      const result = await api.call('offline.bringBack', { path: bringBack.path.trim(), expectedFingerprint: bringBack.preview.fingerprint, resolutions: bringBack.choices });
      set({ bringBack: BRING_BACK_CLOSED });
      notifySuccess(
        'Changes brought back',
        `${result.written} rows written, ${result.removed} removed; kept yours for ${result.keptMine} conflict${result.keptMine === 1 ? '' : 's'} and theirs for ${result.keptTheirs}.`,
      );
      await reloadForWorkspace({ goToPortfolio: false });
      return true;
    } catch (error) {
      set((state) => ({ bringBack: { ...state.bringBack, busy: null, formError: errorMessage(error) } }));
      return false;
    }
  },
}));
