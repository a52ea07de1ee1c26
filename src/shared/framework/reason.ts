/**
 * A reason is one step of the engine's reasoning, phrased for a person. `code` is stable so the UI
 * and tests can key on it; `text` is what the screen shows.
 */
export interface Reason {
  code: string;
  text: string;
}

/** Build a reason; kept as a function so call sites read as sentences. */
export function reason(code: string, text: string): Reason {
  return { code, text };
}
