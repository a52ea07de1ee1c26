import { ApiFailure } from '../../../shared/api/errors';
import {
  EXPORT_TABLE_KEYS,
  type ImportMode,
  type ImportPreview,
  type MergeConflictRule,
  type RowChange,
  type TableChange,
  type WorkspaceExport,
} from '../../../shared/api/schemas/workspace-export-schemas';
import { ARCHETYPES, BUYER_TYPES, CUSTOMER_SEGMENTS, PAYMENT_ENVIRONMENTS, REVENUE_MODELS, type RevenueModelKey } from '../../../shared/framework/keys';
import { observationProblem } from '../../../shared/metrics/metric-validation';
import { nameKey } from '../../../shared/text/name-key';
import type { WorkspaceDb } from '../../storage/db/database';
import {
  deleteAllRows,
  PRIMARY_KEYS,
  readAllRows,
  upsertRows,
  WRITE_ORDER,
  type WorkspaceRows,
  type WorkspaceTable,
} from '../../storage/db/repositories/workspace-rows-repository';
import { backupBeforeBulkImport, type BackupEntry } from '../../storage/workspace/backups';
import type { Workspace } from '../../storage/workspace/open-workspace';
import { exportToRows } from './workspace-export';
import { restoredRowProblems } from './restore-row-rules';

/** How many problems a preview lists; the first few are enough to fix a file. */
const MAX_PROBLEMS = 20;
/** How many differing rows a merge preview lists one by one. */
const MAX_ROW_CHANGES = 1_000;

/** What an import will do: the preview, and the rows it writes (merge: new rows and the file's copies that win). */
interface ImportPlan {
  preview: ImportPreview;
  rowsToWrite: WorkspaceRows;
}

/**
 * What importing `data` would change, without changing anything. `problems` lists what would
 * make the import fail (the import refuses to start while there are any); `rowChanges` lists the
 * existing rows a merge would overwrite, revive or keep.
 * @example const preview = await previewWorkspaceImport(workspace.db, data, 'merge');
 */
export async function previewWorkspaceImport(db: WorkspaceDb, data: WorkspaceExport, mode: ImportMode, conflicts: MergeConflictRule = 'keep-newer'): Promise<ImportPreview> {
  return (await planWorkspaceImport(db, data, mode, conflicts)).preview;
}

async function planWorkspaceImport(db: WorkspaceDb, data: WorkspaceExport, mode: ImportMode, conflicts: MergeConflictRule): Promise<ImportPlan> {
  const current = await readAllRows(db);
  const incoming = exportToRows(data);
  const tables = {} as ImportPreview['tables'];
  const rowChanges: RowChange[] = [];
  let rowChangesOmitted = 0;
  const rowsToWrite = {} as Record<WorkspaceTable, unknown[]>;
  for (const table of EXPORT_TABLE_KEYS) {
    const diff = diffTable(table, current[table], incoming[table], mode, conflicts);
    tables[table] = diff.change;
    rowsToWrite[table] = diff.rowsToWrite;
    for (const row of diff.rowChanges) {
      if (rowChanges.length < MAX_ROW_CHANGES) rowChanges.push(row);
      else rowChangesOmitted += 1;
    }
  }
  const written = rowsToWrite as unknown as WorkspaceRows;
  const problems = [...restoredRowProblems(data, MAX_PROBLEMS), ...findProblems(current, incoming, written, mode)].slice(0, MAX_PROBLEMS);
  return { preview: { mode, tables, problems, conflicts, rowChanges, rowChangesOmitted }, rowsToWrite: written };
}

export interface ImportResult {
  preview: ImportPreview;
  /** The automatic backup taken before the import, to undo it. */
  backup: BackupEntry;
}

/**
 * Imports an export into the open workspace in one transaction, after a `pre-import` backup.
 * merge: new rows are added; a row both sides have is settled by `conflicts` (keep-newer: the copy
 * with the later updatedAt wins and an account deleted here since stays deleted; take-file: the
 * file's copy wins); rows only here are kept. replace: the workspace ends up holding exactly the
 * file's rows. Refuses (changing nothing) when the preview has problems.
 */
export async function importWorkspace(workspace: Workspace, data: WorkspaceExport, mode: ImportMode, at: Date, conflicts: MergeConflictRule = 'keep-newer'): Promise<ImportResult> {
  const { preview, rowsToWrite } = await planWorkspaceImport(workspace.db, data, mode, conflicts);
  if (preview.problems.length > 0) {
    throw new ApiFailure('conflict', `The file cannot be imported: ${preview.problems[0]}${preview.problems.length > 1 ? ` (and ${preview.problems.length - 1} more)` : ''}. Nothing was changed.`, {
      problems: preview.problems,
    });
  }
  const backup = await backupBeforeBulkImport(workspace, at);
  try {
    await workspace.db.transaction().execute(async (trx) => {
      if (mode === 'replace') await deleteAllRows(trx);
      for (const table of WRITE_ORDER) await upsertRows(trx, table, rowsToWrite[table]);
    });
  } catch (error) {
    // The preview checks what it can; SQLite's own constraints are the backstop, and the transaction has rolled back.
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
      throw new ApiFailure('conflict', `The file cannot be imported: ${(error as Error).message}. Nothing was changed.`);
    }
    throw error;
  }
  return { preview, backup };
}

