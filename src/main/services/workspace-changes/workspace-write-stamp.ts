import type SqliteDatabase from 'better-sqlite3';
import type { Workspace } from '../../storage/workspace/open-workspace';

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

/** Stamps of team workspaces: a new one on every read (see workspaceWriteStamp). */
let teamStampCounter = 0;

/**
 * The workspace's current write stamp (an import's preview reuse checks it). A team workspace
 * (PostgreSQL) gets a new stamp on every call: other clients commit at any time and nothing tells
 * this one, so nothing keyed on the stamp is ever reused there. (Per-account caches key on the data
 * versions the database itself moves instead: migration 9.)
 */
export function workspaceWriteStamp(workspace: Pick<Workspace, 'sqlite'>): WriteStamp {
  return workspace.sqlite ? writeStamp(workspace.sqlite) : { dataVersion: ++teamStampCounter, totalChanges: 0 };
}
