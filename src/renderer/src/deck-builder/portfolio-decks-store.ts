import { create } from 'zustand';
import type { PortfolioExportProgress } from '../../../shared/api/schemas/deck-schemas';
import type { DeckType } from '../../../shared/deck-plan/deck-plan-types';
import type { ArchetypeKey } from '../../../shared/framework/keys';
import { api } from '../api/client';
import { missingFolderOf } from '../api/missing-folder';
import { noteWorkspaceChanged } from '../api/workspace-changes';
import { errorMessage } from '../notify';
import { defaultDeckQuarter } from './deck-quarters';

/*
 * The portfolio action: one deck per live account written into a folder by a background job,
 * polled for progress until it ends, with what was written and what failed (and why).
 */

/** How often the dialog asks the job where it is. */
const POLL_INTERVAL_MS = 400;

export type PortfolioAudienceMode = 'auto' | 'chosen';

interface PortfolioDecksState {
  opened: boolean;
  audienceMode: PortfolioAudienceMode;
  audience: ArchetypeKey[];
  deckType: DeckType;
  quarter: string;
  outDir: string;
  overwrite: boolean;
  /** Names of the accounts the job covers, in the order it writes them, for per-account status. */
  accounts: { id: string; name: string }[];
  jobId: string | null;
  progress: PortfolioExportProgress | null;
  starting: boolean;
  cancelling: boolean;
  /** Why the job could not start (bad folder, no accounts); shown in the form. */
  error: string | null;
  /** The folder the export was refused for because it does not exist yet; the dialog offers to create it. */
  missingFolder: string | null;

  open(options: { today: string; filesFolder: string | null }): void;
  close(): void;
  set(patch: Partial<Pick<PortfolioDecksState, 'audienceMode' | 'audience' | 'deckType' | 'quarter' | 'outDir' | 'overwrite'>>): void;
  /** Starts the job; `createFolder` creates a missing output folder first. */
  start(createFolder?: boolean): Promise<void>;
  cancel(): Promise<void>;
  /** Back to the form after a finished job, keeping the choices. */
  again(): void;
}

let pollTimer: ReturnType<typeof setTimeout> | null = null;
const stopPolling = () => {
  if (pollTimer) clearTimeout(pollTimer);
  pollTimer = null;
};

export const usePortfolioDecksStore = create<PortfolioDecksState>()((set, get) => {
  const poll = async (jobId: string) => {
    try {
      const progress = await api.call('decks.jobProgress', { jobId });
      if (get().jobId !== jobId) return;
      set({ progress, ...(progress.state !== 'running' ? { cancelling: false } : {}) });
      if (progress.state === 'running') pollTimer = setTimeout(() => void poll(jobId), POLL_INTERVAL_MS);
      // The job recorded decks as it went; screens not in view refresh when shown.
      else if (progress.written.length > 0) noteWorkspaceChanged();
    } catch (error) {
      if (get().jobId !== jobId) return;
      const last = get().progress;
      set({ progress: { ...(last ?? { quarter: get().quarter ?? '', total: 0, done: 0, written: [], failed: [] }), state: 'failed', error: errorMessage(error) }, cancelling: false });
    }
  };

  return {
    opened: false,
    audienceMode: 'auto',
    audience: [],
    deckType: 'qbr',
    quarter: '',
    outDir: '',
    overwrite: false,
    accounts: [],
    jobId: null,
    progress: null,
    starting: false,
    cancelling: false,
    error: null,
    missingFolder: null,

    open({ today, filesFolder }) {
      const running = get().progress?.state === 'running';
      set({
        opened: true,
        ...(running ? {} : { quarter: get().quarter || defaultDeckQuarter(today), error: null }),
        ...(get().outDir || !filesFolder ? {} : { outDir: filesFolder }),
      });
    },

    close() {
      // A running job keeps going in the background; reopening the dialog shows it again.
      set({ opened: false });
    },

    set(patch) {
      set({ ...patch, error: null, missingFolder: null });
    },

    async start(createFolder = false) {
      const { audienceMode, audience, deckType, quarter, outDir, overwrite } = get();
      if (audienceMode === 'chosen' && audience.length === 0) {
        set({ error: 'Choose at least one role, or let each account’s stakeholders decide.' });
        return;
      }
      if (outDir.trim() === '') {
        set({ error: 'Type the folder the decks should be written to.' });
        return;
      }
      stopPolling();
      set({ starting: true, error: null });
      try {
        const accounts = await api.call('accounts.list', {});
        const { jobId } = await api.call('decks.exportPortfolio', {
          audience: audienceMode === 'auto' ? 'auto' : audience,
          deckType,
          quarter,
          outDir: outDir.trim(),
          overwrite,
          createFolder,
        });
        set({
          starting: false,
          jobId,
          accounts: [...accounts].sort((a, b) => a.name.localeCompare(b.name)).map((a) => ({ id: a.id, name: a.name })),
          progress: { state: 'running', quarter: quarter ?? '', total: accounts.length, done: 0, written: [], failed: [] },
        });
        void poll(jobId);
      } catch (error) {
        set({ starting: false, error: errorMessage(error), missingFolder: missingFolderOf(error) });
      }
    },

    async cancel() {
      const jobId = get().jobId;
      if (!jobId || get().progress?.state !== 'running') return;
      set({ cancelling: true });
      try {
        await api.call('decks.cancelJob', { jobId });
      } catch (error) {
        set({ cancelling: false, error: errorMessage(error) });
      }
    },

    again() {
      stopPolling();
      set({ jobId: null, progress: null, accounts: [], error: null });
    },
  };
});