interface TableDiff {
  change: TableChange;
  rowChanges: RowChange[];
  rowsToWrite: unknown[];
}

function diffTable<T extends WorkspaceTable>(table: T, current: WorkspaceRows[T], incoming: WorkspaceRows[T], mode: ImportMode, conflicts: MergeConflictRule): TableDiff {
  const keyOf = rowKey(table);
  const existing = new Map<string, WorkspaceRows[T][number]>(current.map((row) => [keyOf(row), row]));
  const change: TableChange = { added: 0, updated: 0, unchanged: 0, removed: 0, kept: 0 };
  const rowChanges: RowChange[] = [];
  const rowsToWrite: unknown[] = [];
  const seen = new Set<string>();
  for (const row of incoming) {
    const key = keyOf(row);
    seen.add(key);
    const before = existing.get(key);
    if (before === undefined) {
      change.added += 1;
      rowsToWrite.push(row);
      continue;
    }
    if (canonical(before) === canonical(row)) {
      change.unchanged += 1;
      if (mode === 'replace') rowsToWrite.push(row);
      continue;
    }
    if (mode === 'replace') {
      change.updated += 1;
      rowsToWrite.push(row);
      continue;
    }
    const fileUpdatedAt = stampOf(row);
    const workspaceUpdatedAt = stampOf(before);
    const revive = table === 'accounts' && (before as { deletedAt: string | null }).deletedAt !== null && (row as { deletedAt: string | null }).deletedAt === null;
    const takeFile = conflicts === 'take-file' || fileUpdatedAt > workspaceUpdatedAt;
    if (takeFile) {
      change.updated += 1;
      rowsToWrite.push(row);
    } else {
      change.kept += 1;
    }
    rowChanges.push({
      table,
      key: readableKey(table, row),
      label: labelOf(table, row),
      change: revive ? 'revive' : 'overwrite',
      fileUpdatedAt,
      workspaceUpdatedAt,
      resolution: takeFile ? 'take-file' : 'keep-workspace',
    });
  }
  if (mode === 'replace') change.removed = [...existing.keys()].filter((key) => !seen.has(key)).length;
  return { change, rowChanges, rowsToWrite };
}

/** When a row last changed: updatedAt (decks, which never change, their createdAt); an account deleted later than that, its deletedAt. */
function stampOf(row: object): string {
  const r = row as { updatedAt?: string; createdAt?: string; deletedAt?: string | null };
  const changed = r.updatedAt ?? r.createdAt ?? '';
  return r.deletedAt && r.deletedAt > changed ? r.deletedAt : changed;
}

function readableKey(table: WorkspaceTable, row: object): string {
  return (PRIMARY_KEYS[table] as readonly string[]).map((column) => String((row as Record<string, unknown>)[column])).join('/');
}

/** What a person recognises a row by. */
function labelOf(table: WorkspaceTable, row: object): string {
  const r = row as Record<string, unknown>;
  switch (table) {
    case 'accounts':
    case 'revenueStreams':
      return String(r.name);
    case 'stakeholders':
      return String(r.personName);
    case 'goals':
      return String(r.title);
    case 'assessments':
      return `assessment ${String(r.quarter)}`;
    case 'metricObservations':
      return `${String(r.metricKey)} for ${String(r.month)}`;
    case 'decks':
      return `deck ${String(r.filePath)}`;
    default:
      return String(r.key);
  }
}

/**
 * What the workspace would hold after the import (merge: current rows overridden by the rows it
 * writes), checked for what SQLite would refuse and for keys this app does not know; duplicate keys
 * are looked for in the whole file.
 */
