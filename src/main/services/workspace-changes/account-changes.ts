import type { Workspace } from '../../storage/workspace/open-workspace';
import { sameStamp, workspaceWriteStamp, type WriteStamp } from './workspace-write-stamp';

/*
 * Which accounts' data changed, so caches of per-account results (portfolio health, peer
 * benchmark KPIs) recompute only those. Every write announces what it may change before it
 * starts (`begin`) and says when it is done; when a reader next syncs, any change to the
 * connection's write stamp is put down to the writers active since the last sync:
 * - all of them named accounts → only those accounts' versions move;
 * - any said 'all', none was active (a write nobody announced), or another connection committed
 *   (PRAGMA data_version moved: an import job, the CLI) → every account's version moves (epoch).
 * 'none' is a write of nothing these caches read (a deck record). Wrongly naming too few accounts
 * would serve stale results, so anything not clearly scoped says 'all'.
 */

/** What a write may change. */
export type WriteEffect = { accounts: readonly string[] } | 'all' | 'none';

export interface AccountChanges {
  /** Announces a write; call the returned function when it has finished (also on failure). */
  begin(effect: WriteEffect): () => void;
  /**
   * Brings the versions up to date with the connection and returns a reader of them: equal
   * versions of an account mean none of its data changed in between; an equal `generation` means
   * no account's data changed.
   */
  versions(): AccountVersions;
  /**
   * A write of this connection that changed nothing these caches read (a deck record, stored
   * health summaries: exactly `changes` rows, so `after` = `before` + `changes`): caches valid
   * before it stay valid after it.
   */
  absorbIrrelevantWrite(before: WriteStamp, after: WriteStamp, changes?: number): void;
}

export interface AccountVersions {
  of(accountId: string): string;
  generation: string;
}

interface Tracker {
  stamp: WriteStamp;
  epoch: number;
  /** Account versions moved since the epoch began. */
  bumps: number;
  versions: Map<string, number>;
  /** Effects of writers active since the last sync, by token; ended ones are dropped at the next sync. */
  window: Map<number, WriteEffect>;
  active: Set<number>;
  nextToken: number;
}

const trackers = new WeakMap<object, AccountChanges>();

/**
 * The change tracker of one open workspace (one per connection, made on first use). On a team
 * workspace every `versions()` is a new epoch (see workspaceWriteStamp): nothing is reused.
 * @example const end = accountChanges(workspace).begin({ accounts: [accountId] }); try { … } finally { end(); }
 */
export function accountChanges(workspace: Pick<Workspace, 'sqlite' | 'db'>): AccountChanges {
  const key = workspace.sqlite ?? workspace.db;
  let changes = trackers.get(key);
  if (!changes) {
    changes = createAccountChanges(workspace);
    trackers.set(key, changes);
  }
  return changes;
}

function createAccountChanges(workspace: Pick<Workspace, 'sqlite'>): AccountChanges {
  const state: Tracker = { stamp: workspaceWriteStamp(workspace), epoch: 0, bumps: 0, versions: new Map(), window: new Map(), active: new Set(), nextToken: 1 };

  /** Puts every change up to `to` down to the writers in the window. */
  const syncTo = (to: WriteStamp): void => {
    if (!sameStamp(to, state.stamp)) {
      const effects = [...state.window.values()];
      const named = effects.filter((effect): effect is { accounts: readonly string[] } => typeof effect === 'object');
      const explained = to.dataVersion === state.stamp.dataVersion && effects.length > 0 && !effects.includes('all');
      if (explained) {
        for (const { accounts } of named) {
          for (const id of accounts) state.versions.set(id, (state.versions.get(id) ?? 0) + 1);
          state.bumps += accounts.length;
        }
      } else {
        state.epoch += 1;
        state.bumps = 0;
        state.versions.clear();
      }
      state.stamp = to;
    }
    for (const token of [...state.window.keys()]) if (!state.active.has(token)) state.window.delete(token);
  };

  return {
    begin(effect) {
      const token = state.nextToken++;
      state.active.add(token);
      state.window.set(token, effect);
      return () => void state.active.delete(token);
    },
    versions() {
      syncTo(workspaceWriteStamp(workspace));
      const epoch = state.epoch;
      const versions = new Map(state.versions);
      return { of: (accountId) => `${epoch}.${versions.get(accountId) ?? 0}`, generation: `${epoch}.${state.bumps}` };
    },
    absorbIrrelevantWrite(before, after, changes = 1) {
      if (after.dataVersion !== before.dataVersion || after.totalChanges !== before.totalChanges + changes) return;
      syncTo(before);
      if (sameStamp(state.stamp, before)) state.stamp = after;
    },
  };
}
