import { ApiFailure } from '../../../shared/api/errors';
import type { ImportResult } from '../../../shared/api/schemas/import-schemas';
import { findLiveAccount } from '../../storage/db/repositories/accounts-repository';
import { createImportJobRegistry } from '../../services/metrics-import/import-jobs';
import { ImportRefusedError } from '../../services/metrics-import/import-refused-error';
import { openImportSource } from '../../services/metrics-import/import-source';
import { loadRememberedMappings, rememberImportMapping } from '../../services/metrics-import/remembered-mappings';
import { commitMetricsImport, DEFAULT_MAX_ERRORS, previewMetricsImport, type ImportRequest } from '../../services/metrics-import/run-import';
import { recordPreview, reuseKey, type KeptPreview } from '../../services/metrics-import/preview-reuse';
import { currentMetricMonth } from '../../../shared/metrics/metric-validation';
import { backupBeforeBulkImport } from '../../storage/workspace/backups';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';

type ImportHandlers = Pick<ApiHandlers, 'import.preview' | 'import.start' | 'import.progress' | 'import.cancel'>;

/** CSV metric import: preview, then a cancellable background job; jobs live as long as this backend. */
export function importHandlers(deps: HandlerDeps): ImportHandlers {
  const { workspace, now } = deps;
  const jobs = createImportJobRegistry(deps.newId);
  /** The last preview, for the commit of the same request to reuse (preview-reuse.ts); taken by the next import.start. */
  let lastPreview: KeptPreview | null = null;

  /**
   * Checks what can be checked before any work starts, as API errors rather than refusals, and
   * swaps a path source for the absolute path the path policy allows (or throws `forbidden`).
   */
  async function requireRequest(request: ImportRequest): Promise<number> {
    if (request.accountId !== undefined && !(await findLiveAccount(workspace.db, request.accountId))) {
      throw new ApiFailure('not_found', 'The account chosen for this import no longer exists.', { accountId: request.accountId });
    }
    if (request.source.kind === 'path') request.source = { kind: 'path', path: await deps.pathPolicy.check(request.source.path, 'read') };
    try {
      return openImportSource(request.source).totalBytes;
    } catch (error) {
      if (error instanceof ImportRefusedError) throw new ApiFailure('not_found', error.message);
      throw error;
    }
  }

  return {
    'import.preview': async ({ maxErrors, ...request }) => {
      await requireRequest(request);
      lastPreview = null;
      // Started before anything is read, so the workspace stamp it takes predates every read of the preview.
      const recorder = recordPreview(workspace, request.source, reuseKey(request, currentMetricMonth(now()), maxErrors ?? DEFAULT_MAX_ERRORS));
      const remembered = await loadRememberedMappings(workspace.db);
      const preview = await previewMetricsImport(workspace, request, { remembered, maxErrors, now, recorder });
      lastPreview = recorder.kept;
      return preview;
    },

    'import.start': async ({ mode, ...request }) => {
      const totalBytes = await requireRequest(request);
      const remembered = await loadRememberedMappings(workspace.db);
      // A commit answers with at most DEFAULT_MAX_ERRORS row errors, so only a preview that kept as many is reusable.
      const preview = lastPreview?.key === reuseKey(request, currentMetricMonth(now()), DEFAULT_MAX_ERRORS) ? lastPreview : null;
      lastPreview = null;
      // The job is the workspace's bulk writer while it runs: other writes wait for it (write-turns.ts).
      const jobId = jobs.start(totalBytes, (control) => deps.bulkWrites.run('importing metrics', async (): Promise<ImportResult> => {
        const result = await commitMetricsImport(workspace, request, {
          mode,
          now,
          remembered,
          preview,
          // A team workspace has no file to copy: the server's own backups (pg_dump) cover it.
          backup: async () => (workspace.dialect === 'sqlite' ? (await backupBeforeBulkImport(workspace, now())).path : null),
          onProgress: control.report,
          isCancelled: control.isCancelled,
        });
        // Remember what the user confirmed: an explicit mapping, or a suggested wide one they went ahead with.
        const worthRemembering = result.mappingOrigin === 'given' || (result.mappingOrigin === 'suggested' && result.format === 'wide');
        if (result.committed && result.mapping && worthRemembering) {
          await rememberImportMapping(workspace.db, result.headerFingerprint, result.mapping, now());
        }
        return result;
      }));
      return { jobId };
    },

    'import.progress': async ({ jobId }) => {
      const progress = jobs.progress(jobId);
      if (!progress) throw new ApiFailure('not_found', 'There is no import job with that id (it may have finished long ago).', { jobId });
      return progress;
    },

    'import.cancel': async ({ jobId }) => {
      const state = jobs.cancel(jobId);
      if (!state) throw new ApiFailure('not_found', 'There is no import job with that id.', { jobId });
      return { jobId, state };
    },
  };
}
