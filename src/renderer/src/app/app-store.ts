import { create } from 'zustand';
import type { AppInfo } from '../../../shared/api/schemas/app-schemas';
import { api } from '../api/client';
import { errorMessage } from '../notify';

/** The screens of the app frame; the account screen and the assessment wizard carry which account (and quarter) they show. */
export type Screen =
  | { name: 'portfolio' }
  | { name: 'account'; accountId: string }
  | { name: 'wizard'; accountId: string; quarter: string }
  | { name: 'settings' };

interface AppState {
  /** `unreachable`: the first call to the backend failed, so nothing else can work. */
  status: 'loading' | 'ready' | 'unreachable';
  info: AppInfo | null;
  startupError: string | null;
  screen: Screen;
  /** Asks the backend who it is (version, workspace, first run); called at start and after onboarding. */
  load(): Promise<void>;
  navigate(screen: Screen): void;
}

export const useAppStore = create<AppState>()((set) => ({
  status: 'loading',
  info: null,
  startupError: null,
  screen: { name: 'portfolio' },

  async load() {
    try {
      const info = await api.call('app.info', {});
      set({ status: 'ready', info, startupError: null });
    } catch (error) {
      set({ status: 'unreachable', info: null, startupError: errorMessage(error) });
    }
  },

  navigate(screen) {
    set({ screen });
  },
}));
