import { createHash } from 'node:crypto';
import path from 'node:path';
import type SqliteDatabase from 'better-sqlite3';
import type { Transaction } from 'kysely';
import { ApiFailure } from '../../../shared/api/errors';
import type { BringBackPreview, BringBackRow, BringBackStatus, KeepChoice, TakeOutOrigin } from '../../../shared/api/schemas/offline-schemas';
import type { Database } from '../../storage/db/database';
import { insertAuditEntry } from '../../storage/db/repositories/audit-log-repository';
import { suspendVersionTriggersIn } from '../../storage/db/repositories/health-summaries-repository';
import { markBroughtBack, readTakeOutBase, readTakeOutOrigin } from '../../storage/db/repositories/take-out-repository';
import {
  ACCOUNT_TABLES,
  deleteRowByKey,
  inBatches,
  OBSERVATION_BATCH,
  observationsByKey,
  readAccountRows,
  readConsistently,
  upsertRows,
  WRITE_ORDER,
  writeSerializably,
  type WorkspaceRows,
  type WorkspaceTable,
} from '../../storage/db/repositories/workspace-rows-repository';
import { nextRowVersion } from '../../storage/db/row-version';
import type { MetricObservationRow } from '../../storage/db/tables/metric-observations-table';
import { openWorkspaceFile, type SqliteWorkspace, type Workspace } from '../../storage/workspace/open-workspace';
import { isConstraintViolation } from '../workspace-transfer/workspace-import';
import { accountIdOf, contentOf, differingFields, displayValue, entryKey, fullContentOf, rowKeyOf, rowLabel, rowsOf, type AnyRow } from './offline-rows';
import { originOf } from './take-out';

/*
 * Bringing a taken-out file back: every row of its accounts is compared on three sides — the base
 * (the row as taken out, recorded in the file), mine (the file now) and theirs (the source now).
 * Changed only here: written. Changed only there: kept. Changed on both sides, differently: a
 * conflict, settled per row by keep mine / keep theirs — never silently. One function decides
 * (planBringBack), for the preview and again inside the write's transaction.
 */

/** How many non-conflict rows the preview lists one by one (conflicts are always all listed). */
const MAX_ROWS_LISTED = 1_000;

interface PlannedRow {
  row: BringBackRow;
  table: WorkspaceTable;
  mine: AnyRow | undefined;
  theirs: AnyRow | undefined;
}

interface Plan {
  preview: BringBackPreview;
  planned: PlannedRow[];
}

export interface BringBackDeps {
  now: () => Date;
  actor: string;
  newId: () => string;
}

/** The open file, its origin and base, and its rows (closed by the caller). */
interface Laptop {
  file: SqliteWorkspace;
  origin: TakeOutOrigin;
  base: Map<string, { table: WorkspaceTable; row: AnyRow }>;
  mine: WorkspaceRows;
  /** The accounts the bring-back covers: the ones taken out and any made in the file since. */
  accountIds: string[];
}

/**
 * What bringing the file at `filePath` back into `workspace` would do, row by row; changes nothing.
 * @example const preview = await previewBringBack(team, '/home/ana/laptop.qbr', deps);
 */
export async function previewBringBack(workspace: Workspace, filePath: string, deps: BringBackDeps): Promise<BringBackPreview> {
  const laptop = await openLaptop(workspace, filePath, deps);
  try {
    const theirs = await readConsistently(workspace, (trx) => readAccountRows(trx, laptop.accountIds));
    return planBringBack(laptop, theirs, path.resolve(filePath)).preview;
  } finally {
    await laptop.file.close();
  }
}

export interface BringBackChoices {
  expectedFingerprint?: string;
  resolutions: Record<string, KeepChoice>;
  keepAll?: KeepChoice;
}

/**
 * Writes the file's changes into `workspace` in one transaction (SERIALIZABLE on a team database),
 * audit-logged as `offline.bringBack` by `deps.actor`, then marks the file as brought back.
 * Refuses, writing nothing: a conflict without a resolution (invalid_input), a resolution naming no
 * conflict (invalid_input), a source that changed since the preview's fingerprint (conflict), a row
 * the database refuses (conflict).
 */
