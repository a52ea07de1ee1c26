import type { Workspace } from '../storage/workspace/open-workspace';

/** What a service needs from its caller: the open workspace, the clock and an id source (injected so tests control them). */
export interface ServiceDeps {
  workspace: Workspace;
  now: () => Date;
  newId: () => string;
}
