import type { ApiInput, ApiMethodName, ApiOutput } from '../../shared/api/contract';
import { ApiFailure } from '../../shared/api/errors';
import type { ApiDispatcher } from './dispatch';

/** Typed calls through the validating dispatcher, for in-process callers such as the CLI. Throws ApiFailure. */
export interface BackendClient {
  call<M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
}

export function createBackendClient(dispatch: ApiDispatcher): BackendClient {
  return {
    async call(method, input) {
      const result = await dispatch(method, input);
      if (!result.ok) throw new ApiFailure(result.error.code, result.error.message, result.error.details);
      return result.value as never;
    },
  };
}
