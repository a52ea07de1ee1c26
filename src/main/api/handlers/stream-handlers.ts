import { ApiFailure } from '../../../shared/api/errors';
import type { RevenueStream, StreamRecord } from '../../../shared/api/schemas/stream-schemas';
import { deleteStreamWithObservations, findStream, insertStream, listStreams, updateStream } from '../../storage/db/repositories/account-children-repository';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';
import { requireLiveAccount } from './require-account';

type StreamHandlers = Pick<ApiHandlers, 'streams.list' | 'streams.create' | 'streams.update' | 'streams.delete'>;

export function streamHandlers({ workspace, now, newId }: HandlerDeps): StreamHandlers {
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
      await insertStream(db, {
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
      return toRevenueStream(await requireStream(id));
    },

    'streams.update': async ({ id, patch }) => {
      await requireStream(id);
      const { modelAndTerms, ...fields } = patch;
      await updateStream(db, id, {
        ...fields,
        ...(modelAndTerms ? { revenueModel: modelAndTerms.revenueModel, termsJson: JSON.stringify(modelAndTerms.terms) } : {}),
        updatedAt: now().toISOString(),
      });
      return toRevenueStream(await requireStream(id));
    },

    'streams.delete': async ({ id }) => {
      const stream = await requireStream(id);
      const observationsDeleted = await deleteStreamWithObservations(db, stream);
      return { id, name: stream.name, observationsDeleted };
    },
  };
}

/** A stored stream (validated by the repository) in the API's shape. */
export function toRevenueStream(stream: StreamRecord): RevenueStream {
  return { ...stream, terms: stream.terms };
}
