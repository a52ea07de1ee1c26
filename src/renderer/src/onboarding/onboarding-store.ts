import { create } from 'zustand';
import { api } from '../api/client';
import { useAppStore } from '../app/app-store';
import { errorMessage, notifySuccess } from '../notify';

export type OnboardingChoice = 'demo' | 'empty';

interface OnboardingState {
  /** The choice being carried out, so its button shows progress and the other is disabled. */
  pending: OnboardingChoice | null;
  error: string | null;
  choose(choice: OnboardingChoice): Promise<void>;
}

export const useOnboardingStore = create<OnboardingState>()((set, get) => ({
  pending: null,
  error: null,

  async choose(choice) {
    if (get().pending) return;
    set({ pending: choice, error: null });
    try {
      const result = await api.call('app.completeOnboarding', { choice });
      if (result.demo) {
        notifySuccess('Demo portfolio loaded', `${result.demo.accountsCreated} fictional accounts are ready to explore.`);
      }
      await useAppStore.getState().load();
      set({ pending: null });
    } catch (error) {
      set({ pending: null, error: errorMessage(error) });
    }
  },
}));
