import type { PortfolioExportProgress } from '../../../shared/api/schemas/deck-schemas';
import type { PortfolioJobControl } from './portfolio-export';

/*
 * Portfolio export jobs of one backend, by id. In memory: a job does not outlive the process, and
 * every deck it finished is already on disk and recorded.
 */

/** Finished jobs kept for decks.jobProgress; older ones are forgotten. */
const FINISHED_JOBS_KEPT = 20;

interface JobRecord {
  progress: PortfolioExportProgress;
  cancelRequested: boolean;
  settled: Promise<void>;
}

export interface DeckJobRegistry {
  start(quarter: string, total: number, work: (control: PortfolioJobControl) => Promise<PortfolioExportProgress>): string;
  progress(jobId: string): PortfolioExportProgress | undefined;
  cancel(jobId: string): PortfolioExportProgress['state'] | undefined;
  /** Resolves when the job has ended, whatever the outcome (CLI and tests). */
  settled(jobId: string): Promise<void> | undefined;
}

/** Creates the registry; one per backend so jobs never leak between workspaces. */
export function createDeckJobRegistry(newId: () => string): DeckJobRegistry {
  const jobs = new Map<string, JobRecord>();
  const forgetOldJobs = () => {
    const finished = [...jobs.entries()].filter(([, job]) => job.progress.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - FINISHED_JOBS_KEPT))) jobs.delete(id);
  };
  return {
    start(quarter, total, work) {
      const jobId = newId();
      const record: JobRecord = { progress: { state: 'running', quarter, total, done: 0, written: [], failed: [] }, cancelRequested: false, settled: Promise.resolve() };
      jobs.set(jobId, record);
      const control: PortfolioJobControl = { isCancelled: () => record.cancelRequested, report: (progress) => (record.progress = progress) };
      // Started on the next turn so `start` returns the id before any work (or failure) happens.
      record.settled = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => work(control))
        .then(
          (final) => {
            record.progress = final;
          },
          (error: unknown) => {
            record.progress = { ...record.progress, state: 'failed', error: error instanceof Error ? error.message : String(error) };
          },
        )
        .finally(forgetOldJobs);
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
