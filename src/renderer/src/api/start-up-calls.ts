import type { ApiInput, ApiMethodName, ApiOutput } from '../../../shared/api/contract';
import { api } from './client';
import { workspaceVersion } from './workspace-changes';

/*
 * The calls the first screen cannot paint without (who the backend is, the portfolio's first
 * rows) go out as soon as the script runs, side by side, instead of one after another from React
 * effects once the frame has rendered. The store that needs an answer takes it here when it asks
 * the same method with the same input and nothing was written since; otherwise it asks again.
 * An answer that has already arrived when the app first renders can be taken at once
 * (`takeEarlyAnswer`), so that render shows it instead of a loader and a second render.
 */

interface SentEarly {
  input: string;
  /** The workspace change counter when it was sent: a write since makes the answer stale. */
  version: number;
  answer: Promise<unknown>;
  /** Set when the answer has arrived and was a success. */
  arrived?: { value: unknown };
}

const sentEarly = new Map<ApiMethodName, SentEarly>();

/**
 * Sends `method` now and keeps its answer (or its error) for the first matching `callOrTakeEarly`.
 * @example sendEarly('app.info', {});
 */
export function sendEarly<M extends ApiMethodName>(method: M, input: ApiInput<M>): void {
  const early: SentEarly = { input: JSON.stringify(input), version: workspaceVersion(), answer: api.call(method, input) };
  // Nobody may ever take it (the workspace could not open): an error must not go unhandled.
  early.answer.then(
    (value) => {
      early.arrived = { value };
    },
    () => {},
  );
  sentEarly.set(method, early);
}

/** The early call for exactly this call, if it is still valid (same input, nothing written since). */
function matching(method: ApiMethodName, input: unknown): SentEarly | undefined {
  const early = sentEarly.get(method);
  return early && early.input === JSON.stringify(input) && early.version === workspaceVersion() ? early : undefined;
}

/**
 * The answer sent early for exactly this call, once; a fresh call when there is none, it was for
 * another input, or the workspace changed since it was sent.
 * @example const info = await callOrTakeEarly('app.info', {});
 */
export function callOrTakeEarly<M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const early = matching(method, input);
  sentEarly.delete(method);
  return early ? (early.answer as Promise<ApiOutput<M>>) : api.call(method, input);
}

/**
 * The answer sent early for exactly this call if it has already arrived (successfully), taken
 * once; undefined otherwise, leaving a pending early call for `callOrTakeEarly`.
 * @example const rows = takeEarlyAnswer('accounts.list', query) ?? (await callOrTakeEarly('accounts.list', query));
 */
export function takeEarlyAnswer<M extends ApiMethodName>(method: M, input: ApiInput<M>): ApiOutput<M> | undefined {
  const arrived = matching(method, input)?.arrived;
  if (!arrived) return undefined;
  sentEarly.delete(method);
  return arrived.value as ApiOutput<M>;
}

/**
 * Resolves once every early call of `methods` has been answered (or has failed), or after
 * `maxWaitMs`, whichever comes first; at once for a method that was not sent early.
 * @example await earlyAnswersIn(['app.info', 'accounts.list'], 250);
 */
export function earlyAnswersIn(methods: ApiMethodName[], maxWaitMs: number): Promise<void> {
  const pending = methods.flatMap((method) => {
    const early = sentEarly.get(method);
    return early && !early.arrived ? [early.answer.catch(() => {})] : [];
  });
  if (pending.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxWaitMs);
    void Promise.all(pending).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
