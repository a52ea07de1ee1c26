import { create } from 'zustand';
import type { ApiMethodName } from '../../../shared/api/contract';

/*
 * A counter of changes to the open workspace's data, so a screen that was not on view when
 * something changed (the portfolio after a stream, metric or import change; an account's header
 * after its metrics arrived) knows to fetch again when it is shown. The API client bumps it after
 * every successful call that can write; jobs that write in the background bump it when they end.
 */

/**
 * Methods that never change workspace data. Everything else counts as a change, so a method added
 * later errs on the side of a refresh. Writing a file elsewhere (an export, a backup) or the recent
 * list is not a change to the data screens show.
 */
const READS_ONLY: ReadonlySet<ApiMethodName> = new Set<ApiMethodName>([
  'app.info',
  'settings.get',
  'accounts.list',
  'accounts.get',
  'streams.list',
  'stakeholders.list',
  'goals.list',
  'metrics.list',
  'insights.account',
  'insights.portfolio',
  'framework.catalog',
  'framework.identify',
  'assessments.list',
  'assessments.get',
  'assessments.evaluate',
  'workspace.current',
  'workspace.recent',
  'workspace.forgetRecent',
  'workspace.listBackups',
  'workspace.backupNow',
  'workspace.exportJson',
  'workspace.previewImport',
  'import.preview',
  'import.progress',
  'decks.plan',
  'decks.list',
  'decks.jobProgress',
  'decks.readBrandFromTemplate',
  'files.chooseSavePath',
  'files.chooseOpenPath',
]);

/** True when a successful call of `method` may have changed what the screens show. */
export function changesWorkspaceData(method: ApiMethodName): boolean {
  return !READS_ONLY.has(method);
}

interface WorkspaceChangesState {
  /** Goes up by one with every change; compare with the version a screen last loaded. */
  version: number;
}

export const useWorkspaceChanges = create<WorkspaceChangesState>()(() => ({ version: 0 }));

/** Records that the workspace's data changed (called by the API client, and by background jobs when they finish). */
export function noteWorkspaceChanged(): void {
  useWorkspaceChanges.setState((state) => ({ version: state.version + 1 }));
}

/** The current change counter, for a store to remember what it loaded. */
export function workspaceVersion(): number {
  return useWorkspaceChanges.getState().version;
}
