import { create } from 'zustand';
import type { ExportTableKey } from '../../../shared/api/schemas/workspace-export-schemas';
import type { BackupEntryDto, RecentWorkspaceDto, WorkspaceState } from '../../../shared/api/schemas/workspace-schemas';
import { api, ApiClientError } from '../api/client';
import { errorMessage, notifyError, notifySuccess } from '../notify';
import { fileNameOf } from './file-path';
import { reloadForWorkspace } from './reload-for-workspace';

/** What a path is asked for: a workspace to open, a new workspace file, or where to write an export. */
export type PathPurpose = 'open' | 'create' | 'export';

export interface WorkspaceExportDone {
  path: string;
  counts: Record<ExportTableKey, number>;
}

interface WorkspaceStoreState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadError: string | null;
  current: WorkspaceState | null;
  recent: RecentWorkspaceDto[];
  /** Newest first. */
  backups: BackupEntryDto[];
  /** False once the backend said it has no native file dialogs (the browser harness): paths are typed. */
  dialogsAvailable: boolean;
  /** The typed-path prompt on screen, if any. */
  pathPrompt: PathPurpose | null;
  /** What is running, so its button shows progress and the others wait. */
  busy: PathPurpose | 'backup' | 'restore' | null;
  lastExport: WorkspaceExportDone | null;
  /** Reads which workspace is open, the recent list and the backups. */
  load(): Promise<void>;
  /** Open, New or Export: the native dialog where there is one, else the typed-path prompt. */
  start(purpose: PathPurpose): Promise<void>;
  /** Runs `purpose` with a typed path; the backend's refusal (for the path field) or null when done. */
  submitPath(purpose: PathPurpose, path: string): Promise<string | null>;
  closePathPrompt(): void;
  openRecent(path: string): Promise<void>;
  /** Takes a file off the recent list (the file itself is not touched). */
  forgetRecent(path: string): Promise<void>;
  backupNow(): Promise<void>;
  /** Restores a listed backup (after the user confirmed); the current file is kept aside by the backend. */
  restore(backup: BackupEntryDto): Promise<void>;
}

export const useWorkspaceStore = create<WorkspaceStoreState>()((set, get) => {
  /** Calls the method behind `purpose`; null when the user cancelled the native dialog. Throws the backend's error. */
  async function perform(purpose: PathPurpose, path: string | undefined): Promise<'done' | 'cancelled'> {
    const input = path === undefined ? {} : { path };
    if (purpose === 'export') {
      const written = await api.call('workspace.exportJson', input);
      if (!written) return 'cancelled';
      set({ lastExport: written });
      notifySuccess('Workspace exported', written.path);
      return 'done';
    }
    const opened = await api.call(purpose === 'open' ? 'workspace.open' : 'workspace.create', input);
    if (!opened) return 'cancelled';
    notifySuccess(purpose === 'open' ? 'Workspace opened' : 'New workspace created', opened.path ? fileNameOf(opened.path) : undefined);
    await reloadForWorkspace({ goToPortfolio: true });
    void get().load();
    return 'done';
  }

  return {
    status: 'idle',
    loadError: null,
    current: null,
    recent: [],
    backups: [],
    dialogsAvailable: true,
    pathPrompt: null,
    busy: null,
    lastExport: null,

    async load() {
      set({ status: get().status === 'ready' ? 'ready' : 'loading', loadError: null });
      try {
        const [current, recent, backups] = await Promise.all([
          api.call('workspace.current', {}),
          api.call('workspace.recent', {}),
          api.call('workspace.listBackups', {}),
        ]);
        set({ status: 'ready', current, recent, backups });
      } catch (error) {
        set({ status: 'error', loadError: errorMessage(error) });
      }
    },

    async start(purpose) {
      if (get().busy) return;
      if (!get().dialogsAvailable) {
        set({ pathPrompt: purpose });
        return;
      }
      set({ busy: purpose });
      try {
        await perform(purpose, undefined);
      } catch (error) {
        if (error instanceof ApiClientError && error.code === 'not_available') set({ dialogsAvailable: false, pathPrompt: purpose });
        else notifyError(FAILURE_TITLES[purpose], error);
      } finally {
        set({ busy: null });
      }
    },

    async submitPath(purpose, path) {
      if (get().busy) return null;
      set({ busy: purpose });
      try {
        await perform(purpose, path);
        set({ pathPrompt: null });
        return null;
      } catch (error) {
        return errorMessage(error);
      } finally {
        set({ busy: null });
      }
    },

    closePathPrompt() {
      if (get().busy === get().pathPrompt) return;
      set({ pathPrompt: null });
    },

    async openRecent(path) {
      if (get().busy) return;
      set({ busy: 'open' });
      try {
        await perform('open', path);
      } catch (error) {
        notifyError(`Couldn't open ${fileNameOf(path)}`, error);
        void get().load();
      } finally {
        set({ busy: null });
      }
    },

    async forgetRecent(path) {
      try {
        set({ recent: await api.call('workspace.forgetRecent', { path }) });
      } catch (error) {
        notifyError(`Couldn't remove ${fileNameOf(path)} from the list`, error);
      }
    },

    async backupNow() {
      if (get().busy) return;
      set({ busy: 'backup' });
      try {
        const backup = await api.call('workspace.backupNow', {});
        set({ backups: [backup, ...get().backups.filter((entry) => entry.path !== backup.path)] });
        notifySuccess('Backup made', backup.fileName);
      } catch (error) {
        notifyError("Couldn't back up the workspace", error);
      } finally {
        set({ busy: null });
      }
    },

    async restore(backup) {
      if (get().busy) return;
      set({ busy: 'restore' });
      try {
        const result = await api.call('workspace.restoreBackup', { backupPath: backup.path });
        const keptAside = result.keptAsidePath ? `The previous file was kept as ${fileNameOf(result.keptAsidePath)} in the backups folder.` : undefined;
        notifySuccess('Backup restored', keptAside);
        await reloadForWorkspace({ goToPortfolio: false });
      } catch (error) {
        notifyError("Couldn't restore the backup", error);
      } finally {
        set({ busy: null });
        await get().load();
      }
    },
  };
});

const FAILURE_TITLES: Record<PathPurpose, string> = {
  open: "Couldn't open the workspace",
  create: "Couldn't create the workspace",
  export: "Couldn't export the workspace",
};
