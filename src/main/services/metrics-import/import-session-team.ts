import type { ValidObservation } from '../../../shared/metrics-import/row-validator';
import {
  classifyObservationsPostgres,
  loadImportTargetsPostgres,
  toObservationColumns,
  upsertObservationsPostgres,
} from '../../storage/db/repositories/metric-import-postgres';
import { emptyTally, type ObservationTally } from '../../storage/db/repositories/metric-import-repository';
import type { PostgresWorkspace } from '../../storage/workspace/open-workspace';
import { BULK_OBSERVATION_WRITE_SETTING, bumpAccountDataVersionsOnServer } from '../../storage/db/repositories/health-summaries-repository';
import { ImportRefusedError } from './import-refused-error';
import type { ImportSession } from './import-session';

/** PostgreSQL's lock_not_available: a row the import must write stayed locked past lock_timeout. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * The import session of a team workspace: one connection of the pool, held for the whole import.
 * Each chunk is one statement (metric-import-postgres.ts), and one chunk's statement runs on the
 * server while the next chunk is parsed and validated here: `classify` and `write` wait only for
 * the chunk before, so at most one statement is ever in flight and memory stays at two chunks.
 * The write transaction waits for rows other people are saving at most `timeoutMs` per row
 * (lock_timeout), then the import is refused as busy with nothing written.
 */
export async function openTeamImportSession(workspace: PostgresWorkspace): Promise<ImportSession> {
  const client = await workspace.pool.connect();
  const tally = emptyTally();
  let inTransaction = false;
  let inFlight: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | null = null;
  let released = false;
  // The version triggers (migration 9) stand aside for this transaction; the accounts the import
  // changed get their versions moved once, just before COMMIT, so no version row stays locked
  // for the whole import.
  const changedAccounts = new Set<string>();

  const add = (delta: ObservationTally) => {
    tally.added += delta.added;
    tally.updated += delta.updated;
    tally.unchanged += delta.unchanged;
  };
  const throwIfFailed = () => {
    if (failure) throw asImportError(failure.error);
  };
  /** Waits for the chunk before, then starts this one without waiting for it. */
  const pipeline = async (columns: ReturnType<typeof toObservationColumns>, run: (c: typeof columns) => Promise<ObservationTally>) => {
    await inFlight;
    throwIfFailed();
    inFlight = run(columns).then(add, (error: unknown) => {
      failure = { error };
    });
  };
  const begin = async (statement: string) => {
    await client.query(statement);
    inTransaction = true;
  };

  return {
    beginRead: () => begin('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'),
    targets: () => loadImportTargetsPostgres(client),
    classify: (values: readonly ValidObservation[]) => pipeline(toObservationColumns(values), (columns) => classifyObservationsPostgres(client, columns)),
    beginWrite: async (timeoutMs) => {
      await begin('BEGIN');
      await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
      await client.query(`SET LOCAL ${BULK_OBSERVATION_WRITE_SETTING} = 'on'`);
      return true;
    },
    write: (values, source, updatedAt) =>
      pipeline(toObservationColumns(values), async (columns) => {
        const { tally: written, changedAccounts: changed } = await upsertObservationsPostgres(client, columns, source, updatedAt);
        for (const id of changed) changedAccounts.add(id);
        return written;
      }),
    settle: async () => {
      await inFlight;
      throwIfFailed();
      return { ...tally };
    },
    commit: async () => {
      await inFlight;
      throwIfFailed();
      try {
        await bumpAccountDataVersionsOnServer(client, changedAccounts);
        await client.query('COMMIT');
      } catch (error) {
        throw asImportError(error);
      }
      inTransaction = false;
    },
    close: async () => {
      if (released) return;
      released = true;
      await inFlight;
      let broken: Error | undefined;
      try {
        if (inTransaction) await client.query('ROLLBACK');
      } catch (error) {
        // A connection that cannot even roll back is not given back to the pool.
        broken = error instanceof Error ? error : new Error(String(error));
      }
      client.release(broken);
    },
  };
}

/** A row lock held past lock_timeout is the team's "busy"; anything else stays the error it was. */
function asImportError(error: unknown): unknown {
  if ((error as { code?: unknown } | null)?.code !== LOCK_NOT_AVAILABLE) return error;
  return new ImportRefusedError('busy', 'The team workspace is busy: someone else is writing the same metric values, so nothing was imported. Try again when they have finished.');
}
