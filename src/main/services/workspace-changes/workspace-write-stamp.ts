import type SqliteDatabase from 'better-sqlite3';

/*
 * A stamp that changes whenever the workspace's data may have changed: `PRAGMA data_version`
 * moves when another connection commits (another process, a CLI run), and `total_changes()`
 * moves when this connection inserts, updates or deletes a row (including through triggers).
 * Equal stamps mean no row has changed in between, so anything computed from the data under
 * one stamp is still exact under an equal one.
 */

export interface WriteStamp {
  dataVersion: number;
  totalChanges: number;
}

const statements = new WeakMap<SqliteDatabase.Database, SqliteDatabase.Statement>();

/** The connection's current write stamp (one cheap read, no table access). */
export function writeStamp(sqlite: SqliteDatabase.Database): WriteStamp {
  let statement = statements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare('SELECT total_changes() AS totalChanges');
    statements.set(sqlite, statement);
  }
  const { totalChanges } = statement.get() as { totalChanges: number };
  return { dataVersion: sqlite.pragma('data_version', { simple: true }) as number, totalChanges };
}

export const sameStamp = (a: WriteStamp, b: WriteStamp): boolean => a.dataVersion === b.dataVersion && a.totalChanges === b.totalChanges;
