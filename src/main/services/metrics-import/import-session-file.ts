import SqliteDatabase from 'better-sqlite3';
import { emptyTally, loadImportTargets, prepareObservationStatements } from '../../storage/db/repositories/metric-import-repository';
import { prepareRunClassifier } from '../../storage/db/repositories/observation-runs';
import type { SqliteWorkspace } from '../../storage/workspace/open-workspace';
import { beginWriteTransaction } from '../../storage/db/write-lock';
import { bumpAccountDataVersions, suspendVersionTriggers } from '../../storage/db/repositories/health-summaries-repository';
import type { ImportSession } from './import-session';

/**
 * A second connection to the workspace file for one import. The import's single long transaction
 * runs here, so the app's own connection keeps reading the last committed state (WAL) while a
 * big file streams in, and nothing the import wrote is visible until it commits.
 */
export function openImportConnection(workspace: SqliteWorkspace): SqliteDatabase.Database {
  const connection = new SqliteDatabase(workspace.path, {
    fileMustExist: true,
    ...(workspace.nativeBinding ? { nativeBinding: workspace.nativeBinding } : {}),
  });
  try {
    connection.pragma('foreign_keys = ON');
    // Never wait inside SQLite: that would freeze this process, the app's own writes included.
    // The write lock is waited for asynchronously (beginWriteTransaction).
    connection.pragma('busy_timeout = 0');
    // Same durability as the app's connection: in WAL mode NORMAL survives an application crash.
    connection.pragma('synchronous = NORMAL');
    return connection;
  } catch (error) {
    connection.close();
    throw error;
  }
}

/** The import session of a workspace file: prepared statements, one value at a time (synchronous, so nothing is left running). */
export function openFileImportSession(workspace: SqliteWorkspace): ImportSession {
  const connection = openImportConnection(workspace);
  const statements = prepareObservationStatements(connection);
  const classifyValues = prepareRunClassifier(connection, statements.classify);
  const tally = emptyTally();
  // The version triggers (migration 9) would cost a statement per row; the import moves the
  // versions of the accounts it changed once, at commit, in the same transaction.
  let restoreTriggers: (() => void) | null = null;
  const changedAccounts = new Set<string>();
  // Within the preview's read snapshot, a value of an account with no observations at all is new
  // without looking it up: a first import into a fresh workspace makes no lookup per value.
  const accountsWithData = new Map<string, boolean>();
  let lastAccountId: string | null = null;
  let lastAccountHasData = true;
  const hasData = (accountId: string): boolean => {
    if (accountId === lastAccountId) return lastAccountHasData;
    let has = accountsWithData.get(accountId);
    if (has === undefined) accountsWithData.set(accountId, (has = statements.accountHasObservations(accountId)));
    lastAccountId = accountId;
    return (lastAccountHasData = has);
  };
  return {
    beginRead: async () => void connection.exec('BEGIN'),
    targets: async () => loadImportTargets(connection),
    classify: async (values, each) => {
      const changes = classifyValues(values, hasData);
      for (let i = 0; i < values.length; i += 1) {
        const change = changes[i]!;
        tally[change] += 1;
        each?.(values[i]!, change);
      }
    },
    // IMMEDIATE: take the write lock now, so a conflicting writer is waited for here, not met halfway through.
    beginWrite: async (timeoutMs) => {
      if (!(await beginWriteTransaction(connection, timeoutMs))) return false;
      restoreTriggers = suspendVersionTriggers(connection);
      return true;
    },
    write: async (values, source, updatedAt) => {
      for (const value of values) {
        const change = statements.upsert(value, value.value, source, updatedAt);
        tally[change] += 1;
        if (change !== 'unchanged') changedAccounts.add(value.accountId);
      }
    },
    settle: async () => ({ ...tally }),
    commit: async () => {
      bumpAccountDataVersions(connection, changedAccounts);
      restoreTriggers?.();
      connection.exec('COMMIT');
    },
    close: async () => {
      if (!connection.open) return;
      if (connection.inTransaction) connection.exec('ROLLBACK');
      connection.close();
    },
  };
}
