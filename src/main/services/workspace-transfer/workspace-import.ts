import { ApiFailure } from '../../../shared/api/errors';
import {
  EXPORT_TABLE_KEYS,
  type ImportMode,
  type ImportPreview,
  type MergeConflictRule,
  type RowChange,
  type TableChange,
} from '../../../shared/api/schemas/workspace-export-schemas';
import { ARCHETYPES, BUYER_TYPES, CUSTOMER_SEGMENTS, PAYMENT_ENVIRONMENTS, REVENUE_MODELS, type RevenueModelKey } from '../../../shared/framework/keys';
import { metricMonthProblem, observationProblem } from '../../../shared/metrics/metric-validation';
import { nameKey } from '../../../shared/text/name-key';
import type { MetricObservationRow } from '../../storage/db/tables/metric-observations-table';
import {
  deleteAllRows,
  inBatches,
  OBSERVATION_BATCH,
  observationKeyText,
  observationsByKey,
  PRIMARY_KEYS,
  readAllRows,
  upsertRows,
  WRITE_ORDER,
  type WorkspaceRows,
  type WorkspaceTable,
} from '../../storage/db/repositories/workspace-rows-repository';
import { suspendVersionTriggersIn } from '../../storage/db/repositories/health-summaries-repository';
import { backupBeforeBulkImport, type BackupEntry } from '../../storage/workspace/backups';
import type { Workspace } from '../../storage/workspace/open-workspace';
import type { Database, WorkspaceDb } from '../../storage/db/database';
import type { Transaction } from 'kysely';
import type { StagedExport } from './export-file-reader';
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
 * What importing the staged file would change, without changing anything. `problems` lists what
 * would make the import fail (the import refuses to start while there are any); `rowChanges` lists
 * the existing rows a merge would overwrite, revive or keep.
 * @example const preview = await previewWorkspaceImport(workspace, staged, 'merge');
 */
export async function previewWorkspaceImport(workspace: Workspace, staged: StagedExport, mode: ImportMode, conflicts: MergeConflictRule = 'keep-newer'): Promise<ImportPreview> {
  return (await planWorkspaceImport(workspace, staged, mode, conflicts)).preview;
}

/**
 * Tables but metric values are compared in memory (a few thousand rows); metric values, which can
 * run to millions, one at a time from the stage against the workspace by key, and decided again
 * the same way when they are written.
 */
async function planWorkspaceImport(workspace: Workspace, staged: StagedExport, mode: ImportMode, conflicts: MergeConflictRule): Promise<ImportPlan> {
  const current = await readAllRows(workspace.db, ['metricObservations']);
  const incoming = exportToRows(staged.data);
  const tables = {} as ImportPreview['tables'];
  const rowChanges: RowChange[] = [];
  let rowChangesOmitted = 0;
  const listChange = (row: RowChange) => {
    if (rowChanges.length < MAX_ROW_CHANGES) rowChanges.push(row);
    else rowChangesOmitted += 1;
  };
  const rowsToWrite = {} as Record<WorkspaceTable, unknown[]>;
  for (const table of EXPORT_TABLE_KEYS) {
    if (table === 'metricObservations') continue;
    const diff = diffTable(table, current[table], incoming[table], mode, conflicts);
    tables[table] = diff.change;
    rowsToWrite[table] = diff.rowsToWrite;
    diff.rowChanges.forEach(listChange);
  }
  rowsToWrite.metricObservations = [];
  const written = rowsToWrite as unknown as WorkspaceRows;
  const final = mode === 'replace' ? incoming : mergeRows(current, written);
  const observations = await planObservations(workspace.db, staged, final, current, mode, conflicts, listChange);
  tables.metricObservations = observations.change;
  const problems = [
    ...restoredRowProblems(staged.data, MAX_PROBLEMS),
    ...findProblems(incoming, final, staged.duplicateObservationKeys),
    ...observations.problems,
  ].slice(0, MAX_PROBLEMS);
  return { preview: { mode, tables, problems, conflicts, rowChanges, rowChangesOmitted }, rowsToWrite: written };
}

