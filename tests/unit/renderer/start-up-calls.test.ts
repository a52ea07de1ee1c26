import { beforeEach, describe, expect, it, vi } from 'vitest';

/*
 * The start-up calls go out before the app renders; the store that needs one takes its answer
 * instead of asking again, but only for the same input and only if nothing was written since.
 */

const sent: { method: string; input: unknown }[] = [];
let failNext = false;
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: {
    call: async (method: string, input: unknown) => {
      sent.push({ method, input });
      if (failNext) {
        failNext = false;
        throw new Error('backend unreachable');
      }
      return { answer: sent.length };
    },
  },
}));
const { sendEarly, callOrTakeEarly, takeEarlyAnswer } = await import('../../../src/renderer/src/api/start-up-calls');
const { noteWorkspaceChanged } = await import('../../../src/renderer/src/api/workspace-changes');

const QUERY = { search: '', sortBy: 'name', direction: 'asc' } as const;
/** The mocked calls answer in a microtask; a task later every answer has arrived. */
const answersArrived = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('start-up calls', () => {
  beforeEach(() => {
    sent.length = 0;
  });

  it('the first matching call takes the early answer instead of asking again, once', async () => {
    sendEarly('accounts.list', QUERY);
    expect(await callOrTakeEarly('accounts.list', { ...QUERY })).toEqual({ answer: 1 });
    expect(sent).toHaveLength(1);
    expect(await callOrTakeEarly('accounts.list', QUERY)).toEqual({ answer: 2 });
    expect(sent).toHaveLength(2);
  });

  it('another input asks again', async () => {
    sendEarly('accounts.list', QUERY);
    await callOrTakeEarly('accounts.list', { ...QUERY, search: 'north' });
    expect(sent.map((call) => call.input)).toEqual([QUERY, { ...QUERY, search: 'north' }]);
  });

  it('a write since the early call asks again', async () => {
    sendEarly('accounts.list', QUERY);
    noteWorkspaceChanged();
    expect(await callOrTakeEarly('accounts.list', QUERY)).toEqual({ answer: 2 });
    expect(sent).toHaveLength(2);
  });

  it('an answer that has arrived is taken at once, once; then the next call asks again', async () => {
    sendEarly('accounts.list', QUERY);
    await answersArrived();
    expect(takeEarlyAnswer('accounts.list', { ...QUERY })).toEqual({ answer: 1 });
    expect(takeEarlyAnswer('accounts.list', QUERY)).toBeUndefined();
    expect(await callOrTakeEarly('accounts.list', QUERY)).toEqual({ answer: 2 });
  });

  it('an answer still on its way is not taken at once, and stays for the call that waits for it', async () => {
    sendEarly('accounts.list', QUERY);
    expect(takeEarlyAnswer('accounts.list', QUERY)).toBeUndefined();
    expect(await callOrTakeEarly('accounts.list', QUERY)).toEqual({ answer: 1 });
    expect(sent).toHaveLength(1);
  });

  it('an arrived answer is not taken for another input or after a write', async () => {
    sendEarly('accounts.list', QUERY);
    await answersArrived();
    expect(takeEarlyAnswer('accounts.list', { ...QUERY, search: 'north' })).toBeUndefined();
    noteWorkspaceChanged();
    expect(takeEarlyAnswer('accounts.list', QUERY)).toBeUndefined();
  });

  it('a failed early call is never taken at once; the call that waits for it gets the error', async () => {
    failNext = true;
    sendEarly('app.info', {});
    await answersArrived();
    expect(takeEarlyAnswer('app.info', {})).toBeUndefined();
    await expect(callOrTakeEarly('app.info', {})).rejects.toThrow('backend unreachable');
  });
});
