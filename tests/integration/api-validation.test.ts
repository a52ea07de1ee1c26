import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHandlers, type ApiHandlers } from '../../src/main/api/api-handlers';
import { createDispatcher } from '../../src/main/api/dispatch';
import { API_METHOD_NAMES } from '../../src/shared/api/contract';
import { FIXED_NOW, openTempBackend, sequentialIds } from '../support/temp-backend';

/** Inputs no method accepts: wrong types at the top level, and unknown keys (every input object is strict). */
const MALFORMED_INPUTS: unknown[] = [null, 42, 'accounts', true, [], [{}], { unexpectedKey: 1 }, { id: 7, patch: 'x', name: null }];

describe('every API method rejects malformed input with a typed error', () => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  let calls: string[];
  let dispatch: ReturnType<typeof createDispatcher>;

  beforeEach(async () => {
    ctx = await openTempBackend();
    calls = [];
    const real = createApiHandlers({ workspace: ctx.backend.workspace, now: () => FIXED_NOW, newId: sequentialIds(), appVersion: 'test', transport: 'direct' });
    // Record every handler that actually runs, to prove validation happens first.
    const spied = Object.fromEntries(
      Object.entries(real).map(([name, handler]) => [name, (input: unknown) => (calls.push(name), (handler as (i: unknown) => Promise<unknown>)(input))]),
    ) as unknown as ApiHandlers;
    dispatch = createDispatcher(spied);
  });
  afterEach(async () => ctx.cleanup());

  it.each(API_METHOD_NAMES)('%s', async (method) => {
    for (const input of MALFORMED_INPUTS) {
      const result = await dispatch(method, input);
      expect(result, `${method} accepted ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!result.ok) {
        expect(typeof result.error.message).toBe('string');
        expect(result.error.message).not.toMatch(/\n\s+at /); // never a stack trace
      }
    }
    expect(calls).toEqual([]);
  });

  it('answers an unknown or inherited method name with unknown_method', async () => {
    for (const method of ['accounts.drop', '__proto__', 'toString', 'constructor', '', 12, null]) {
      expect(await dispatch(method, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    expect(calls).toEqual([]);
  });

  it('turns an unexpected handler exception into an internal error without a stack trace', async () => {
    const logged: string[] = [];
    const broken = { ...createApiHandlers({ workspace: ctx.backend.workspace, now: () => FIXED_NOW, newId: sequentialIds(), appVersion: 't', transport: 'direct' }) };
    broken['accounts.list'] = async () => {
      throw new Error('disk on fire');
    };
    const result = await createDispatcher(broken, (message) => logged.push(message))('accounts.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('disk on fire');
    expect(logged.join('\n')).toContain('disk on fire');
  });
});
