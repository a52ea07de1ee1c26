import { beforeEach, describe, expect, it, vi } from 'vitest';

/*
 * The start-up calls go out before the app renders; the store that needs one takes its answer
 * instead of asking again, but only for the same input and only if nothing was written since.
 */

const sent: { method: string; input: unknown }[] = [];
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: {
    call: async (method: string, input: unknown) => {
      sent.push({ method, input });
      return { answer: sent.length };
    },
  },
}));
const { sendEarly, callOrTakeEarly } = await import('../../../src/renderer/src/api/start-up-calls');
const { noteWorkspaceChanged } = await import('../../../src/renderer/src/api/workspace-changes');

const QUERY = { search: '', sortBy: 'name', direction: 'asc' } as const;

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
});
