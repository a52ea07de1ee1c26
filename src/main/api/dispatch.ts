import { z } from 'zod';
import { apiContract, isApiMethodName } from '../../shared/api/contract';
import { ApiFailure, type ApiResult } from '../../shared/api/errors';
import type { ApiHandlers } from './api-handlers';
import { findIllFormedString } from './well-formed-input';

export type ApiDispatcher = (method: unknown, input: unknown) => Promise<ApiResult<unknown>>;

/**
 * Wraps the handler table for an untrusted transport: checks the method name, validates the input
 * against the contract before any handler runs, and turns every failure into a typed error.
 */
export function createDispatcher(handlers: ApiHandlers, log: (message: string) => void = () => {}): ApiDispatcher {
  return async (method, input) => {
    if (!isApiMethodName(method)) {
      return failure(new ApiFailure('unknown_method', `There is no API method called ${describe(method)}.`));
    }
    const illFormed = findIllFormedString(input);
    if (illFormed) {
      return failure(new ApiFailure('invalid_input', `Invalid input for ${method}: ${illFormed.join('.') || 'the input'} contains a broken character (an unpaired UTF-16 surrogate) that cannot be stored.`, {
        issues: [{ path: illFormed, message: 'Unpaired UTF-16 surrogate' }],
      }));
    }
    const parsed = apiContract[method].input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      return failure(new ApiFailure('invalid_input', `Invalid input for ${method}: ${summariseIssues(parsed.error)}`, {
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
      }));
    }
    try {
      const handler = handlers[method] as (value: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ApiFailure) return failure(error);
      log(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return failure(new ApiFailure('internal', `Something went wrong in ${method}; see the log for details.`));
    }
  };
}

function failure(error: ApiFailure): ApiResult<never> {
  return { ok: false, error: error.toApiError() };
}

function summariseIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : `a ${typeof value}`;
}
