import { create } from 'zustand';
import type { ImportMode, ImportPreview, MergeConflictRule } from '../../../shared/api/schemas/workspace-export-schemas';
import { api } from '../api/client';
import { chooseOpenPath } from '../api/file-dialogs';
import { errorMessage, notifySuccess } from '../notify';
import { pathProblem } from './path-problem';
import { reloadForWorkspace } from './reload-for-workspace';
import { useWorkspaceStore } from './workspace-store';

/** The "Import from JSON" dialog: which file, merge or replace, what it would change, then the import. */
interface WorkspaceImportState {
  opened: boolean;
  path: string;
  mode: ImportMode;
  /** Merge: which copy of a record both have wins. */
  conflicts: MergeConflictRule;
  pathError: string | null;
  /** What importing `path` with `mode` would change; cleared whenever either changes. */
  preview: ImportPreview | null;
  /** A problem neither field can show (the import itself failed). */
  formError: string | null;
  busy: 'previewing' | 'importing' | null;
  open(): void;
  close(): void;
  setPath(path: string): void;
  /** The desktop app's open dialog (the only way it reads a file the person did not pick there); keeps the path on cancel. */
  choosePath(): Promise<void>;
  setMode(mode: ImportMode): void;
  setConflicts(conflicts: MergeConflictRule): void;
  previewChanges(): Promise<void>;
  /** Imports the previewed file (replace is confirmed by the dialog first); true when it went through. */
  importNow(): Promise<boolean>;
}

const CLOSED = { opened: false, path: '', mode: 'merge' as ImportMode, conflicts: 'keep-newer' as MergeConflictRule, pathError: null, preview: null, formError: null, busy: null };

export const useWorkspaceImportStore = create<WorkspaceImportState>()((set, get) => ({
  ...CLOSED,

  open() {
    set({ ...CLOSED, opened: true });
  },

  close() {
    if (get().busy === 'importing') return;
    set(CLOSED);
  },

  setPath(path) {
    set({ path, pathError: null, preview: null, formError: null });
  },

  async choosePath() {
    try {
      const chosen = await chooseOpenPath({ title: 'Import a workspace export', filters: [{ name: 'Workspace export (JSON)', extensions: ['json'] }] });
      if (chosen) get().setPath(chosen);
    } catch (error) {
      set({ pathError: errorMessage(error) });
    }
  },

  setMode(mode) {
    set({ mode, preview: null, formError: null });
  },

  setConflicts(conflicts) {
    set({ conflicts, preview: null, formError: null });
  },

  async previewChanges() {
    const { path, mode, conflicts, busy } = get();
    if (busy) return;
    const problem = pathProblem(path);
    if (problem) {
      set({ pathError: problem });
      return;
    }
    set({ busy: 'previewing', pathError: null, formError: null, preview: null });
    try {
      const preview = await api.call('workspace.previewImport', { path: path.trim(), mode, conflicts });
      set({ busy: null, preview });
    } catch (error) {
      // Most refusals are about the file (missing, not an export, from a newer app): show them on its field.
      set({ busy: null, pathError: errorMessage(error) });
    }
  },

  async importNow() {
    const { path, mode, conflicts, preview, busy } = get();
    if (busy || !preview || preview.problems.length > 0) return false;
    set({ busy: 'importing', formError: null });
    try {
      const result = await api.call('workspace.importJson', { path: path.trim(), mode, conflicts });
      set(CLOSED);
      notifySuccess(mode === 'replace' ? 'Workspace replaced from the export' : 'Export merged into this workspace', result.backup ? `A backup was made first: ${result.backup.fileName}` : 'The team server keeps its own backups.');
      await reloadForWorkspace({ goToPortfolio: false });
      await useWorkspaceStore.getState().load();
      return true;
    } catch (error) {
      set({ busy: null, formError: errorMessage(error) });
      return false;
    }
  },
}));
