import SqliteDatabase from 'better-sqlite3';

/*
 * Waiting for SQLite's write lock without blocking the process. better-sqlite3 is synchronous, so
 * a busy_timeout makes the whole backend stand still while it waits, including the import it is
 * waiting for when that import runs in this same process. These helpers poll with the lock
 * attempt failing at once (busy_timeout 0 on the connection used) and sleep between attempts.
 */

/** Between two attempts: short enough to feel instant, long enough not to spin. */
const POLL_MS = 25;

/** True for SQLite's "someone else holds the lock" errors (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED…). */
export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Starts a write transaction (BEGIN IMMEDIATE) on `connection`, waiting up to `timeoutMs` for
 * another connection's write to finish. Resolves true once the transaction is open, false when the
 * lock was still held at the deadline. `connection` should have busy_timeout 0.
 * @example if (!(await beginWriteTransaction(connection, 30_000))) throw new Error('busy');
 */
export async function beginWriteTransaction(connection: SqliteDatabase.Database, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      connection.exec('BEGIN IMMEDIATE');
      return true;
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      if (connection.inTransaction) connection.exec('ROLLBACK');
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

/**
 * Waits until nobody holds the workspace's write lock (probing with a write transaction that is
 * rolled back at once), up to `timeoutMs`. True when it was free.
 */
export async function waitForWriteLock(probe: SqliteDatabase.Database, timeoutMs: number): Promise<boolean> {
  const free = await beginWriteTransaction(probe, timeoutMs);
  if (free) probe.exec('ROLLBACK');
  return free;
}

/**
 * A connection used only to ask whether the workspace's write lock is free (see waitForWriteLock).
 * Never writes: every transaction it opens is rolled back at once.
 */
export function openWriteLockProbe(workspacePath: string, nativeBinding: string | undefined): SqliteDatabase.Database {
  const probe = new SqliteDatabase(workspacePath, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  probe.pragma('busy_timeout = 0');
  return probe;
}
