import path from 'node:path';
import type {
  ImportMapping,
  ImportMode,
  ImportPreview,
  ImportResult,
  ImportSource,
} from '../../../shared/api/schemas/import-schemas';
import { METRIC_CATALOG } from '../../../shared/metrics/metric-catalog';
import { currentMetricMonth } from '../../../shared/metrics/metric-validation';
import { headerFingerprint } from '../../../shared/metrics-import/column-mapping';
import { sourceLabel } from '../../../shared/metrics-import/phi-tripwire';
import type { DayOrder } from '../../../shared/metrics-import/month-cell';
import type { DecimalSeparator } from '../../../shared/metrics-import/number-cell';
import type { Workspace } from '../../storage/workspace/open-workspace';
import { buildImportLookups } from './import-lookups';
import { runImportPass, type ImportPassResult, type ImportProgressReport } from './import-pass';
import { ImportCancelledError, ImportRefusedError } from './import-refused-error';
import { openImportSession, type ImportSession } from './import-session';
import { openImportSource } from './import-source';
import { sameFileAsPreview, workspaceUnchangedSincePreview, type KeptPreview, type PreviewRecorder } from './preview-reuse';

/** What the caller asks for; the same for preview and commit. */
export interface ImportRequest {
  source: ImportSource;
  accountId?: string;
  mapping?: ImportMapping;
  decimalSeparator?: DecimalSeparator;
  dayOrder?: DayOrder;
}

export interface ImportRunOptions {
  remembered: Readonly<Record<string, ImportMapping>>;
  /** The clock: values may be for months up to the current one (currentMetricMonth). */
  now: () => Date;
  maxErrors?: number;
  onProgress?: (progress: ImportProgressReport) => void;
  isCancelled?: () => boolean;
}

export interface PreviewOptions extends ImportRunOptions {
  /** Records what a commit of the same request may reuse (preview-reuse.ts). */
  recorder?: PreviewRecorder;
}

export interface CommitOptions extends ImportRunOptions {
  mode: ImportMode;
  /** The preview of this very request: reused when the file and the workspace are unchanged since (preview-reuse.ts). */
  preview?: KeptPreview | null;
  /**
   * Writes the pre-import backup and returns its path; called only once the file has passed its
   * header checks. A team workspace has none (null): the server's own pg_dump covers it.
   */
  backup: () => Promise<string | null>;
}

export const DEFAULT_MAX_ERRORS = 100;
/** How long an import waits for another writer (the app saving an edit, another import) before giving up. */
const WRITE_LOCK_WAIT_MS = 30_000;

/**
 * Reads a whole file and reports what importing it would do, writing nothing: counts of values
 * that would be added, updated or left unchanged, the row errors, and any reason to refuse it.
 * Runs inside one read transaction so the counts describe a single state of the workspace.
 * @example const preview = await previewMetricsImport(workspace, { source: { kind: 'path', path } }, { remembered: {} });
 */
export async function previewMetricsImport(workspace: Workspace, request: ImportRequest, options: PreviewOptions): Promise<ImportPreview> {
  const { recorder } = options;
  const opened = openImportSource(request.source);
  const source = recorder ? recorder.source(opened) : opened;
  const session = await openImportSession(workspace);
  try {
    await session.beginRead();
    const lookups = buildImportLookups(await session.targets());
    const pass = await runImportPass({
      ...request,
      ...options,
      source,
      lookups,
      catalog: METRIC_CATALOG,
      maxErrors: options.maxErrors ?? DEFAULT_MAX_ERRORS,
      latestMonth: currentMetricMonth(options.now()),
      consume: (values) => session.classify(values, recorder?.classified),
    });
    const tally = await session.settle();
    recorder?.finish(pass);
    return {
      ...describeFile(source.name, source.totalBytes, pass),
      refusal: pass.refusal,
      counts: { ...pass.counts, wouldAdd: tally.added, wouldUpdate: tally.updated, unchanged: tally.unchanged },
    };
  } finally {
    await session.close();
  }
}

