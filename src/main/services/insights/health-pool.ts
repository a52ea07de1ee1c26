import os from 'node:os';
import { Piscina } from 'piscina';
import type { HealthTask, HealthTaskResult } from './health-worker';

/*
 * The process's pool of health threads (piscina): up to two, one per core this machine class has,
 * started on first use or early by `warmHealthPool` (the desktop app and the browser harness call
 * it when a workspace opens, so the first portfolio view does not wait for a thread to start).
 * Idle threads stop after a while and never keep a CLI process alive.
 */

let pool: Piscina<HealthTask, HealthTaskResult> | null = null;

/**
 * The worker beside this module: under tsx or vitest both are .ts and the thread registers tsx
 * first; in a build (electron-vite, scripts/build-node.mjs) health-worker.js is its own entry
 * beside the module that starts it.
 */
function workerOptions(): { filename: string; execArgv?: string[] } {
  const typescript = import.meta.url.endsWith('.ts');
  const filename = new URL(`./health-worker${typescript ? '.ts' : '.js'}`, import.meta.url).href;
  // Resolved here, not in the thread, so a process started from another folder still finds tsx.
  return typescript ? { filename, execArgv: ['--import', import.meta.resolve('tsx')] } : { filename };
}

function healthPool(): Piscina<HealthTask, HealthTaskResult> {
  pool ??= new Piscina<HealthTask, HealthTaskResult>({
    ...workerOptions(),
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(2, os.availableParallelism())),
    idleTimeout: 60_000,
  });
  return pool;
}

/** Runs one batch of summaries on a pool thread. */
export function runOnHealthPool(task: HealthTask): Promise<HealthTaskResult> {
  return healthPool().run(task);
}

/** How many batches can run at once. */
export function healthPoolThreads(): number {
  return healthPool().options.maxThreads;
}

/** Starts the pool's threads now, in the background, so the first real batch finds them ready. */
export function warmHealthPool(): void {
  const threads = healthPoolThreads();
  for (let i = 0; i < threads; i++) void healthPool().run({ workspacePath: '', settings: { rpmRates: [], today: '2000-01-01' }, accounts: [] }).catch(() => {});
}
