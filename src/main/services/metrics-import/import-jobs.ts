import type { ImportProgress, ImportRefusal, ImportResult } from '../../../shared/api/schemas/import-schemas';
import type { ImportProgressReport } from './import-pass';
import { ImportCancelledError, ImportRefusedError } from './import-refused-error';

/** What a running job's work can see of its job: whether to stop, and where to report progress. */
export interface ImportJobControl {
  isCancelled(): boolean;
  report(progress: ImportProgressReport): void;
}

/** Background imports of one backend, by id. In memory only: a job does not outlive the process (its transaction would not either). */
export interface ImportJobRegistry {
  start(totalBytes: number, work: (control: ImportJobControl) => Promise<ImportResult>): string;
  progress(jobId: string): ImportProgress | undefined;
  /** Asks the job to stop at its next chunk; returns its state, or undefined for an unknown id. */
  cancel(jobId: string): ImportProgress['state'] | undefined;
  /** Resolves when the job has ended, whatever the outcome (for the CLI and tests). */
  settled(jobId: string): Promise<void> | undefined;
}

/** Finished jobs kept for `import.progress` to report; older ones are forgotten. */
const FINISHED_JOBS_KEPT = 20;

interface JobRecord {
  progress: ImportProgress;
  cancelRequested: boolean;
  settled: Promise<void>;
}

/** Creates the job table; one per backend so jobs never leak between workspaces. */
export function createImportJobRegistry(newId: () => string, log: (message: string) => void = () => {}): ImportJobRegistry {
  const jobs = new Map<string, JobRecord>();

  const forgetOldJobs = () => {
    const finished = [...jobs.entries()].filter(([, job]) => job.progress.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - FINISHED_JOBS_KEPT))) jobs.delete(id);
  };

  return {
    start(totalBytes, work) {
      const jobId = newId();
      const record: JobRecord = {
        progress: { state: 'running', rowsProcessed: 0, bytesRead: 0, totalBytes },
        cancelRequested: false,
        settled: Promise.resolve(),
      };
      const control: ImportJobControl = {
        isCancelled: () => record.cancelRequested,
        report: ({ rowsProcessed, bytesRead }) => {
          record.progress = { ...record.progress, rowsProcessed, bytesRead: Math.min(bytesRead, totalBytes) };
        },
      };
      const finish = (update: Partial<ImportProgress>) => {
        record.progress = { ...record.progress, ...update };
        forgetOldJobs();
      };
      jobs.set(jobId, record);
      // Started on the next turn so `start` returns the id before any work (or failure) happens.
      record.settled = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => work(control))
        .then(
          (result) => finish({ state: 'done', result, rowsProcessed: result.counts.rows, bytesRead: totalBytes }),
          (error: unknown) => {
            if (error instanceof ImportCancelledError) return finish({ state: 'cancelled' });
            if (error instanceof ImportRefusedError) return finish({ state: 'failed', error: error.refusal });
            log(`import job ${jobId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
            const refusal: ImportRefusal = {
              code: 'internal',
              message: `The import failed and nothing was imported: ${error instanceof Error ? error.message : String(error)}`,
              line: null,
              column: null,
            };
            return finish({ state: 'failed', error: refusal });
          },
        );
      return jobId;
    },
    progress: (jobId) => jobs.get(jobId)?.progress,
    cancel(jobId) {
      const job = jobs.get(jobId);
      if (!job) return undefined;
      if (job.progress.state === 'running') job.cancelRequested = true;
      return job.progress.state;
    },
    settled: (jobId) => jobs.get(jobId)?.settled,
  };
}
