import { create } from 'zustand';
import type { ApiMethodName } from '../../../shared/api/contract';
import { READ_ONLY_METHODS } from '../../../shared/api/read-only-methods';

/*
 * A counter of changes to the open workspace's data, so a screen that was not on view when
 * something changed (the portfolio after a stream, metric or import change; an account's header
 * after its metrics arrived) knows to fetch again when it is shown. The API client bumps it after
 * every successful call that can write; jobs that write in the background bump it when they end.
 */

/**
 * Switching the open file reads nothing new into it but changes everything the screens show. Jobs
 * (import.start, decks.exportPortfolio) write after they return: their stores count them when they end.
 */
const SWITCHES_WORKSPACE: ReadonlySet<ApiMethodName> = new Set<ApiMethodName>(['workspace.create', 'workspace.open', 'workspace.restoreBackup']);

/**
 * Writes only the screen that made them shows: the deck builder's autosaved draft. Counting it would
 * refetch the account on every edit in the builder.
 */
const SHOWN_ONLY_WHERE_WRITTEN: ReadonlySet<ApiMethodName> = new Set<ApiMethodName>(['decks.saveDraft']);

/**
 * True when a successful call of `method` may have changed what the screens show: any method that
 * writes the workspace (everything not in the shared READ_ONLY_METHODS, so a method added later errs
 * on the side of a refresh), or one that switches to another workspace file.
 */
export function changesWorkspaceData(method: ApiMethodName): boolean {
  if (SHOWN_ONLY_WHERE_WRITTEN.has(method)) return false;
  return !READ_ONLY_METHODS.has(method) || SWITCHES_WORKSPACE.has(method);
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
