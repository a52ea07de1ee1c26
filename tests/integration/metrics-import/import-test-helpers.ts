import type { ApiInput, ApiOutput } from '../../../src/shared/api/contract';
import type { Backend } from '../../../src/main/api/backend';

/** Starts an import through the API and polls until the job ends, collecting every progress report seen. */
export async function importAndWait(backend: Backend, input: ApiInput<'import.start'>): Promise<{ final: ApiOutput<'import.progress'>; reports: ApiOutput<'import.progress'>[] }> {
  const { jobId } = await backend.client.call('import.start', input);
  const reports: ApiOutput<'import.progress'>[] = [];
  for (;;) {
    const progress = await backend.client.call('import.progress', { jobId });
    reports.push(progress);
    if (progress.state !== 'running') return { final: progress, reports };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The observations an import wrote, by source file name, as [account, stream, metric, month, value] sorted. */
export function importedRows(backend: Backend, source: string): [string, string, string, string, number][] {
  const rows = backend.workspace.sqlite!
    .prepare(
      `SELECT a.name AS account, COALESCE(s.name, '') AS stream, m.metric_key AS metric, m.month AS month, m.value AS value
         FROM metric_observations m JOIN accounts a ON a.id = m.account_id LEFT JOIN revenue_streams s ON s.id = m.stream_id
        WHERE m.source = ?`,
    )
    .all(source) as { account: string; stream: string; metric: string; month: string; value: number }[];
  return rows.map((r) => [r.account, r.stream, r.metric, r.month, r.value] as [string, string, string, string, number]).sort(compareRows);
}

/** Orders rows so two lists can be compared regardless of file order. */
export function compareRows(a: readonly unknown[], b: readonly unknown[]): number {
  return JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0;
}

/** Every row of metric_observations, for whole-table before/after comparisons. */
export function dumpObservations(backend: Backend): unknown[] {
  return backend.workspace.sqlite!.prepare('SELECT * FROM metric_observations ORDER BY account_id, stream_id, metric_key, month').all();
}
