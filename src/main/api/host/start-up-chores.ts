/*
 * What a newly opened workspace starts in the background — the integrity check of a big file that
 * was closed cleanly, loading the health and deck threads — costs seconds of CPU on a machine with
 * two cores, which the window needs at that moment to load and paint its first rows. So it waits
 * until the window's first calls have been answered and the backend has then been quiet for a
 * moment (the health request that follows the rows is answered first too), and starts at the
 * latest a few seconds after the open. A write cannot wait: it starts them at once (see backend-host.ts).
 */

/** How long no call may be in flight, after the first one was answered, before the chores start. */
export const START_UP_QUIET_MS = 1_000;
/** The chores start this long after the open whatever the window does (or if no window ever asks). */
export const START_UP_LATEST_MS = 10_000;

export interface StartUpChores {
  /** Wraps every call the backend answers: the chores wait while any is in flight. */
  track<T>(call: () => Promise<T>): Promise<T>;
  /** Starts the chores now unless they have started (or were cancelled). */
  runNow(): void;
  /** They will not start (the workspace is closing or being switched). */
  cancel(): void;
}

export interface StartUpChoresOptions {
  quietMs?: number;
  latestMs?: number;
}

/**
 * Schedules `run` for once the window's start-up calls are answered (see above).
 * @example const chores = scheduleStartUpChores(() => warmThreads()); const rows = await chores.track(() => dispatch(method, input));
 */
export function scheduleStartUpChores(run: () => void, options: StartUpChoresOptions = {}): StartUpChores {
  const quietMs = options.quietMs ?? START_UP_QUIET_MS;
  let done = false;
  let inFlight = 0;
  let quiet: NodeJS.Timeout | null = null;
  // Timers never keep a process alive: a CLI or a test that closes early has no chores left to run.
  const latest = setTimeout(() => runNow(), options.latestMs ?? START_UP_LATEST_MS).unref();

  function stop(): void {
    done = true;
    clearTimeout(latest);
    if (quiet) clearTimeout(quiet);
  }

  function runNow(): void {
    if (done) return;
    stop();
    run();
  }

  function callEnded(): void {
    inFlight--;
    if (done || inFlight > 0) return;
    if (quiet) clearTimeout(quiet);
    quiet = setTimeout(() => runNow(), quietMs).unref();
  }

  return {
    async track(call) {
      if (done) return call();
      inFlight++;
      if (quiet) clearTimeout(quiet);
      try {
        return await call();
      } finally {
        callEnded();
      }
    },
    runNow,
    cancel: stop,
  };
}
