import type { ActingSession } from './acting-session';
import type { HostServices } from './host/host-services';
import type { ServiceDeps } from '../services/service-deps';
import type { WorkspaceControl } from './host/workspace-control';
import type { BulkWriteGate } from './bulk-write-gate';
import type { PathPolicy } from './host/path-policy';

/** What every handler may use. Injected so tests control time, ids and the workspace file. */
export interface HandlerDeps extends ServiceDeps {
  appVersion: string;
  /**
   * Who this backend acts as: the name writes are checked against (write-guard.ts) and recorded
   * under (audit log). Starts as BackendOptions.actor; `users.choose` changes it for the session.
   */
  session: ActingSession;
  transport: 'electron' | 'web-harness' | 'direct';
  /** Switching workspace files; absent where one fixed workspace is served (CLI, tests). */
  workspaceControl?: WorkspaceControl;
  /** Native file dialogs; absent (or refusing) where there are none (CLI, browser harness). */
  hostServices?: HostServices;
  /** Orders this workspace's bulk writes (import jobs, restores); other writes wait behind them. */
  bulkWrites: BulkWriteGate;
  /** Which file paths calls may use: dialog-chosen or allow-listed in Electron, allowed folders in the harness, any in the CLI. */
  pathPolicy: PathPolicy;
}
