import { ApiFailure } from '../../../shared/api/errors';
import type { WorkspaceDb } from '../../storage/db/database';
import { insertAuditEntry, listAuditEntries } from '../../storage/db/repositories/audit-log-repository';
import type { Updateable } from 'kysely';
import type { Database } from '../../storage/db/database';
import { currentRowVersion, deleteRowAtVersion, updateRowAtVersion, type VersionedTable } from '../../storage/db/repositories/versioned-rows-repository';
import { nextRowVersion } from '../../storage/db/row-version';
import type { HandlerDeps } from '../handler-deps';

/*
 * What every versioned write does besides writing: one conditional statement at the version the
 * caller read, an audit entry in the same transaction, and, when the row had moved on, a conflict
 * that says who changed what since. Accounts, streams, stakeholders, goals and commitments all
 * write through writeRowAtVersion.
 */

/** How many of the changes since the caller's version a conflict lists. */
const CHANGES_LISTED = 5;

/** Thrown inside a versioned write's transaction when the row had moved on: rolls it back. */
const STALE = Symbol('stale version');

type WriteDeps = Pick<HandlerDeps, 'session' | 'now' | 'newId'>;

export interface RowWrite {
  method: string;
  tableName: string;
  rowId: string;
  /** The row's updatedAt after the write. */
  rowVersion: string;
  fields: readonly string[];
  /** The account the row belongs to (an account's own id); null for rows of no account. */
  accountId: string | null;
  /** The row's name as the log shows it: an account's or person's name, a goal's title. */
  rowLabel: string;
}

/** Records `write` in the audit log as done by the session's user, now. */
export async function auditWrite(db: WorkspaceDb, deps: WriteDeps, write: RowWrite): Promise<void> {
  await insertAuditEntry(db, {
    id: deps.newId(),
    at: deps.now().toISOString(),
    actor: deps.session.actor,
    method: write.method,
    tableName: write.tableName,
    rowId: write.rowId,
    rowVersion: write.rowVersion,
    fieldsJson: JSON.stringify(write.fields),
    accountId: write.accountId,
    rowLabel: write.rowLabel,
  });
}

/** The row a versioned write is about, as the handler read it. */
export interface VersionedRow {
  table: VersionedTable;
  id: string;
  accountId: string;
  updatedAt: string;
  /** Its name in the log and in messages: "Oak Clinic", "Dana Ruiz". */
  label: string;
  /** How a message names it: 'the stakeholder "Dana Ruiz"'. */
  what: string;
}

/**
 * Writes over `row` only if it is still at the version the caller read (`expected`; the version
 * the handler just read when the caller gave none), with its audit entry in the same transaction.
 * `apply` runs the one conditional statement (update or delete) and says whether it hit; a miss is
 * a `conflict` listing what changed since, and nothing is saved. Returns the row's new version.
 * @example await writeRowAtVersion(db, deps, 'stakeholders.update', row, input.expectedUpdatedAt, ['title'], (trx, at, next) => updateRowAtVersion(trx, 'stakeholders', row.id, at, { title, updatedAt: next }));
 */
export async function writeRowAtVersion(
  db: WorkspaceDb,
  deps: WriteDeps,
  method: string,
  row: VersionedRow,
  expected: string | undefined,
  fields: readonly string[] | (() => readonly string[]),
  apply: (trx: WorkspaceDb, atVersion: string, nextVersion: string) => Promise<boolean>,
): Promise<string> {
  const version = expected ?? row.updatedAt;
  const next = nextRowVersion(deps.now(), version);
  const written = await db
    .transaction()
    .execute(async (trx) => {
      // A miss throws, so whatever `apply` did before its conditional statement rolls back with it.
      if (!(await apply(trx, version, next))) throw STALE;
      const written = typeof fields === 'function' ? fields() : fields;
      await auditWrite(trx, deps, { method, tableName: row.table, rowId: row.id, rowVersion: next, fields: written, accountId: row.accountId, rowLabel: row.label });
      return true;
    })
    .catch((error: unknown) => {
      if (error === STALE) return false;
      throw error;
    });
  if (!written) throw await staleWriteFailure(db, row.what, row.id, version, await currentRowVersion(db, row.table, row.id));
  return next;
}

