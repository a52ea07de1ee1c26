import type { ApiInput, ApiMethodName, ApiOutput } from '../../../shared/api/contract';
import { api } from './client';
import { workspaceVersion } from './workspace-changes';

/*
 * The calls the first screen cannot paint without (who the backend is, the portfolio's first
 * rows) go out as soon as the script runs, side by side, instead of one after another from React
 * effects once the frame has rendered. The store that needs an answer takes it here when it asks
 * the same method with the same input and nothing was written since; otherwise it asks again.
 */

interface SentEarly {
  input: string;
  /** The workspace change counter when it was sent: a write since makes the answer stale. */
  version: number;
  answer: Promise<unknown>;
}

const sentEarly = new Map<ApiMethodName, SentEarly>();

/**
 * Sends `method` now and keeps its answer (or its error) for the first matching `callOrTakeEarly`.
 * @example sendEarly('app.info', {});
 */
export function sendEarly<M extends ApiMethodName>(method: M, input: ApiInput<M>): void {
  const answer = api.call(method, input);
  // Nobody may ever take it (the workspace could not open): an error must not go unhandled.
  answer.catch(() => {});
  sentEarly.set(method, { input: JSON.stringify(input), version: workspaceVersion(), answer });
}

/**
 * The answer sent early for exactly this call, once; a fresh call when there is none, it was for
 * another input, or the workspace changed since it was sent.
 * @example const info = await callOrTakeEarly('app.info', {});
 */
export function callOrTakeEarly<M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const early = sentEarly.get(method);
  sentEarly.delete(method);
  if (early && early.input === JSON.stringify(input) && early.version === workspaceVersion()) return early.answer as Promise<ApiOutput<M>>;
  return api.call(method, input);
}
