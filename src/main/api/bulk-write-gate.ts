/**
 * One bulk writer at a time per open workspace (a CSV import job, a workspace restore, the demo
 * portfolio), and a way for every other write to wait its turn behind it instead of failing on
 * SQLite's write lock. In memory: it orders work inside this process only.
 */
export interface BulkWriteGate {
  /** Runs `work` once every bulk write started before it has ended; `what` says what it is doing ("importing metrics"). */
  run<T>(what: string, work: () => Promise<T>): Promise<T>;
  /** What holds the gate now, or null. */
  current(): string | null;
  /** Resolves when no bulk write runs or waits (at once when none does). */
  whenIdle(): Promise<void>;
}

/** @example const gate = createBulkWriteGate(); await gate.run('importing metrics', () => commit()); */
export function createBulkWriteGate(): BulkWriteGate {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  let running: string | null = null;

  return {
    run(what, work) {
      pending += 1;
      const turn = tail.then(async () => {
        running = what;
        try {
          return await work();
        } finally {
          running = null;
          pending -= 1;
        }
      });
      tail = turn.catch(() => {});
      return turn;
    },
    current: () => running,
    async whenIdle() {
      while (pending > 0) await tail;
    },
  };
}
