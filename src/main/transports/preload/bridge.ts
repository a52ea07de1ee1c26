import { isApiMethodName } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';

export interface QbrBridge {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
}

/**
 * The object exposed to the page as `window.qbr`: a single `invoke` that forwards contract
 * methods and refuses anything else locally. The main process validates again; this only keeps
 * junk off the channel.
 */
export function createBridge(send: (method: string, input: unknown) => Promise<unknown>): QbrBridge {
  return Object.freeze({
    invoke: async (method: string, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isApiMethodName(method)) {
        return { ok: false, error: { code: 'unknown_method', message: `There is no API method called ${JSON.stringify(String(method))}.` } };
      }
      return (await send(method, input)) as ApiResult<unknown>;
    },
  });
}