/**
 * Imports a file in ONE transaction on its own connection: either everything it wrote commits or
 * the workspace stays exactly as it was (refusal, all-or-nothing with errors, cancel, crash).
 * Upserts on account + stream + metric + month, leaving equal values untouched, so importing the
 * same file twice changes nothing. Throws ImportRefusedError when the file is refused whole.
 */
export async function commitMetricsImport(workspace: Workspace, request: ImportRequest, options: CommitOptions): Promise<ImportResult> {
  // One pre-import backup, whichever way the commit goes.
  let backup: Promise<string | null> | null = null;
  const once = { ...options, backup: () => (backup ??= options.backup()) };
  if (options.preview) {
    const reused = await commitFromPreview(workspace, options.preview, once);
    if (reused) return reused;
  }
  return commitByFullPass(workspace, request, once);
}

/**
 * The commit when its preview still holds (preview-reuse.ts): the preview's validation and row
 * errors stand, and only the values it found new or different are written, in the same single
 * transaction and after the same backup as a full pass (none when it writes nothing). Null when the file or the workspace has
 * changed since the preview (checked with the write lock held), so the caller runs the full pass.
 */
async function commitFromPreview(workspace: Workspace, kept: KeptPreview, options: CommitOptions): Promise<ImportResult | null> {
  if (!(await sameFileAsPreview(kept))) return null;
  const { pass } = kept;
  const fileName = path.basename(kept.source.kind === 'path' ? kept.source.path : kept.source.fileName);
  // As the full pass: all-or-nothing with a row error writes nothing (and rolls back).
  const writes = (options.mode === 'valid-rows' || pass.errors.count === 0) && kept.changes.length > 0;
  const session = await openImportSession(workspace);
  try {
    // The backup is of the workspace before the import changes it: a commit that will change
    // nothing (every value unchanged) takes none, and pushes no older backup out of the kept ones.
    const backupPath = writes ? await options.backup() : null;
    if (!(await session.beginWrite(WRITE_LOCK_WAIT_MS))) {
      throw new ImportRefusedError('busy', 'The workspace is busy: another program is writing to it, so nothing was imported. Try again when it has finished.');
    }
    if (!workspaceUnchangedSincePreview(workspace, kept)) return null;
    if (writes) await writeKeptChanges(session, kept, sourceLabel(fileName), options);
    const written = await session.settle();
    const commit = pass.counts.valid > 0 && (options.mode === 'valid-rows' || pass.errors.count === 0);
    if (options.isCancelled?.()) throw new ImportCancelledError();
    // Anything not committed is rolled back by close().
    if (commit) await session.commit();
    options.onProgress?.({ rowsProcessed: pass.counts.rows, bytesRead: kept.fingerprint.size, totalBytes: kept.fingerprint.size });
    return {
      ...describeFile(fileName, kept.fingerprint.size, pass),
      mode: options.mode,
      committed: commit,
      counts: {
        ...pass.counts,
        added: commit ? written.added : 0,
        updated: commit ? written.updated : 0,
        unchanged: commit ? written.unchanged + kept.unchanged : 0,
      },
      backupPath,
      reusedPreview: true,
    };
  } finally {
    await session.close();
  }
}

/** Kept values written per step of a reused preview's commit (about one 256 KB chunk of a long file). */
const KEPT_WRITE_BATCH = 5_000;

/**
 * Writes a reused preview's changes batch by batch, as the full pass writes chunk by chunk:
 * progress after each batch, then a yield to the event loop (the app stays responsive) and a
 * stop at a cancel (close() then rolls back).
 */
