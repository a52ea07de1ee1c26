import type { ImportMapping, ImportRefusal } from '../../../shared/api/schemas/import-schemas';
import type { MetricDefinition } from '../../../shared/metrics/metric-definition';
import { buildImportPlan, type ImportPlan } from '../../../shared/metrics-import/import-plan';
import type { DayOrder } from '../../../shared/metrics-import/month-cell';
import type { DecimalSeparator } from '../../../shared/metrics-import/number-cell';
import { createPhiRowCheck } from '../../../shared/metrics-import/phi-row-check';
import { RowErrorLog } from '../../../shared/metrics-import/row-error-log';
import { createRowValidator, type ValidationCounts, type ValidObservation } from '../../../shared/metrics-import/row-validator';
import { openCsvReader, type CsvBatch } from './csv-batch-reader';
import type { CsvDialect } from './csv-dialect';
import { ImportCancelledError, ImportRefusedError } from './import-refused-error';
import type { WorkspaceImportLookups } from './import-lookups';
import type { OpenedImportSource } from './import-source';
import type { ImportEncoding } from './text-decoding';

/** Rows read before the plan is made, to detect the decimal separator and day order. */
const SAMPLE_ROWS = 500;

/** Progress as rows and bytes; bytes move the progress bar since the row count is unknown until the end. */
export interface ImportProgressReport {
  rowsProcessed: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ImportPassOptions {
  source: OpenedImportSource;
  lookups: WorkspaceImportLookups;
  catalog: readonly MetricDefinition[];
  accountId?: string;
  mapping?: ImportMapping;
  decimalSeparator?: DecimalSeparator;
  dayOrder?: DayOrder;
  remembered: Readonly<Record<string, ImportMapping>>;
  maxErrors: number;
  /** The latest month a value may be for (YYYY-MM). */
  latestMonth: string;
  /** Called once the plan is usable and before any value reaches `consume` (the commit takes its backup and opens its transaction here). */
  onPlan?: (plan: ImportPlan) => Promise<void>;
  /**
   * Receives each chunk's valid values; the array is reused once the returned promise settles, so
   * copy what must outlive it. The next chunk is read only after it settles.
   */
  consume: (values: readonly ValidObservation[], errors: RowErrorLog) => void | Promise<void>;
  onProgress?: (progress: ImportProgressReport) => void;
  isCancelled?: () => boolean;
}

/** Everything one pass over a file learned. `refusal` is set when the file was refused whole. */
export interface ImportPassResult {
  encoding: ImportEncoding | null;
  dialect: CsvDialect | null;
  plan: ImportPlan | null;
  counts: ValidationCounts;
  errors: RowErrorLog;
  refusal: ImportRefusal | null;
}

/**
 * One streaming pass over a CSV: decode, parse, plan from the header, then per row the PHI
 * tripwire and validation, handing valid values to `consume` chunk by chunk. Yields to the event
 * loop after every chunk so the process stays responsive, and stops at a cancel between chunks.
 */
export async function runImportPass(options: ImportPassOptions): Promise<ImportPassResult> {
  const counts: ValidationCounts = { rows: 0, values: 0, valid: 0, rejected: 0 };
  const errors = new RowErrorLog(options.maxErrors);
  const result: ImportPassResult = { encoding: null, dialect: null, plan: null, counts, errors, refusal: null };
  try {
    await pass(options, result);
  } catch (error) {
    if (!(error instanceof ImportRefusedError)) throw error;
    result.refusal = error.refusal;
    // Row errors of the lines before a patient-level row may quote its neighbours; the file is refused whole, so drop them.
    if (error.refusal.code === 'phi') errors.clear();
  }
  return result;
}

async function pass(options: ImportPassOptions, result: ImportPassResult): Promise<void> {
  const { source, lookups, catalog } = options;
  const { errors, counts } = result;
  let forcedAccount: { id: string; name: string } | null = null;
  if (options.accountId !== undefined) {
    if (!lookups.hasAccount(options.accountId)) throw new ImportRefusedError('mapping', 'The account chosen for this file no longer exists in the workspace.');
    forcedAccount = { id: options.accountId, name: lookups.accountName(options.accountId) };
  }

  const reader = await openCsvReader(source);
  result.encoding = reader.encoding;
  result.dialect = reader.dialect;
  const report = (bytesRead: number) => options.onProgress?.({ rowsProcessed: counts.rows, bytesRead, totalBytes: source.totalBytes });

  let headers: string[] | null = null;
  let headerLine = 1;
  const pending: CsvBatch[] = [];
  let pendingRows = 0;
  // Set once the plan exists; before that, batches wait in `pending` (a holder, since closures assign it).
  const state: { process: ((batch: CsvBatch) => Promise<void>) | null } = { process: null };

  const makePlan = async () => {
    const sampleRows = pending.flatMap((batch) => batch.rows).slice(0, SAMPLE_ROWS);
    const plan = buildImportPlan({
      headers: headers ?? [],
      headerLine,
      sampleRows,
      delimiter: reader.dialect.delimiter,
      catalog,
      accountForced: forcedAccount !== null,
      remembered: options.remembered,
      mapping: options.mapping,
      decimalSeparator: options.decimalSeparator,
      dayOrder: options.dayOrder,
    });
    result.plan = plan;
    if (plan.refusal) throw new ImportRefusedError(plan.refusal.code, plan.refusal.message, plan.refusal.line, plan.refusal.column);
    await options.onPlan?.(plan);
    const process = createBatchProcessor(plan, forcedAccount, options, errors, counts);
    state.process = process;
    for (const batch of pending.splice(0)) await process(batch);
  };

  for await (const batch of reader.batches) {
    if (options.isCancelled?.()) throw new ImportCancelledError();
    if (state.process) {
      await state.process(batch);
    } else {
      if (!headers) {
        // The header is the first row with any text; blank lines above it are skipped.
        const index = batch.rows.findIndex((row) => row.some((cell) => cell.trim()));
        if (index === -1) continue;
        headers = batch.rows[index]!.map((cell) => cell.trim());
        headerLine = batch.lines[index]!;
        batch.rows = batch.rows.slice(index + 1);
        batch.lines = batch.lines.slice(index + 1);
        batch.malformed = new Map([...batch.malformed].filter(([row]) => row > index).map(([row, message]) => [row - index - 1, message]));
      }
      pending.push(batch);
      pendingRows += batch.rows.length;
      if (pendingRows >= SAMPLE_ROWS) await makePlan();
    }
    report(batch.bytesRead);
    // Let IPC, timers and the UI's own queries run between chunks.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  result.encoding = reader.encoding;
  if (!headers) throw new ImportRefusedError('empty', 'The file has no header row and no data; there is nothing to import.');
  if (!state.process) await makePlan();
  if (options.isCancelled?.()) throw new ImportCancelledError();
  report(source.totalBytes);
}

/** The per-chunk work once the plan is known: PHI tripwire, validation, then hand-off of valid values. */
function createBatchProcessor(
  plan: ImportPlan,
  forcedAccount: { id: string; name: string } | null,
  options: ImportPassOptions,
  errors: RowErrorLog,
  counts: ValidationCounts,
): (batch: CsvBatch) => Promise<void> {
  const mapping = plan.mapping!;
  const validate = createRowValidator({
    mapping,
    headers: plan.headers,
    decimalSeparator: plan.decimalSeparator,
    dayOrder: plan.dayOrder,
    forcedAccount,
    catalog: options.catalog,
    lookups: options.lookups,
    errors,
    counts,
    latestMonth: options.latestMonth,
  });
  const phiRefusal = createPhiRowCheck(mapping, plan.headers, options.lookups.isKnownName);
  const out: ValidObservation[] = [];
  return async (batch) => {
    const { rows, lines, malformed } = batch;
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i]!;
      const line = lines[i]!;
      const phi = phiRefusal(row, line);
      if (phi) throw new ImportRefusedError('phi', phi.message, phi.line, phi.column);
      const problem = malformed.size > 0 ? malformed.get(i) : undefined;
      if (problem) {
        counts.rows += 1;
        counts.values += 1;
        counts.rejected += 1;
        errors.add(line, null, 'malformed_quotes', problem);
        continue;
      }
      validate(row, line, out);
    }
    await options.consume(out, errors);
    out.length = 0;
  };
}
