import fs from 'node:fs';
import path from 'node:path';
import { ApiFailure } from '../../../shared/api/errors';
import { EXPORT_FILE_FILTERS, NO_DIALOG_HOST_SERVICES, WORKSPACE_FILE_FILTERS } from '../host/host-services';
import { backupWorkspace, listBackups } from '../../storage/workspace/backups';
import type { Workspace } from '../../storage/workspace/open-workspace';
import type { RecentWorkspace } from '../host/recent-workspaces';
import { singleWorkspaceControl, type WorkspaceControl } from '../host/workspace-control';
import { readWorkspaceExportFile } from '../../services/workspace-transfer/export-file-reader';
import { writeWorkspaceExportFile } from '../../services/workspace-transfer/workspace-export';
import { importWorkspace, previewWorkspaceImport } from '../../services/workspace-transfer/workspace-import';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';
import { isPostgresUrl } from '../../storage/workspace/workspace-location';

type WorkspaceHandlers = Pick<
  ApiHandlers,
  | 'workspace.current'
  | 'workspace.recent'
  | 'workspace.forgetRecent'
  | 'workspace.create'
  | 'workspace.open'
  | 'workspace.connectTeam'
  | 'workspace.testTeamConnection'
  | 'workspace.passwordStorage'
  | 'workspace.backupNow'
  | 'workspace.listBackups'
  | 'workspace.restoreBackup'
  | 'workspace.exportJson'
  | 'workspace.previewImport'
  | 'workspace.importJson'
>;

/**
 * What the workspace handlers need. `workspace` is null when the backend host is running without
 * an open workspace (the last one was damaged or refused); then only the switching and restoring
 * methods work.
 */
export type WorkspaceHandlerDeps = Pick<HandlerDeps, 'now' | 'appVersion' | 'workspaceControl' | 'hostServices' | 'pathPolicy'> & {
  workspace: Workspace | null;
};

export function workspaceHandlers(deps: WorkspaceHandlerDeps): WorkspaceHandlers {
  const { workspace, now } = deps;
  const control: WorkspaceControl = deps.workspaceControl ?? (workspace ? singleWorkspaceControl(workspace) : missingControl());
  const dialogs = deps.hostServices ?? NO_DIALOG_HOST_SERVICES;
  const policy = deps.pathPolicy;

  /** The recent list as the UI shows it: whether each file is still there and which one is open. */
  function describeRecent(entries: Array<RecentWorkspace & { passwordKept?: boolean }>) {
    const current = control.state().path;
    // A team workspace cannot be checked without connecting; it counts as there.
    return entries.map((entry) => ({ ...entry, exists: isPostgresUrl(entry.path) || fs.existsSync(entry.path), isCurrent: entry.path === current }));
  }

  function requireWorkspace(): Workspace {
    if (!workspace) throw new ApiFailure('workspace_not_open', control.state().problem?.message ?? 'No workspace is open. Open or create one first.');
    return workspace;
  }

  return {
    'workspace.current': async () => control.state(),

    'workspace.recent': async () => describeRecent(await control.recent()),

    'workspace.forgetRecent': async ({ path: filePath }) => describeRecent(await control.forgetRecent(filePath)),

    'workspace.create': async ({ path: given }) => {
      const filePath = given
        ? await policy.check(given, 'create')
        : await dialogs.chooseFileToSave({ title: 'New workspace', defaultName: 'client-workspace.sqlite', filters: WORKSPACE_FILE_FILTERS });
      return filePath === null ? null : control.create(filePath);
    },

    'workspace.open': async ({ path: given }) => {
      const filePath = given ? await policy.check(given, 'read') : await dialogs.chooseFileToOpen({ title: 'Open workspace', filters: WORKSPACE_FILE_FILTERS });
      return filePath === null ? null : control.open(filePath);
    },

    'workspace.connectTeam': async (input) => control.connectTeam(input),

    'workspace.testTeamConnection': async (input) => control.testTeamConnection(input),

    'workspace.passwordStorage': async () => control.passwordStorage(),

    'workspace.backupNow': async () => backupWorkspace(requireWorkspace(), 'manual', now()),

    'workspace.listBackups': async () => {
      const filePath = workspace?.path ?? control.state().path;
      return filePath ? listBackups(filePath) : [];
    },

    'workspace.restoreBackup': async ({ backupPath }) => control.restoreBackup(backupPath),

    'workspace.exportJson': async ({ path: given, overwrite }) => {
      const open = requireWorkspace();
      const defaultName = `${path.parse(open.path).name}-export.json`;
      const filePath = given
        ? await policy.check(given, overwrite ? 'replace' : 'create')
        : await dialogs.chooseFileToSave({ title: 'Export workspace', defaultName, filters: EXPORT_FILE_FILTERS });
      if (filePath === null) return null;
      // Like decks and backups: an existing file is replaced only when asked (the save dialog has asked already).
      if (given && !overwrite && fs.existsSync(filePath)) {
        throw new ApiFailure('conflict', `${filePath} already exists; choose another name, or replace it (--force on the command line).`, { path: filePath, field: 'path' });
      }
      return writeWorkspaceExportFile(open, filePath, { appVersion: deps.appVersion, exportedAt: now() });
    },

    'workspace.previewImport': async ({ path: given, mode, conflicts }) => {
      const open = requireWorkspace();
      const staged = await readWorkspaceExportFile(await policy.check(given, 'read'), open.nativeBinding);
      try {
        return await previewWorkspaceImport(open, staged, mode, conflicts);
      } finally {
        staged.close();
      }
    },

    'workspace.importJson': async ({ path: given, mode, conflicts }) => {
      const open = requireWorkspace();
      const staged = await readWorkspaceExportFile(await policy.check(given, 'read'), open.nativeBinding);
      try {
        return await importWorkspace(open, staged, mode, now(), conflicts);
      } finally {
        staged.close();
      }
    },
  };
}

function missingControl(): WorkspaceControl {
  throw new Error('workspaceHandlers needs a workspace or a workspace control');
}
