import { create } from 'zustand';
import type { AppInfo } from '../../../shared/api/schemas/app-schemas';
import { api, ApiClientError } from '../api/client';
import { errorMessage } from '../notify';

/** The screens of the app frame; the account screen and the assessment wizard carry which account (and quarter) they show. */
export type Screen =
  | { name: 'portfolio' }
  | { name: 'account'; accountId: string }
  | { name: 'wizard'; accountId: string; quarter: string }
  | { name: 'settings' }
  | { name: 'workspace' };

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
  /** Asks the backend who it is (version, workspace, first run); called at start and after onboarding. */
  load(): Promise<void>;
  navigate(screen: Screen): void;
}

export const useAppStore = create<AppState>()((set) => ({
  status: 'loading',
  info: null,
  startupError: null,
  screen: { name: 'portfolio' },
  focusOnArrival: false,

  async load() {
    try {
      const info = await api.call('app.info', {});
      set({ status: 'ready', info, startupError: null });
    } catch (error) {
      const noWorkspace = error instanceof ApiClientError && error.code === 'workspace_not_open';
      set({ status: noWorkspace ? 'workspace-problem' : 'unreachable', info: null, startupError: errorMessage(error) });
    }
  },

  navigate(screen) {
    set({ screen, focusOnArrival: true });
  },
}));
