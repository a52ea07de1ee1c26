import { API_METHOD_NAMES, type ApiMethodName } from '../../shared/api/contract';
import { ApiFailure } from '../../shared/api/errors';
import { isSqliteBusy } from '../storage/db/write-lock';
import type { ApiHandlers } from './api-handlers';
import type { BulkWriteGate } from './bulk-write-gate';
import { READ_ONLY_METHODS } from '../../shared/api/read-only-methods';

/*
 * Writes wait their turn instead of failing on SQLite's write lock. Behind a bulk write of this
 * process (a CSV import job, a restore) a write is queued until it has finished; behind another
 * program's write (a `qbr import` into the workspace the app has open) it waits up to a bound and
 * then fails as `busy`, saying nothing was saved. Waiting is asynchronous, so every other call,
 * and the import itself, keeps going meanwhile.
 */

export interface WriteTurnOptions {
  gate: BulkWriteGate;
  /** Resolves true once no connection holds the write lock, false after `timeoutMs`. */
  waitForWriteLock: (timeoutMs: number) => Promise<boolean>;
  /** True while this backend's own connection is inside a transaction (it holds the lock; the query queue orders the rest). */
  ownTransactionOpen: () => boolean;
  /** How long a write waits behind another program before failing as `busy`. */
  externalWriterWaitMs: number;
  /** How long a write waits behind this app's own bulk write before failing as `busy`. */
  bulkWriteWaitMs: number;
}

/** Default waits: another program's import of a big file takes seconds; ours may take longer and is worth waiting for. */
export const DEFAULT_EXTERNAL_WRITER_WAIT_MS = 10_000;
export const DEFAULT_BULK_WRITE_WAIT_MS = 120_000;
/** How long one probe of the lock waits before looking at the gate again. */
const PROBE_SLICE_MS = 250;

/**
 * Wraps the handler table: every method not in READ_ONLY_METHODS first waits for its write turn;
 * any method that still meets the lock fails as `busy` rather than `internal`.
 * @example const handlers = withWriteTurns(createApiHandlers(deps), { gate, waitForWriteLock, ... });
 */
export function withWriteTurns(handlers: ApiHandlers, options: WriteTurnOptions): ApiHandlers {
  const wrapped = { ...handlers } as Record<ApiMethodName, (input: unknown) => Promise<unknown>>;
  for (const method of API_METHOD_NAMES) {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    const waits = !READ_ONLY_METHODS.has(method);
    wrapped[method] = async (input) => {
      if (waits) await waitForTurn(options);
      try {
        return await handler(input);
      } catch (error) {
        if (isSqliteBusy(error)) throw busyFailure(options.gate.current());
        throw error;
      }
    };
  }
  return wrapped as ApiHandlers;
}

async function waitForTurn(options: WriteTurnOptions): Promise<void> {
  const externalDeadline = Date.now() + options.externalWriterWaitMs;
  for (;;) {
    const bulk = options.gate.current();
    if (bulk !== null) {
      if (!(await settlesWithin(options.gate.whenIdle(), options.bulkWriteWaitMs))) throw busyFailure(bulk);
      continue;
    }
    if (options.ownTransactionOpen()) return;
    const remaining = externalDeadline - Date.now();
    if (await options.waitForWriteLock(Math.max(0, Math.min(remaining, PROBE_SLICE_MS)))) return;
    // The lock is held: by a bulk write of ours that has just started (look again), or by another program.
    if (options.gate.current() === null && Date.now() >= externalDeadline) throw busyFailure(null);
  }
}

/** The error a write gets when the workspace stays busy; `bulkWrite` is what this app is doing, null for another program. */
export function busyFailure(bulkWrite: string | null): ApiFailure {
  return bulkWrite
    ? new ApiFailure('busy', `The workspace is busy ${bulkWrite}; your change was not saved. Try again when that has finished.`, { reason: 'bulk-write', what: bulkWrite })
    : new ApiFailure(
        'busy',
        'The workspace is busy: another program (such as a `qbr import`) is writing to it. Your change was not saved; try again when it has finished.',
        { reason: 'other-program' },
      );
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
