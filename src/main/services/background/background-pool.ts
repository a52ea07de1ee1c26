import os from 'node:os';
import { Piscina } from 'piscina';
import type { BackgroundTasks } from './background-worker';

/*
 * The process's background threads (piscina), for work that must not stall the thread serving the
 * UI (Electron's main process, the harness, the CLI): portfolio health and the workspace's
 * integrity check. Up to two threads (the machines we target have two cores), started on first use,
 * or early by `warmBackgroundThreads` when a workspace opens in the app or the harness. Idle threads
 * stop after a minute and never keep a process alive.
 */

type Tasks = BackgroundTasks;
export type BackgroundTaskName = keyof Tasks;

let pool: Piscina | null = null;

/**
 * The worker beside this module: under tsx or vitest both are .ts and the thread registers tsx
 * first; in a build (electron-vite, scripts/build-node.mjs) background-worker.js is its own entry
 * beside the bundle that starts it.
 */
function workerOptions(): { filename: string; execArgv?: string[] } {
  const typescript = import.meta.url.endsWith('.ts');
  const filename = new URL(`./background-worker${typescript ? '.ts' : '.js'}`, import.meta.url).href;
  // Resolved here, not in the thread, so a process started from another folder still finds tsx.
  return typescript ? { filename, execArgv: ['--import', import.meta.resolve('tsx')] } : { filename };
}

function backgroundPool(): Piscina {
  pool ??= new Piscina({ ...workerOptions(), minThreads: 0, maxThreads: Math.max(1, Math.min(2, os.availableParallelism())), idleTimeout: 60_000 });
  return pool;
}

/**
 * Runs one task on a background thread.
 * @example const problems = await runInBackground('checkIntegrity', { workspacePath });
 */
export function runInBackground<N extends BackgroundTaskName>(name: N, task: Parameters<Tasks[N]>[0]): Promise<ReturnType<Tasks[N]>> {
  return backgroundPool().run({ name, task }) as Promise<ReturnType<Tasks[N]>>;
}

/** How many tasks can run at once. */
export function backgroundThreads(): number {
  return backgroundPool().options.maxThreads;
}

/**
 * Starts every thread now, so the first real task finds them loaded. Not under tsx or vitest:
 * there a thread spends a second compiling its modules, which would only slow tests down.
 */
export function warmBackgroundThreads(): void {
  if (import.meta.url.endsWith('.ts')) return;
  for (let i = 0; i < backgroundThreads(); i++) void runInBackground('warmUp', undefined as never).catch(() => {});
}