/**
 * Metric values: compares each staged value with the workspace's by key, and checks it against
 * the one rule set for metric values (shared/metrics/metric-validation.ts) on the stream it would
 * belong to. A merge that changes a stream's revenue model also checks the values kept there.
 */
async function planObservations(
  db: WorkspaceDb,
  staged: StagedExport,
  final: WorkspaceRows,
  current: WorkspaceRows,
  mode: ImportMode,
  conflicts: MergeConflictRule,
  listChange: (row: RowChange) => void,
): Promise<{ change: TableChange; problems: string[] }> {
  const existing = observationsByKey(db);
  const change: TableChange = { added: 0, updated: 0, unchanged: 0, removed: 0, kept: 0 };
  const problems: string[] = [];
  const problem = (text: string) => void (problems.length < MAX_PROBLEMS && problems.push(text));
  const accountIds = new Set(final.accounts.map((a) => a.id));
  const streamModels = new Map(final.revenueStreams.map((stream) => [stream.id, stream.revenueModel as RevenueModelKey]));
  let matched = 0;
  for (const batch of inBatches(staged.observations.rows(), OBSERVATION_BATCH)) {
    const found = await existing.findMany(batch);
    for (const row of batch) {
      const before = found.get(observationKeyText(row));
      if (before !== undefined) matched += 1;
      const settled = settleRow('metricObservations', before, row, mode, conflicts);
      change[settled.counted] += 1;
      if (settled.rowChange) listChange(settled.rowChange);
      if (problems.length < MAX_PROBLEMS) observationProblems(row, accountIds, streamModels).forEach(problem);
    }
  }
  if (mode === 'replace') change.removed = (await existing.count()) - matched;
  else {
    // Values kept here on a stream whose model the file changes must still suit the new model.
    const before = new Map(current.revenueStreams.map((stream) => [stream.id, stream.revenueModel]));
    for (const [streamId, model] of streamModels) {
      if (!before.has(streamId) || before.get(streamId) === model) continue;
      for (const kept of await existing.ofStream(streamId)) {
        if (problems.length >= MAX_PROBLEMS) break;
        const replacing = staged.observations.get(kept);
        if (replacing !== undefined && settleRow('metricObservations', kept, replacing, mode, conflicts).write) continue;
        observationProblems(kept, accountIds, streamModels).forEach(problem);
      }
    }
  }
  return { change, problems };
}

/** Why one metric value cannot be in the workspace after the import; [] when it can. */
function observationProblems(observation: MetricObservationRow, accountIds: ReadonlySet<string>, streamModels: ReadonlyMap<string, RevenueModelKey>): string[] {
  const where = `${observation.metricKey} for ${observation.month} (account ${observation.accountId}${observation.streamId ? `, stream ${observation.streamId}` : ''})`;
  const found: string[] = [];
  const monthProblem = metricMonthProblem(observation.month);
  if (monthProblem) found.push(`${where}: ${monthProblem}`);
  if (!accountIds.has(observation.accountId)) found.push(`a row of metricObservations (${where}) belongs to account ${observation.accountId}, which is not there`);
  if (observation.streamId !== '' && !streamModels.has(observation.streamId)) {
    found.push(`${where} belongs to revenue stream ${observation.streamId}, which is not there`);
    return found;
  }
  const valueProblem = observationProblem(observation.metricKey, observation.value, observation.streamId === '' ? null : streamModels.get(observation.streamId)!);
  if (valueProblem) found.push(`${where}: ${valueProblem.message}`);
  return found;
}

export interface ImportResult {
  preview: ImportPreview;
  /** The automatic backup taken before the import, to undo it; null on a team workspace (the server keeps its own backups). */
  backup: BackupEntry | null;
}

