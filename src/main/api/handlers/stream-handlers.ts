import { ApiFailure } from '../../../shared/api/errors';
import type { RevenueStream, StreamRecord } from '../../../shared/api/schemas/stream-schemas';
import { deleteStreamDependents, findStream, insertStream, listStreams } from '../../storage/db/repositories/account-children-repository';
import { deleteRowAtVersion } from '../../storage/db/repositories/versioned-rows-repository';
import { auditCreate, updateAtVersion, writeRowAtVersion, type VersionedRow } from './row-writes';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';
import { requireLiveAccount } from './require-account';

type StreamHandlers = Pick<ApiHandlers, 'streams.list' | 'streams.create' | 'streams.update' | 'streams.delete'>;

export function streamHandlers(deps: HandlerDeps): StreamHandlers {
  const { workspace, now, newId } = deps;
  const { db } = workspace;

  async function requireStream(id: string): Promise<StreamRecord> {
    const row = await findStream(db, id);
    if (!row) throw new ApiFailure('not_found', 'That revenue stream no longer exists.', { id });
    return row;
  }

  return {
    'streams.list': async ({ accountId }) => {
      await requireLiveAccount(db, accountId);
      return (await listStreams(db, accountId)).map(toRevenueStream);
    },

    'streams.create': async (input) => {
      await requireLiveAccount(db, input.accountId);
      const stamp = now().toISOString();
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await insertStream(trx, {
          id,
          accountId: input.accountId,
          name: input.name,
          revenueModel: input.revenueModel,
          paymentEnvironment: input.paymentEnvironment,
          termsJson: JSON.stringify(input.terms),
          startDate: input.startDate,
          endDate: input.endDate,
          createdAt: stamp,
          updatedAt: stamp,
        });
        await auditCreate(trx, deps, 'streams.create', { table: 'revenueStreams', id, accountId: input.accountId, updatedAt: stamp, label: input.name }, Object.keys(input).filter((key) => key !== 'accountId'));
      });
      return toRevenueStream(await requireStream(id));
    },

    'streams.update': async ({ id, patch, expectedUpdatedAt }) => {
      const stream = await requireStream(id);
      const { modelAndTerms, ...fields } = patch;
      const changes = { ...fields, ...(modelAndTerms ? { revenueModel: modelAndTerms.revenueModel, termsJson: JSON.stringify(modelAndTerms.terms) } : {}) };
      await updateAtVersion(db, deps, 'streams.update', versioned(stream), expectedUpdatedAt, changes);
      return toRevenueStream(await requireStream(id));
    },

    'streams.delete': async ({ id, expectedUpdatedAt }) => {
      const stream = await requireStream(id);
      let observationsDeleted = 0;
      await writeRowAtVersion(db, deps, 'streams.delete', versioned(stream), expectedUpdatedAt, [], async (trx, at) => {
        observationsDeleted = await deleteStreamDependents(trx, stream);
        // A miss rolls the dependents back with it.
        return deleteRowAtVersion(trx, 'revenueStreams', id, at);
      });
      return { id, name: stream.name, observationsDeleted };
    },
  };
}

function versioned(stream: StreamRecord): VersionedRow & { table: 'revenueStreams' } {
  return { table: 'revenueStreams', id: stream.id, accountId: stream.accountId, updatedAt: stream.updatedAt, label: stream.name, what: `the revenue stream "${stream.name}"` };
}

/** A stored stream (validated by the repository) in the API's shape. */
export function toRevenueStream(stream: StreamRecord): RevenueStream {
  return { ...stream, terms: stream.terms };
}
