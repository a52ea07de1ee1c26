import type { z } from 'zod';

/** One backend method: what it accepts, what it returns, and a sentence for docs and errors. */
export interface ApiMethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  summary: string;
}

/** Declares a method; exists so the input/output types are inferred, not widened. */
export function defineMethod<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  summary: string,
): ApiMethodSpec<I, O> {
  return { input, output, summary };
}