export async function bringBack(workspace: Workspace, filePath: string, choices: BringBackChoices, deps: BringBackDeps) {
  const laptop = await openLaptop(workspace, filePath, deps);
  try {
    const at = deps.now();
    const outcome = await writeSerializably(workspace, async (trx) => {
      const theirs = await readAccountRows(trx, laptop.accountIds);
      const plan = planBringBack(laptop, theirs, path.resolve(filePath));
      if (choices.expectedFingerprint !== undefined && choices.expectedFingerprint !== plan.preview.fingerprint) {
        throw new ApiFailure(
          'conflict',
          `${laptop.origin.source} changed after the preview (someone saved rows of these accounts since). Nothing was written; preview again and settle what is new.`,
          { reason: 'changed_since_preview' },
        );
      }
      const decided = decide(plan, choices);
      await applyPlan(trx, workspace.sqlite, decided, at, deps);
      return { preview: plan.preview, ...decided.counts };
    }).catch((error: unknown) => {
      if (isConstraintViolation(error)) {
        throw new ApiFailure('conflict', `The source refused a row of the file (${(error as Error).message}). Nothing was written.`, { reason: 'constraint' });
      }
      if ((error as { code?: unknown } | null)?.code === '40001') {
        throw new ApiFailure('conflict', 'Someone saved rows of these accounts while they were being brought back. Nothing was written; preview again.', { reason: 'changed_since_preview' });
      }
      throw error;
    });
    await markBroughtBack(laptop.file.db, at.toISOString());
    return { ...outcome, broughtBackAt: at.toISOString() };
  } finally {
    await laptop.file.close();
  }
}

async function openLaptop(workspace: Workspace, filePath: string, deps: BringBackDeps): Promise<Laptop> {
  const absolute = path.resolve(filePath);
  if (absolute === workspace.path) throw new ApiFailure('invalid_input', 'Open the workspace the accounts were taken out of, then bring this file back into it.', { field: 'path' });
  const file = await openWorkspaceFile(absolute, { now: deps.now, nativeBinding: workspace.nativeBinding, ifMissing: 'refuse', integrityCheck: 'quick' });
  try {
    const originRow = await readTakeOutOrigin(file.db);
    if (!originRow) throw new ApiFailure('invalid_input', `${absolute} was not taken out of a workspace (it is an ordinary workspace file); there is nothing to bring back.`, { field: 'path' });
    const origin = originOf(originRow);
    if (origin.broughtBackAt !== null) {
      throw new ApiFailure('conflict', `${path.basename(absolute)} was brought back already (${origin.broughtBackAt}); take the accounts out again to keep working offline.`, { reason: 'brought_back' });
    }
    if (origin.source !== workspace.path) {
      throw new ApiFailure('invalid_input', `${path.basename(absolute)} was taken out of ${origin.source}, not of the open workspace (${workspace.path}); open that one to bring it back.`, {
        field: 'path',
        source: origin.source,
      });
    }
    const base = new Map<string, { table: WorkspaceTable; row: AnyRow }>();
    for (const entry of await readTakeOutBase(file.db)) {
      base.set(entryKey(entry.tableName as WorkspaceTable, entry.rowKey), { table: entry.tableName as WorkspaceTable, row: JSON.parse(entry.rowJson) as AnyRow });
    }
    const localAccounts = await file.db.selectFrom('accounts').select('id').execute();
    const accountIds = [...new Set([...origin.accountIds, ...localAccounts.map((a) => a.id)])];
    const mine = await readAccountRows(file.db, accountIds);
    return { file, origin, base, mine, accountIds };
  } catch (error) {
    await file.close();
    throw error;
  }
}

