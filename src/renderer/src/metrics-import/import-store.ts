import { create } from 'zustand';
import type { ImportMapping, ImportMode, ImportPreview, ImportProgress, ImportRefusal, ImportResult, ImportSource } from '../../../shared/api/schemas/import-schemas';
import { api } from '../api/client';
import { chooseOpenPath, useFileDialogsStore } from '../api/file-dialogs';
import { noteWorkspaceChanged } from '../api/workspace-changes';
import { errorMessage } from '../notify';
import { columnChoices, mappingFromChoices, type ColumnChoice } from './column-roles';
import { importSourceFor } from './import-file-choice';

/** How often a running import is asked for its progress. */
const PROGRESS_POLL_MS = 250;
/** The text source's limit in the import API; bigger files need the desktop app's file path. */
const MAX_TEXT_BYTES = 64 * 1024 * 1024;
/** What the native open dialog offers. */
const OPEN_DIALOG = { title: 'Metrics CSV file to import', filters: [{ name: 'CSV or text file', extensions: ['csv', 'tsv', 'txt'] }] };

/**
 * choose → previewing → preview (mapping, counts, errors; pick a mode) → running (progress, cancel)
 * → finished (result, cancelled or failed).
 */
export type ImportStep = 'choose' | 'previewing' | 'preview' | 'running' | 'finished';

interface ImportState {
  /** Which ImportMetricsButton opened the flow; only its dialog shows. */
  ownerId: string | null;
  step: ImportStep;
  /** Every row goes to this account when set (the import was started from an account). */
  accountId: string | null;
  /** A path from the native open dialog (streamed by the backend), or the file input's text where there is no dialog. */
  source: ImportSource | null;
  /** The chosen file's name, shown while it is read. */
  fileName: string | null;
  /** The native open dialog is showing. */
  choosing: boolean;
  preview: ImportPreview | null;
  /** The mapping rows as the user has them; differ from the preview's until "Update preview". */
  choices: ColumnChoice[];
  choicesEdited: boolean;
  mode: ImportMode;
  /** The decimal separator the user chose for a file whose numbers read two ways ("1.234"); null: as detected. */
  decimalSeparator: '.' | ',' | null;
  progress: ImportProgress | null;
  jobId: string | null;
  cancelling: boolean;
  result: ImportResult | null;
  /** Why the job stopped without a result (refused, cancelled, failed). */
  outcome: 'done' | 'cancelled' | 'failed' | null;
  failure: ImportRefusal | null;
  /** A problem talking to the backend or reading the file, shown above the step. */
  error: string | null;
  onImported: (() => void) | null;
  open(options: { ownerId: string; accountId?: string; onImported?: () => void }): void;
  close(): void;
  /**
   * Asks for the file with the native open dialog and previews it from its path. Answers 'pick-file'
   * when there is no dialog here (the browser harness): the caller then opens the file input.
   */
  chooseWithDialog(): Promise<'pick-file' | 'done'>;
  /** The file input's file, sent as text (the fallback where there is no native dialog). */
  chooseFile(file: File): Promise<void>;
  setChoice(column: number, change: Partial<Pick<ColumnChoice, 'role' | 'metricKey'>>): void;
  /** Previews again with the edited mapping. */
  applyChoices(): Promise<void>;
  setMode(mode: ImportMode): void;
  /** Reads the file's numbers with this decimal separator and previews again. */
  setDecimalSeparator(separator: '.' | ','): Promise<void>;
  start(): Promise<void>;
  cancel(): Promise<void>;
  /** Back to choosing a file, e.g. after a refusal. */
  restart(): void;
}

const fresh = {
  step: 'choose' as ImportStep,
  source: null,
  fileName: null,
  choosing: false,
  preview: null,
  choices: [],
  choicesEdited: false,
  mode: 'valid-rows' as ImportMode,
  decimalSeparator: null,
  progress: null,
  jobId: null,
  cancelling: false,
  result: null,
  outcome: null,
  failure: null,
  error: null,
};

let pollTimer: ReturnType<typeof setTimeout> | null = null;
/** Bumped whenever the flow is opened, closed or restarted, so a dialog answer arriving afterwards is dropped. */
let generation = 0;
function stopPolling() {
  if (pollTimer) clearTimeout(pollTimer);
  pollTimer = null;
}

