import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiMethodName } from '../../../src/shared/api/contract';

/*
 * Fresh views: a change saved anywhere (a stream, a metric, an import) makes the portfolio fetch
 * again when it is shown, instead of showing "Not set up" until the app is reloaded.
 */

const calls: string[] = [];
vi.mock('../../../src/renderer/src/api/client', () => ({
  ApiClientError: class extends Error {},
  api: {
    call: async (method: ApiMethodName) => {
      calls.push(method);
      if (method === 'accounts.list') return [];
      if (method === 'insights.portfolio') return [];
      throw new Error(`unexpected ${method}`);
    },
  },
}));

const { changesWorkspaceData, noteWorkspaceChanged } = await import('../../../src/renderer/src/api/workspace-changes');
const { usePortfolioStore } = await import('../../../src/renderer/src/portfolio/portfolio-store');

describe('which calls change the workspace', () => {
  it('counts writes (streams, metrics, imports, assessments, decks) and not reads', () => {
    for (const method of ['streams.create', 'stakeholders.update', 'metrics.saveMonth', 'assessments.finalize', 'decks.export', 'demo.load', 'workspace.open', 'workspace.importJson'] as const) {
      expect(changesWorkspaceData(method), method).toBe(true);
    }
    for (const method of ['accounts.list', 'insights.portfolio', 'insights.account', 'import.progress', 'decks.plan', 'workspace.exportJson', 'portfolio.facts', 'decks.reveal', 'decks.saveDraft'] as const) {
      expect(changesWorkspaceData(method), method).toBe(false);
    }
  });
});

describe('the portfolio store', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('fetches the list and health again when shown after a change, and not otherwise', async () => {
    await usePortfolioStore.getState().applySearch('');
    expect(calls.sort()).toEqual(['accounts.list', 'insights.portfolio']);

    calls.length = 0;
    await usePortfolioStore.getState().refreshIfStale();
    expect(calls).toEqual([]);

    noteWorkspaceChanged();
    await usePortfolioStore.getState().refreshIfStale();
    expect(calls.sort()).toEqual(['accounts.list', 'insights.portfolio']);

    calls.length = 0;
    await usePortfolioStore.getState().refreshIfStale();
    expect(calls).toEqual([]);
  });
});
