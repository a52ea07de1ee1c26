import type { Workspace } from '../workspace/open-workspace';

/** What every handler may use. Injected so tests control time, ids and the workspace file. */
export interface HandlerDeps {
  workspace: Workspace;
  now: () => Date;
  newId: () => string;
  appVersion: string;
  transport: 'electron' | 'web-harness' | 'direct';
}
