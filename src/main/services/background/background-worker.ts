import SqliteDatabase from 'better-sqlite3';
import { gatherSummaryFacts, type HealthTask, type HealthTaskResult } from '../insights/health-summaries';
import { integrityProblems } from '../../storage/workspace/open-workspace';

/*
 * Entry of the background threads (piscina, background-pool.ts): one exported function per task,
 * reached through the default export (piscina's named tasks do not load under tsx).
 */

/**
 * A read-only connection for one task, closed after it: a connection left open in a thread would
 * keep the write-ahead log beside the file when the app closes the workspace, and the next start
 * would take that for an unclean shutdown.
 */
function withReadOnly<T>(workspacePath: string, nativeBinding: string | undefined, read: (sqlite: SqliteDatabase.Database) => T): T {
  const sqlite = new SqliteDatabase(workspacePath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

/** Health summary facts of a batch of accounts (portfolio-health.ts). */
export function gatherHealthFacts(task: HealthTask): HealthTaskResult {
  if (task.accounts.length === 0) return [];
  return withReadOnly(task.workspacePath, task.nativeBinding, (sqlite) => gatherSummaryFacts(sqlite, task));
}

export interface IntegrityTask {
  workspacePath: string;
  nativeBinding?: string | undefined;
}

/** PRAGMA quick_check of a workspace file, read-only; [] when intact (the host's background check). */
export function checkIntegrity(task: IntegrityTask): string[] {
  return integrityProblems(task.workspacePath, 'quick', task.nativeBinding);
}

/** Loads this module and nothing else: starts a thread ahead of the first real task. */
export function warmUp(): true {
  return true;
}

const TASKS = { gatherHealthFacts, checkIntegrity, warmUp };
export type BackgroundTasks = typeof TASKS;

/** What piscina calls: `{ name, task }` → the named function's result. */
export default function runBackgroundTask({ name, task }: { name: keyof BackgroundTasks; task: never }): unknown {
  return TASKS[name](task);
}