/** The one decision: each row's status from its three sides, the preview, and the source's fingerprint. */
function planBringBack(laptop: Laptop, theirs: WorkspaceRows, filePath: string): Plan {
  const mineByKey = byKey(laptop.mine);
  const theirsByKey = byKey(theirs);
  const names = new Map<string, string>();
  for (const [, { table, row }] of [...laptop.base, ...theirsByKey, ...mineByKey]) if (table === 'accounts') names.set(String(row.id), String(row.name));

  const counts = { unchanged: 0, 'changed-here': 0, 'changed-there': 0, 'added-here': 0, 'deleted-here': 0, conflict: 0 } as Record<BringBackStatus, number>;
  const planned: PlannedRow[] = [];
  const keys = [...new Set([...laptop.base.keys(), ...mineByKey.keys(), ...theirsByKey.keys()])];
  for (const key of keys) {
    const table = (laptop.base.get(key) ?? mineByKey.get(key) ?? theirsByKey.get(key))!.table;
    const base = laptop.base.get(key)?.row;
    const mine = mineByKey.get(key)?.row;
    const there = theirsByKey.get(key)?.row;
    const status = statusOf(table, base, mine, there);
    counts[status] += 1;
    if (status === 'unchanged') continue;
    const any = (mine ?? there ?? base)!;
    const accountId = accountIdOf(table, any);
    const changedHere = sideChanges(base, mine);
    const changedThere = sideChanges(base, there);
    const fieldsShown = status === 'conflict' ? [...new Set(base ? [...differingFields(base, mine), ...differingFields(base, there)] : differingFields(mine, there))].sort() : [];
    planned.push({
      table,
      mine,
      theirs: there,
      row: {
        key,
        table,
        accountId,
        accountName: names.get(accountId) ?? accountId,
        label: rowLabel(table, any),
        status,
        changedHere,
        changedThere,
        fields: fieldsShown.map((field) => ({ field, base: displayValue(base, field), mine: displayValue(mine, field), theirs: displayValue(there, field) })),
      },
    });
  }
  const conflicts = planned.filter((p) => p.row.status === 'conflict');
  const others = planned.filter((p) => p.row.status !== 'conflict');
  const listed = [...conflicts, ...others.slice(0, MAX_ROWS_LISTED)].map((p) => p.row);
  const fingerprint = createHash('sha256')
    .update([...theirsByKey].map(([key, { row }]) => `${key}\t${fullContentOf(row)}`).sort().join('\n'))
    .digest('hex');
  return {
    planned,
    preview: { path: filePath, origin: laptop.origin, counts, rows: listed, rowsOmitted: others.length - Math.min(others.length, MAX_ROWS_LISTED), fingerprint },
  };
}

/**
 * One row's status. An edit is a change of content (the version stamp aside); the same edit made
 * on both sides is no conflict.
 */
function statusOf(table: WorkspaceTable, base: AnyRow | undefined, mine: AnyRow | undefined, theirs: AnyRow | undefined): BringBackStatus {
  const hereChanged = contentOf(mine) !== contentOf(base);
  const thereChanged = contentOf(theirs) !== contentOf(base);
  if (!hereChanged) return thereChanged ? 'changed-there' : 'unchanged';
  if (thereChanged) return contentOf(mine) === contentOf(theirs) ? 'unchanged' : 'conflict';
  if (base === undefined) return 'added-here';
  if (mine === undefined) return 'deleted-here';
  if (table === 'accounts' && base.deletedAt === null && mine.deletedAt !== null) return 'deleted-here';
  return 'changed-here';
}

/** What one side changed since take-out: field names, or (new) / (deleted) for a whole row. */
function sideChanges(base: AnyRow | undefined, side: AnyRow | undefined): string[] {
  if (base === undefined) return side === undefined ? [] : ['(new)'];
  if (side === undefined) return ['(deleted)'];
  return differingFields(base, side);
}

function byKey(rows: WorkspaceRows): Map<string, { table: WorkspaceTable; row: AnyRow }> {
  const found = new Map<string, { table: WorkspaceTable; row: AnyRow }>();
  for (const { table, row } of rowsOf(rows, ACCOUNT_TABLES)) found.set(entryKey(table, rowKeyOf(table, row)), { table, row });
  return found;
}

interface Decided {
  /** Rows to write with the file's copy, and rows to remove from the source. */
  write: PlannedRow[];
  remove: PlannedRow[];
  counts: { written: number; removed: number; keptMine: number; keptTheirs: number };
}

/** Applies the resolutions to the plan; refuses a conflict left unresolved, or a resolution of no conflict. */
function decide(plan: Plan, choices: BringBackChoices): Decided {
  const conflictKeys = new Set(plan.planned.filter((p) => p.row.status === 'conflict').map((p) => p.row.key));
  const unknown = Object.keys(choices.resolutions).filter((key) => !conflictKeys.has(key));
  if (unknown.length > 0) {
    throw new ApiFailure('invalid_input', `Resolutions name rows that are not conflicts of this bring-back: ${unknown.slice(0, 5).join(', ')}. Nothing was written.`, { unknown });
  }
  const write: PlannedRow[] = [];
  const remove: PlannedRow[] = [];
  const unresolved: BringBackRow[] = [];
  let keptMine = 0;
  let keptTheirs = 0;
  for (const planned of plan.planned) {
    const { status } = planned.row;
    let takeMine = status === 'changed-here' || status === 'added-here' || status === 'deleted-here';
    if (status === 'conflict') {
      const choice = choices.resolutions[planned.row.key] ?? choices.keepAll;
      if (choice === undefined) {
        unresolved.push(planned.row);
        continue;
      }
      takeMine = choice === 'mine';
      if (takeMine) keptMine += 1;
      else keptTheirs += 1;
    }
    if (!takeMine) continue;
    if (planned.mine === undefined) {
      if (planned.theirs !== undefined) remove.push(planned);
    } else write.push(planned);
  }
  if (unresolved.length > 0) {
    const named = unresolved.slice(0, 5).map((row) => `${row.accountName}: ${row.label}`).join('; ');
    throw new ApiFailure(
      'invalid_input',
      `Choose keep mine or keep theirs for every conflict: ${unresolved.length} ${unresolved.length === 1 ? 'has' : 'have'} no choice (${named}${unresolved.length > 5 ? '; …' : ''}). Nothing was written.`,
      { unresolved: unresolved.map((row) => row.key) },
    );
  }
  return { write, remove, counts: { written: write.length, removed: remove.length, keptMine, keptTheirs } };
}