function findProblems(current: WorkspaceRows, incoming: WorkspaceRows, written: WorkspaceRows, mode: ImportMode): string[] {
  const problems: string[] = [];
  for (const table of WRITE_ORDER) {
    const keyOf = rowKey(table);
    const keys = new Set<string>();
    for (const row of incoming[table]) {
      const key = keyOf(row);
      if (keys.has(key)) problems.push(`${table} has two rows with the key ${key}`);
      keys.add(key);
    }
  }

  const final = mode === 'replace' ? incoming : mergeRows(current, written);
  const accountIds = new Set(final.accounts.map((a) => a.id));
  const streamIds = new Set(final.revenueStreams.map((s) => s.id));
  const liveNames = new Map<string, string>();
  for (const account of final.accounts) {
    if (account.deletedAt !== null) continue;
    // Names that only look different (NFD, case, invisible characters) would be two identical-looking accounts.
    const folded = nameKey(account.name);
    const other = liveNames.get(folded);
    if (other !== undefined && other !== account.id) problems.push(`two accounts would be named "${account.name}" (ids ${other} and ${account.id})`);
    liveNames.set(folded, account.id);
    if (!(CUSTOMER_SEGMENTS as readonly string[]).includes(account.customerSegment)) problems.push(`account ${account.id} has an unknown customer segment "${account.customerSegment}"`);
    if (!(BUYER_TYPES as readonly string[]).includes(account.buyerType)) problems.push(`account ${account.id} has an unknown buyer type "${account.buyerType}"`);
  }
  for (const stream of final.revenueStreams) {
    if (!accountIds.has(stream.accountId)) problems.push(`revenue stream ${stream.id} belongs to account ${stream.accountId}, which is not there`);
    if (!(REVENUE_MODELS as readonly string[]).includes(stream.revenueModel)) problems.push(`revenue stream ${stream.id} has an unknown revenue model "${stream.revenueModel}"`);
    if (stream.paymentEnvironment !== null && !(PAYMENT_ENVIRONMENTS as readonly string[]).includes(stream.paymentEnvironment)) {
      problems.push(`revenue stream ${stream.id} has an unknown payment environment "${stream.paymentEnvironment}"`);
    }
  }
  for (const person of final.stakeholders) {
    if (!accountIds.has(person.accountId)) problems.push(`stakeholder ${person.id} belongs to account ${person.accountId}, which is not there`);
    if (!(ARCHETYPES as readonly string[]).includes(person.archetype)) problems.push(`stakeholder ${person.id} has an unknown archetype "${person.archetype}"`);
  }
  for (const table of ['assessments', 'goals', 'metricObservations', 'decks'] as const) {
    for (const row of final[table]) {
      if (!accountIds.has(row.accountId)) problems.push(`a row of ${table} (${rowKey(table)(row as never)}) belongs to account ${row.accountId}, which is not there`);
    }
  }
  // Observation values obey the same rules as CSV import and manual entry (shared/metrics/metric-validation.ts).
  const streamModels = new Map(final.revenueStreams.map((stream) => [stream.id, stream.revenueModel as RevenueModelKey]));
  for (const observation of final.metricObservations) {
    const where = `${observation.metricKey} for ${observation.month} (account ${observation.accountId}${observation.streamId ? `, stream ${observation.streamId}` : ''})`;
    if (observation.streamId !== '' && !streamModels.has(observation.streamId)) {
      problems.push(`${where} belongs to revenue stream ${observation.streamId}, which is not there`);
      continue;
    }
    const problem = observationProblem(observation.metricKey, observation.value, observation.streamId === '' ? null : streamModels.get(observation.streamId)!);
    if (problem) problems.push(`${where}: ${problem.message}`);
  }
  for (const goal of final.goals) {
    if (goal.streamId !== null && !streamIds.has(goal.streamId)) problems.push(`goal ${goal.id} refers to revenue stream ${goal.streamId}, which is not there`);
  }
  // An assessment is unique per account and quarter.
  const quarters = new Map<string, string>();
  for (const assessment of final.assessments) {
    const slot = `${assessment.accountId}/${assessment.quarter}`;
    const other = quarters.get(slot);
    if (other !== undefined && other !== assessment.id) problems.push(`account ${assessment.accountId} would have two assessments for ${assessment.quarter}`);
    quarters.set(slot, assessment.id);
  }
  return problems;
}

/** The rows a merge would leave: current rows, overridden by incoming rows with the same key. */
function mergeRows(current: WorkspaceRows, incoming: WorkspaceRows): WorkspaceRows {
  const merged = {} as Record<WorkspaceTable, unknown[]>;
  for (const table of WRITE_ORDER) {
    const keyOf = rowKey(table);
    const byKey = new Map<string, unknown>(current[table].map((row) => [keyOf(row as never), row]));
    for (const row of incoming[table]) byKey.set(keyOf(row as never), row);
    merged[table] = [...byKey.values()];
  }
  return merged as unknown as WorkspaceRows;
}

function rowKey<T extends WorkspaceTable>(table: T): (row: WorkspaceRows[T][number]) => string {
  const columns = PRIMARY_KEYS[table] as readonly string[];
  return (row) => JSON.stringify(columns.map((column) => (row as Record<string, unknown>)[column]));
}

/** Row content with keys sorted, so rows compare equal whatever order their fields came in. */
function canonical(row: object): string {
  return JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1))));
}