async function writeKeptChanges(session: ImportSession, kept: KeptPreview, source: string, options: CommitOptions): Promise<void> {
  const updatedAt = options.now().toISOString();
  const total = kept.changes.length;
  const { size } = kept.fingerprint;
  let written = 0;
  for (const batch of kept.changes.batches(KEPT_WRITE_BATCH)) {
    if (options.isCancelled?.()) throw new ImportCancelledError();
    await session.write(batch, source, updatedAt);
    written += batch.length;
    // Rows and bytes are the file's; kept values stand for them in proportion.
    options.onProgress?.({ rowsProcessed: Math.floor((kept.pass.counts.rows * written) / total), bytesRead: Math.floor((size * written) / total), totalBytes: size });
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The commit as one streaming pass over the file: parse, validate, upsert, in one transaction. */
async function commitByFullPass(workspace: Workspace, request: ImportRequest, options: CommitOptions): Promise<ImportResult> {
  const source = openImportSource(request.source);
  const session = await openImportSession(workspace);
  const updatedAt = options.now().toISOString();
  // Stored on every value; a file name that may identify a person (a name, a DOB, an MRN) is not.
  const sourceName = sourceLabel(source.name);
  let backupPath: string | null = null;
  try {
    const lookups = buildImportLookups(await session.targets());
    const pass = await runImportPass({
      ...request,
      ...options,
      source,
      lookups,
      catalog: METRIC_CATALOG,
      maxErrors: options.maxErrors ?? DEFAULT_MAX_ERRORS,
      latestMonth: currentMetricMonth(options.now()),
      onPlan: async (plan) => {
        // "1.234" could be 1.234 or 1234 and the user has not said which: never take one silently.
        if (plan.ambiguousNumbers !== null) throw new ImportRefusedError('ambiguous_numbers', plan.ambiguousNumbers);
        backupPath = await options.backup();
        if (!(await session.beginWrite(WRITE_LOCK_WAIT_MS))) {
          throw new ImportRefusedError('busy', 'The workspace is busy: another program is writing to it, so nothing was imported. Try again when it has finished.');
        }
      },
      consume: async (values, errors) => {
        // All-or-nothing stops writing at the first error (it will roll back) but keeps validating for the report.
        if (options.mode === 'all-or-nothing' && errors.count > 0) return;
        await session.write(values, sourceName, updatedAt);
      },
    });
    if (pass.refusal) throw new ImportRefusedError(pass.refusal.code, pass.refusal.message, pass.refusal.line, pass.refusal.column);
    const tally = await session.settle();
    const commit = pass.counts.valid > 0 && (options.mode === 'valid-rows' || pass.errors.count === 0);
    // Anything not committed is rolled back by close().
    if (commit) await session.commit();
    return {
      ...describeFile(source.name, source.totalBytes, pass),
      mode: options.mode,
      committed: commit,
      counts: {
        ...pass.counts,
        added: commit ? tally.added : 0,
        updated: commit ? tally.updated : 0,
        unchanged: commit ? tally.unchanged : 0,
      },
      backupPath,
    };
  } finally {
    await session.close();
  }
}

/** The file-level half of a preview or result. */
function describeFile(fileName: string, totalBytes: number, pass: ImportPassResult): Omit<ImportPreview, 'refusal' | 'counts'> {
  const plan = pass.plan;
  return {
    fileName,
    totalBytes,
    encoding: pass.encoding ?? 'unknown',
    delimiter: pass.dialect?.delimiter ?? ',',
    decimalSeparator: plan?.decimalSeparator ?? '.',
    decimalSeparatorAmbiguous: (plan?.ambiguousNumbers ?? null) !== null,
    dayOrder: plan?.dayOrder ?? null,
    sepLine: pass.dialect?.sepLine ?? false,
    format: plan?.format ?? 'unknown',
    headers: plan?.headers ?? [],
    headerFingerprint: plan?.fingerprint ?? headerFingerprint([]),
    mapping: plan?.mapping ?? null,
    mappingOrigin: plan?.mappingOrigin ?? 'none',
    columns: plan?.columns ?? [],
    warnings: plan?.warnings ?? [],
    errorCount: pass.errors.count,
    rowErrors: pass.errors.errors,
  };
}