/**
 * `changes` over `row` at the caller's version (see writeRowAtVersion). The audit lists the fields
 * whose stored value the write actually changes (a form sends every field; the log says which
 * moved), `termsJson` as `terms`; `alsoInTransaction` runs after the update when it hit.
 */
export async function updateAtVersion<T extends VersionedTable>(
  db: WorkspaceDb,
  deps: WriteDeps,
  method: string,
  row: VersionedRow & { table: T },
  expected: string | undefined,
  changes: Updateable<Database[T]>,
  alsoInTransaction?: (trx: WorkspaceDb) => Promise<void>,
): Promise<string> {
  let fields: readonly string[] = [];
  return writeRowAtVersion(db, deps, method, row, expected, () => fields, async (trx, at, next) => {
    const before = (await trx.selectFrom(row.table as VersionedTable).selectAll().where('id', '=', row.id).executeTakeFirst()) as Record<string, unknown> | undefined;
    if (!(await updateRowAtVersion(trx, row.table, row.id, at, { ...changes, updatedAt: next } as Updateable<Database[T]> & { updatedAt: string }))) return false;
    fields = changedFields(before, changes as Record<string, unknown>);
    await alsoInTransaction?.(trx);
    return true;
  });
}

/** The keys of `changes` whose value differs from the row's stored one (`…Json` columns named without the suffix). */
export function changedFields(before: Record<string, unknown> | undefined, changes: Record<string, unknown>): string[] {
  const same = (a: unknown, b: unknown) => ((a ?? null) === null || (b ?? null) === null ? (a ?? null) === (b ?? null) : String(a) === String(b));
  return Object.keys(changes)
    .filter((key) => changes[key] !== undefined && !(before && same(before[key], changes[key])))
    .map((key) => key.replace(/Json$/, ''));
}

/** Deletes `row` at the caller's version (see writeRowAtVersion). */
export async function deleteAtVersion(db: WorkspaceDb, deps: WriteDeps, method: string, row: VersionedRow, expected: string | undefined): Promise<void> {
  await writeRowAtVersion(db, deps, method, row, expected, [], (trx, at) => deleteRowAtVersion(trx, row.table, row.id, at));
}

/** Records the creation of `row` (call inside the insert's transaction). */
export async function auditCreate(db: WorkspaceDb, deps: WriteDeps, method: string, row: Omit<VersionedRow, 'what'>, fields: readonly string[]): Promise<void> {
  await auditWrite(db, deps, { method, tableName: row.table, rowId: row.id, rowVersion: row.updatedAt, fields, accountId: row.accountId, rowLabel: row.label });
}

/**
 * The `conflict` a write at a stale version gets: nothing was saved, and here is what changed
 * since `expectedVersion` (from the audit log), newest first.
 * @example throw await staleWriteFailure(db, '"Oak Clinic"', accountId, '2026-11-15T10:00:00.000Z', current.updatedAt);
 */
export async function staleWriteFailure(db: WorkspaceDb, what: string, rowId: string, expectedVersion: string, currentVersion: string | null): Promise<ApiFailure> {
  const entries = await listAuditEntries(db, { rowId, afterVersion: expectedVersion, limit: CHANGES_LISTED });
  const changes = entries.map((entry) => ({ actor: entry.actor, at: entry.at, method: entry.method, fields: JSON.parse(entry.fieldsJson) as string[] }));
  const listed = changes.map((change) => `${change.actor} at ${change.at} (${change.fields.map(fieldLabel).join(', ') || methodLabel(change.method)})`);
  const since = listed.length ? `: changed by ${listed.join('; ')}` : '';
  const gone = currentVersion === null ? ' It no longer exists.' : '';
  return new ApiFailure(
    'conflict',
    `${capitalised(what)} was changed by someone else after you opened it${since}.${gone} Nothing was saved; reload to see the current values, then make your change again.`,
    { reason: 'stale_version', expectedVersion, currentVersion, changes },
  );
}

/** 'renewalDate' → 'renewal date'. */
function fieldLabel(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
}

/** 'stakeholders.delete' → 'deleted'. */
function methodLabel(method: string): string {
  const verb = method.split('.').pop() ?? method;
  return verb === 'delete' ? 'deleted' : verb;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