/**
 * Removes (children first), then writes (parents first) with new versions, each audit-logged. The
 * version triggers of metric values stand aside (as for a restore); the accounts whose values are
 * written or removed get their versions moved once at the end.
 */
async function applyPlan(trx: Transaction<Database>, sqlite: SqliteDatabase.Database | null, decided: Decided, at: Date, deps: BringBackDeps): Promise<void> {
  const finishBulkWrite = await suspendVersionTriggersIn(trx, sqlite);
  const changedAccounts = new Set([...decided.remove, ...decided.write].filter((planned) => planned.table === 'metricObservations').map((planned) => planned.row.accountId));
  const audit = (planned: PlannedRow, rowVersion: string, fields: readonly string[]) =>
    insertAuditEntry(trx as never, {
      id: deps.newId(),
      at: at.toISOString(),
      actor: deps.actor,
      method: 'offline.bringBack',
      tableName: planned.table,
      rowId: rowIdOf(planned),
      rowVersion,
      fieldsJson: JSON.stringify(fields),
      accountId: planned.table === 'settings' || planned.table === 'auditLog' ? null : accountIdOf(planned.table, (planned.mine ?? planned.theirs)!),
      rowLabel: (planned.mine ?? planned.theirs) ? rowLabel(planned.table, (planned.mine ?? planned.theirs)!) : null,
    });
  for (const table of [...WRITE_ORDER].reverse()) {
    for (const planned of decided.remove.filter((p) => p.table === table)) {
      if (table === 'accounts') {
        // Accounts are never removed outright (their rows would go with them): one missing from the file goes to the trash.
        const stamp = nextRowVersion(at, String(planned.theirs!.updatedAt));
        await upsertRows(trx, 'accounts', [{ ...(planned.theirs as AnyRow), deletedAt: at.toISOString(), updatedAt: stamp }] as never);
        await audit(planned, stamp, ['deletedAt']);
        continue;
      }
      await deleteRowByKey(trx, table, planned.theirs!);
      await audit(planned, at.toISOString(), ['(deleted)']);
    }
  }
  for (const table of WRITE_ORDER) {
    const rows: AnyRow[] = [];
    for (const planned of decided.write.filter((p) => p.table === table)) {
      const mine = planned.mine!;
      // A written row gets a version newer than both copies, so a client holding the source's old version is refused.
      const stamp = 'updatedAt' in mine ? nextRowVersion(at, maxVersion(String(mine.updatedAt), planned.theirs?.updatedAt as string | undefined)) : String(mine.createdAt);
      rows.push('updatedAt' in mine ? { ...mine, updatedAt: stamp } : mine);
      await audit(planned, stamp, planned.theirs ? differingFields(planned.theirs, mine) : Object.keys(mine).filter((field) => field !== 'updatedAt'));
    }
    if (table === 'metricObservations') {
      const observations = observationsByKey(trx);
      for (const batch of inBatches(rows as unknown as MetricObservationRow[], OBSERVATION_BATCH)) await observations.upsertMany(batch);
    } else await upsertRows(trx, table, rows as never);
  }
  await finishBulkWrite(changedAccounts);
}

function rowIdOf(planned: PlannedRow): string {
  const row = (planned.mine ?? planned.theirs)!;
  return typeof row.id === 'string' ? row.id : (JSON.parse(planned.row.key.slice(planned.table.length + 1)) as unknown[]).join('/');
}

function maxVersion(a: string, b: string | undefined): string {
  return b !== undefined && b > a ? b : a;
}