/**
 * Imports an export into the open workspace in one transaction, after a `pre-import` backup.
 * merge: new rows are added; a row both sides have is settled by `conflicts` (keep-newer: the copy
 * with the later updatedAt wins and an account deleted here since stays deleted; take-file: the
 * file's copy wins); rows only here are kept. replace: the workspace ends up holding exactly the
 * file's rows. Refuses (changing nothing) when the preview has problems.
 */
export async function importWorkspace(workspace: Workspace, staged: StagedExport, mode: ImportMode, at: Date, conflicts: MergeConflictRule = 'keep-newer'): Promise<ImportResult> {
  const { preview, rowsToWrite } = await planWorkspaceImport(workspace, staged, mode, conflicts);
  if (preview.problems.length > 0) {
    throw new ApiFailure('conflict', `The file cannot be imported: ${preview.problems[0]}${preview.problems.length > 1 ? ` (and ${preview.problems.length - 1} more)` : ''}. Nothing was changed.`, {
      problems: preview.problems,
    });
  }
  // A file is backed up first; a team database is covered by the server's own backups (pg_dump, PITR).
  const backup = workspace.dialect === 'sqlite' ? await backupBeforeBulkImport(workspace, at) : null;
  try {
    await workspace.db.transaction().execute(async (trx) => {
      // The version triggers (migration 9) would fire per metric value; the accounts whose values
      // this writes or deletes get their versions moved once, before COMMIT, as the CSV import does.
      const finishBulkWrite = await suspendVersionTriggersIn(trx, workspace.sqlite);
      const changedAccounts = new Set<string>();
      if (mode === 'replace') {
        // Every value goes, so every account there was (each value belongs to one) changes.
        for (const { id } of await trx.selectFrom('accounts').select('id').execute()) changedAccounts.add(id);
        await deleteAllRows(trx);
      }
      for (const table of WRITE_ORDER) {
        if (table !== 'metricObservations') await upsertRows(trx, table, rowsToWrite[table]);
        else await writeStagedObservations(trx, staged, mode, conflicts, changedAccounts);
      }
      await finishBulkWrite(changedAccounts);
    });
  } catch (error) {
    // The preview checks what it can; the database's own constraints are the backstop, and the transaction has rolled back.
    if (isConstraintViolation(error)) {
      throw new ApiFailure('conflict', `The file cannot be imported: ${(error as Error).message}. Nothing was changed.`);
    }
    throw error;
  }
  return { preview, backup };
}

/**
 * Writes the staged metric values the plan takes, deciding each as the preview did, and adds the
 * accounts it writes values of to `changedAccounts`; runs inside the import's transaction.
 */
async function writeStagedObservations(trx: Transaction<Database>, staged: StagedExport, mode: ImportMode, conflicts: MergeConflictRule, changedAccounts: Set<string>): Promise<void> {
  const existing = observationsByKey(trx);
  for (const batch of inBatches(staged.observations.rows(), OBSERVATION_BATCH)) {
    const found = mode === 'replace' ? new Map<string, MetricObservationRow>() : await existing.findMany(batch);
    const written = batch.filter((row) => settleRow('metricObservations', found.get(observationKeyText(row)), row, mode, conflicts).write);
    for (const row of written) changedAccounts.add(row.accountId);
    await existing.upsertMany(written);
  }
}

/** A row the database refused for a constraint: SQLite's SQLITE_CONSTRAINT_*, PostgreSQL's class 23 (integrity constraint violation). */
export function isConstraintViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CONSTRAINT') || /^23[0-9A-Z]{3}$/.test(code));
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
    const settled = settleRow(table, existing.get(key), row, mode, conflicts);
    change[settled.counted] += 1;
    if (settled.write) rowsToWrite.push(row);
    if (settled.rowChange) rowChanges.push(settled.rowChange);
  }
  if (mode === 'replace') change.removed = [...existing.keys()].filter((key) => !seen.has(key)).length;
  return { change, rowChanges, rowsToWrite };
}

