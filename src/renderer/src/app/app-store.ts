import { create } from 'zustand';
import type { AppInfo } from '../../../shared/api/schemas/app-schemas';
import { ApiClientError } from '../api/client';
import { callOrTakeEarly, takeEarlyAnswer } from '../api/start-up-calls';
import { errorMessage } from '../notify';

/** The screens of the app frame; the account screen and the assessment wizard carry which account (and quarter) they show. */
export type Screen =
  | { name: 'portfolio' }
  | { name: 'account'; accountId: string }
  | { name: 'wizard'; accountId: string; quarter: string }
  | { name: 'settings' }
  | { name: 'workspace' }
  | { name: 'activity' };

/** A screen with edits that are not saved yet; it says which, and can save or drop them. */
export interface LeaveGuard {
  /** Sections with unsaved changes, e.g. ['General', 'Deck brand']; empty when everything is saved. */
  unsavedSections(): string[];
  /** Saves every unsaved section; false when one was refused (its errors are on its fields). */
  save(): Promise<boolean>;
  /** Drops the unsaved edits. */
  discard(): void;
}

interface AppState {
  /**
   * `unreachable`: the first call to the backend failed, so nothing else can work.
   * `workspace-problem`: the backend answers but no workspace is open (the last one is damaged,
   * newer than this app, or not a workspace); only the workspace methods work until one is.
   */
  status: 'loading' | 'ready' | 'unreachable' | 'workspace-problem';
  info: AppInfo | null;
  startupError: string | null;
  screen: Screen;
  /**
   * Set by every navigation: the next screen's heading takes focus once it is shown (`ScreenTitle`),
   * so keyboard and screen-reader users land on the new screen instead of the page body.
   */
  focusOnArrival: boolean;
  /** The screen showing registers this while it has edits that navigation would lose (Settings). */
  leaveGuard: LeaveGuard | null;
  /** Where the user asked to go while the guard had unsaved sections; the app asks what to do first. */
  pendingScreen: Screen | null;
  /** Asks the backend who it is (version, workspace, first run); called at start and after onboarding. */
  load(): Promise<void>;
  /**
   * Takes `app.info` from the start-up calls (start-up-calls.ts) if it has already arrived, so the
   * first render shows the app instead of "Opening your workspace…"; otherwise `load` asks at start.
   */
  startWithEarlyInfo(): void;
  /** Shows `screen`, unless the current screen has unsaved edits: then it asks first (`pendingScreen`). */
  navigate(screen: Screen): void;
  setLeaveGuard(guard: LeaveGuard | null): void;
  /** Answers the unsaved-changes question: save then go, go without saving, or stay. */
  resolvePendingNavigation(choice: 'save' | 'discard' | 'stay'): Promise<void>;
}

export const useAppStore = create<AppState>()((set, get) => ({
  status: 'loading',
  info: null,
  startupError: null,
  screen: { name: 'portfolio' },
  focusOnArrival: false,
  leaveGuard: null,
  pendingScreen: null,

  async load() {
    try {
      const info = await callOrTakeEarly('app.info', {});
      set({ status: 'ready', info, startupError: null });
    } catch (error) {
      const noWorkspace = error instanceof ApiClientError && error.code === 'workspace_not_open';
      set({ status: noWorkspace ? 'workspace-problem' : 'unreachable', info: null, startupError: errorMessage(error) });
    }
  },

  startWithEarlyInfo() {
    if (get().status !== 'loading') return;
    const info = takeEarlyAnswer('app.info', {});
    if (info) set({ status: 'ready', info, startupError: null });
  },

  navigate(screen) {
    const guard = get().leaveGuard;
    if (guard && guard.unsavedSections().length > 0) {
      set({ pendingScreen: screen });
      return;
    }
    set({ screen, focusOnArrival: true, pendingScreen: null });
  },

  setLeaveGuard(guard) {
    set({ leaveGuard: guard });
  },

  async resolvePendingNavigation(choice) {
    const { pendingScreen, leaveGuard } = get();
    if (!pendingScreen) return;
    if (choice === 'stay') {
      set({ pendingScreen: null });
      return;
    }
    if (choice === 'save' && leaveGuard && !(await leaveGuard.save())) {
      set({ pendingScreen: null });
      return;
    }
    if (choice === 'discard') leaveGuard?.discard();
    set({ screen: pendingScreen, focusOnArrival: true, pendingScreen: null, leaveGuard: null });
  },
}));