/** The CSV metrics import flow: file, preview with mapping, background job with progress, result. */
export const useImportStore = create<ImportState>()((set, get) => {
  function request(mapping?: ImportMapping) {
    const { source, accountId, decimalSeparator } = get();
    return { source: source!, ...(accountId ? { accountId } : {}), ...(mapping ? { mapping } : {}), ...(decimalSeparator ? { decimalSeparator } : {}) };
  }

  async function runPreview(mapping?: ImportMapping) {
    set({ step: 'previewing', error: null });
    try {
      const preview = await api.call('import.preview', { ...request(mapping), maxErrors: 50 });
      set({ preview, choices: columnChoices(preview.columns), choicesEdited: false, step: 'preview' });
    } catch (error) {
      set({ step: get().preview ? 'preview' : 'choose', error: errorMessage(error) });
    }
  }

  async function poll() {
    const { jobId } = get();
    if (!jobId) return;
    try {
      const progress = await api.call('import.progress', { jobId });
      if (get().jobId !== jobId) return;
      set({ progress });
      if (progress.state === 'running') {
        pollTimer = setTimeout(() => void poll(), PROGRESS_POLL_MS);
        return;
      }
      set({ step: 'finished', outcome: progress.state, result: progress.result ?? null, failure: progress.error ?? null, cancelling: false });
      if (progress.state === 'done' && progress.result?.committed) {
        // The import wrote on its own connection, after import.start returned: screens not in view refresh when shown.
        noteWorkspaceChanged();
        get().onImported?.();
      }
    } catch (error) {
      set({ step: 'finished', outcome: 'failed', failure: null, error: errorMessage(error), cancelling: false });
    }
  }

  return {
    ownerId: null,
    accountId: null,
    onImported: null,
    ...fresh,

    open({ ownerId, accountId, onImported }) {
      stopPolling();
      generation += 1;
      set({ ...fresh, ownerId, accountId: accountId ?? null, onImported: onImported ?? null });
    },

    close() {
      // A running job keeps going in the backend; closing only stops watching it. Cancel is the way to stop it.
      stopPolling();
      generation += 1;
      set({ ...fresh, ownerId: null, accountId: null, onImported: null });
    },

    restart() {
      stopPolling();
      generation += 1;
      set({ ...fresh });
    },

    async chooseWithDialog() {
      if (get().choosing) return 'done';
      if (useFileDialogsStore.getState().unavailableReason !== null) return 'pick-file';
      const asked = generation;
      set({ choosing: true });
      let path: string | null;
      try {
        path = await chooseOpenPath(OPEN_DIALOG);
      } catch (error) {
        if (asked === generation) set({ choosing: false, error: `Couldn't open the file dialog: ${errorMessage(error)}` });
        return 'done';
      }
      if (asked !== generation) return 'done';
      set({ choosing: false });
      const next = importSourceFor({ path, dialogsAvailable: useFileDialogsStore.getState().unavailableReason === null });
      if (next.action === 'pick-file') return 'pick-file';
      if (next.action === 'nothing') return 'done';
      set({ source: next.source, fileName: next.fileName, preview: null });
      await runPreview();
      return 'done';
    },

    async chooseFile(file) {
      if (file.size > MAX_TEXT_BYTES) {
        set({ error: `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB; files up to 64 MB can be imported here. Split the file, or use \`qbr import\` for larger ones.` });
        return;
      }
      try {
        const text = await file.text();
        const fileName = file.name || 'metrics.csv';
        set({ source: { kind: 'text', fileName, text }, fileName, preview: null });
      } catch (error) {
        set({ error: `Couldn't read ${file.name}: ${errorMessage(error)}` });
        return;
      }
      await runPreview();
    },

    setChoice(column, change) {
      set((state) => ({
        choices: state.choices.map((choice) => (choice.column === column ? { ...choice, ...change, ...(change.role && change.role !== 'metric-column' ? { metricKey: null } : {}) } : choice)),
        choicesEdited: true,
      }));
    },

    async applyChoices() {
      const built = mappingFromChoices(get().choices, get().accountId !== null);
      if ('problem' in built) {
        set({ error: built.problem });
        return;
      }
      await runPreview(built.mapping);
    },

    setMode(mode) {
      set({ mode });
    },

    async setDecimalSeparator(separator) {
      set({ decimalSeparator: separator });
      const { preview } = get();
      await runPreview(preview?.mappingOrigin === 'given' ? (preview.mapping ?? undefined) : undefined);
    },

    async start() {
      const { preview, mode } = get();
      if (!preview?.mapping) return;
      set({ error: null, step: 'running', progress: { state: 'running', rowsProcessed: 0, bytesRead: 0, totalBytes: preview.totalBytes } });
      try {
        // An edited mapping is sent again (and remembered by the backend); otherwise the backend finds the same one the preview showed.
        const { jobId } = await api.call('import.start', { ...request(preview.mappingOrigin === 'given' ? preview.mapping : undefined), mode });
        set({ jobId });
        await poll();
      } catch (error) {
        set({ step: 'preview', error: errorMessage(error) });
      }
    },

    async cancel() {
      const { jobId } = get();
      if (!jobId) return;
      set({ cancelling: true });
      try {
        await api.call('import.cancel', { jobId });
      } catch (error) {
        set({ error: errorMessage(error), cancelling: false });
      }
    },
  };
});
