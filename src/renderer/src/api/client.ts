import type { ApiInput, ApiMethodName, ApiOutput } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import { detectTransport, type ApiTransport } from './transport';
import { changesWorkspaceData, noteWorkspaceChanged } from './workspace-changes';

/** A backend error surfaced to the UI: show `message`, switch on `code`. */
export class ApiClientError extends Error {
  readonly code: ApiError['code'];
  readonly details?: unknown;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiClientError';
    this.code = error.code;
    this.details = error.details;
  }
}

/** Typed access to every backend method; the only way the renderer reaches the backend. */
export interface ApiClient {
  call<M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
}

export function createApiClient(transport: ApiTransport): ApiClient {
  return {
    async call(method, input) {
      const result = await transport(method, input);
      if (!result.ok) throw new ApiClientError(result.error);
      if (changesWorkspaceData(method)) noteWorkspaceChanged();
      return result.value as never;
    },
  };
}

/** The app-wide client, bound to whichever transport this renderer runs on. */
export const api: ApiClient = createApiClient(detectTransport());
