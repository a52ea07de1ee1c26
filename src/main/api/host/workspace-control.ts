import { ApiFailure, type ApiError } from '../../../shared/api/errors';
import type { WorkspaceState } from '../../../shared/api/schemas/workspace-schemas';
import type { BackupEntry, RestoreResult } from '../../storage/workspace/backups';
import type { Workspace } from '../../storage/workspace/open-workspace';
import type { RecentWorkspace } from './recent-workspaces';
import type { PasswordStorage, TeamConnectionTest, TeamConnectResult, TeamServer } from '../../../shared/api/schemas/team-workspace-schemas';
import type { TeamConnectRequest } from './team-workspace-connect';
import { syncFolderWarning } from '../../storage/workspace/sync-folder-warning';

/**
 * Switching between workspace files. Implemented by the backend host (desktop app, browser
 * harness); a single-workspace stand-in serves the CLI and tests.
 */
export interface WorkspaceControl {
  state(): WorkspaceState;
  /** Team workspaces carry `passwordKept`. */
  recent(): Promise<Array<RecentWorkspace & { passwordKept?: boolean }>>;
  /** Drops a file or team workspace from the recent list (never touching the file; deleting a team workspace's kept password); returns the list. */
  forgetRecent(filePath: string): Promise<RecentWorkspace[]>;
  /** Connects to a team workspace and switches to it (see team-workspace-connect.ts); a refusal leaves the current workspace open. */
  connectTeam(request: TeamConnectRequest): Promise<TeamConnectResult>;
  /** Checks a team workspace could be opened; changes nothing. */
  testTeamConnection(request: { server: TeamServer; password?: string }): Promise<TeamConnectionTest>;
  /** Where this host keeps team workspace passwords. */
  passwordStorage(): PasswordStorage;
  /** Switches to an existing workspace; a refused file leaves the current one open. */
  open(filePath: string): Promise<WorkspaceState>;
  /** Creates a new workspace file (refusing an existing one) and switches to it. */
  create(filePath: string): Promise<WorkspaceState>;
  /** Restores one of the current workspace's backups, keeping the current file aside. */
  restoreBackup(backupPath: string): Promise<RestoreResult & { workspace: WorkspaceState }>;
}

/** The state of a workspace that is open, or of one that failed to open with `problem`. */
export function describeWorkspace(input: {
  path: string | null;
  workspace: Workspace | null;
  problem: ApiError | null;
  newestGoodBackup: BackupEntry | null;
  canSwitch: boolean;
}): WorkspaceState {
  const filePath = input.workspace?.path ?? input.path;
  return {
    path: filePath,
    isOpen: input.workspace !== null,
    schemaVersion: input.workspace?.schemaVersion ?? null,
    problem: input.problem ? { code: input.problem.code, message: input.problem.message } : null,
    newestGoodBackup: input.newestGoodBackup,
    syncWarning: filePath ? syncFolderWarning(filePath) : null,
    canSwitch: input.canSwitch,
  };
}

/** The stand-in for transports that serve one fixed workspace: reports it, refuses to switch. */
export function singleWorkspaceControl(workspace: Workspace): WorkspaceControl {
  const refuse = async (): Promise<never> => {
    throw new ApiFailure('not_available', 'This session serves one workspace file; open another one in the desktop app, or pass --db to the CLI.');
  };
  return {
    state: () => describeWorkspace({ path: workspace.path, workspace, problem: null, newestGoodBackup: null, canSwitch: false }),
    recent: async () => [],
    forgetRecent: refuse,
    open: refuse,
    create: refuse,
    restoreBackup: refuse,
    connectTeam: refuse,
    testTeamConnection: refuse,
    passwordStorage: () => ({ kind: 'unavailable', message: 'This session serves one workspace and keeps no passwords.' }),
  };
}
