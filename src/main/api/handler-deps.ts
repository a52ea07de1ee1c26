import type { HostServices } from '../host/host-services';
import type { Workspace } from '../workspace/open-workspace';
import type { WorkspaceControl } from '../workspace/workspace-control';

/** What every handler may use. Injected so tests control time, ids and the workspace file. */
export interface HandlerDeps {
  workspace: Workspace;
  now: () => Date;
  newId: () => string;
  appVersion: string;
  transport: 'electron' | 'web-harness' | 'direct';
  /** Switching workspace files; absent where one fixed workspace is served (CLI, tests). */
  workspaceControl?: WorkspaceControl;
  /** Native file dialogs; absent (or refusing) where there are none (CLI, browser harness). */
  hostServices?: HostServices;
}
