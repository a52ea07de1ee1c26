import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBridge } from '../../src/main/transports/preload/bridge';
import { startHarnessServer, type HarnessServer } from '../../src/main/transports/web/harness-server';
import { API_METHOD_NAMES, apiContract } from '../../src/shared/api/contract';
import { openTempBackend } from '../support/temp-backend';

/*
 * The IPC bridge and the HTTP harness must expose exactly the contract's methods, no more and
 * no fewer, so a renderer that works in one works in the other.
 */
describe('transport surfaces', () => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  let server: HarnessServer;

  beforeEach(async () => {
    ctx = await openTempBackend();
    server = await startHarnessServer({ dispatch: ctx.backend.dispatch, staticDir: path.join(ctx.dir, 'no-renderer') });
  });
  afterEach(async () => {
    await server.close();
    await ctx.cleanup();
  });

  const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-qbr-token': server.token, ...headers },
      body: JSON.stringify(body),
    });

  /** Which method names a transport forwards to the backend, probing with each candidate name. */
  async function surfaceOf(invoke: (method: string) => Promise<{ ok: boolean; error?: { code: string } }>): Promise<string[]> {
    const candidates = [...API_METHOD_NAMES, 'accounts.drop', 'app.shutdown', 'toString', '__proto__'];
    const forwarded: string[] = [];
    for (const method of candidates) {
      const result = await invoke(method);
      if (result.ok || result.error?.code !== 'unknown_method') forwarded.push(method);
    }
    return forwarded.sort();
  }

  it('the HTTP harness and the IPC bridge forward exactly the contract methods', async () => {
    const viaHttp = await surfaceOf(async (method) => (await (await post(method, {})).json()) as { ok: boolean; error?: { code: string } });
    const sentOverIpc: string[] = [];
    const bridge = createBridge(async (method, input) => {
      sentOverIpc.push(method);
      return ctx.backend.dispatch(method, input);
    });
    const viaIpc = await surfaceOf((method) => bridge.invoke(method, {}));
    const contract = Object.keys(apiContract).sort();
    expect(viaHttp).toEqual(contract);
    expect(viaIpc).toEqual(contract);
    expect(sentOverIpc.sort()).toEqual(contract);
  });

  it('lists its methods for clients that ask', async () => {
    const response = await fetch(`${server.origin}/api/methods`, { headers: { 'x-qbr-token': server.token } });
    expect(await response.json()).toEqual({ ok: true, value: API_METHOD_NAMES });
  });

  it('binds to 127.0.0.1 only', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses calls without the token, with a wrong token, or from another origin', async () => {
    const noToken = await fetch(`${server.origin}/api/accounts.list`, { method: 'POST', body: '{}' });
    expect(noToken.status).toBe(401);
    expect((await post('accounts.list', {}, { 'x-qbr-token': 'f'.repeat(48) })).status).toBe(401);
    const foreign = await post('accounts.list', {}, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await post('accounts.list', {}, { origin: server.origin })).status).toBe(200);
  });

  it('answers malformed JSON with a typed invalid_input error', async () => {
    const response = await fetch(`${server.origin}/api/accounts.create`, {
      method: 'POST',
      headers: { 'x-qbr-token': server.token },
      body: '{"name": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
