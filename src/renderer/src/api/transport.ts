import type { ApiResult } from '../../../shared/api/errors';

/** Carries one API call to the backend and brings back its result; IPC in Electron, HTTP in the harness. */
export type ApiTransport = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

/** The single object the Electron preload exposes on `window.qbr`. */
export interface QbrBridge {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
}

declare global {
  interface Window {
    qbr?: QbrBridge;
  }
}

const TOKEN_STORAGE_KEY = 'qbr.harnessToken';

/** Picks the transport for where the renderer is running. */
export function detectTransport(): ApiTransport {
  const bridge = window.qbr;
  if (bridge) return (method, input) => bridge.invoke(method, input);
  return httpTransport(readHarnessToken());
}

/**
 * The harness prints a URL with `#token=…`. Keep the token for this tab (so reload works)
 * and take it out of the address bar so it does not end up in screenshots or history.
 */
function readHarnessToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
}

function httpTransport(token: string): ApiTransport {
  return async (method, input) => {
    try {
      const response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-qbr-token': token },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as ApiResult<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Could not reach the QBR Workbench backend. Is `npm run web` still running?' } };
    }
  };
}