interface SettledRow {
  /** Which count of the preview the row adds to. */
  counted: 'added' | 'updated' | 'unchanged' | 'kept';
  /** Whether the import writes the file's copy. */
  write: boolean;
  /** Merge: an existing row that differs, listed in the preview. */
  rowChange: RowChange | null;
}

/**
 * What the import does with one row of the file, given this workspace's row with the same key
 * (undefined: none). The one decision for every table, in the preview and in the write.
 */
function settleRow(table: WorkspaceTable, before: object | undefined, row: object, mode: ImportMode, conflicts: MergeConflictRule): SettledRow {
  if (before === undefined) return { counted: 'added', write: true, rowChange: null };
  if (canonical(before) === canonical(row)) return { counted: 'unchanged', write: mode === 'replace', rowChange: null };
  if (mode === 'replace') return { counted: 'updated', write: true, rowChange: null };
  const fileUpdatedAt = stampOf(row);
  const workspaceUpdatedAt = stampOf(before);
  const revive = table === 'accounts' && (before as { deletedAt: string | null }).deletedAt !== null && (row as { deletedAt: string | null }).deletedAt === null;
  const takeFile = conflicts === 'take-file' || fileUpdatedAt > workspaceUpdatedAt;
  return {
    counted: takeFile ? 'updated' : 'kept',
    write: takeFile,
    rowChange: {
      table,
      key: readableKey(table, row),
      label: labelOf(table, row),
      change: revive ? 'revive' : 'overwrite',
      fileUpdatedAt,
      workspaceUpdatedAt,
      resolution: takeFile ? 'take-file' : 'keep-workspace',
    },
  };
}

/** When a row last changed: updatedAt (decks, which never change, their createdAt); an account deleted later than that, its deletedAt. */
function stampOf(row: object): string {
  const r = row as { updatedAt?: string; createdAt?: string; at?: string; deletedAt?: string | null };
  const changed = r.updatedAt ?? r.createdAt ?? r.at ?? '';
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
    case 'commitments':
      return `commitment "${String(r.text).slice(0, 60)}"`;
    case 'deckDrafts':
      return `deck draft ${String(r.deckType)} ${String(r.quarter)}`;
    case 'auditLog':
      return `audit entry ${String(r.method)} by ${String(r.actor)} at ${String(r.at)}`;
    default:
      return String(r.key);
  }
}

/**
 * What the workspace would hold after the import (`final`; merge: current rows overridden by the
 * rows it writes), checked for what SQLite would refuse and for keys this app does not know;
 * duplicate keys are looked for in the whole file. Metric values are checked in planObservations.
 */
function findProblems(incoming: WorkspaceRows, final: WorkspaceRows, duplicateObservationKeys: readonly string[]): string[] {
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
  for (const key of duplicateObservationKeys) problems.push(`metricObservations has two rows with the key ${key}`);

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
  for (const table of ['assessments', 'goals', 'decks', 'commitments', 'deckDrafts'] as const) {
    for (const row of final[table]) {
      if (!accountIds.has(row.accountId)) problems.push(`a row of ${table} (${rowKey(table)(row as never)}) belongs to account ${row.accountId}, which is not there`);
    }
  }
  for (const goal of final.goals) {
    if (goal.streamId !== null && !streamIds.has(goal.streamId)) problems.push(`goal ${goal.id} refers to revenue stream ${goal.streamId}, which is not there`);
  }
  const stakeholderIds = new Set(final.stakeholders.map((p) => p.id));
  const deckIds = new Set(final.decks.map((d) => d.id));
  for (const c of final.commitments) {
    if (c.stakeholderId !== null && !stakeholderIds.has(c.stakeholderId)) problems.push(`commitment ${c.id} names stakeholder ${c.stakeholderId}, who is not there`);
    if (c.deckId !== null && !deckIds.has(c.deckId)) problems.push(`commitment ${c.id} refers to deck record ${c.deckId}, which is not there`);
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
