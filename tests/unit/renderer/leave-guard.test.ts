import { beforeEach, describe, expect, it, vi } from 'vitest';

/* Settings edits are never discarded silently: navigating away asks to save, leave without saving, or stay. */

vi.mock('../../../src/renderer/src/api/client', () => ({ ApiClientError: class extends Error {}, api: { call: async () => ({}) } }));
const { useAppStore } = await import('../../../src/renderer/src/app/app-store');

function guard(unsaved: string[], saves: boolean) {
  const calls: string[] = [];
  return {
    calls,
    unsavedSections: () => unsaved,
    save: async () => {
      calls.push('save');
      return saves;
    },
    discard: () => calls.push('discard'),
  };
}

describe('leaving a screen with unsaved edits', () => {
  beforeEach(() => useAppStore.setState({ screen: { name: 'settings' }, leaveGuard: null, pendingScreen: null }));

  it('navigates at once when nothing is unsaved', () => {
    useAppStore.getState().setLeaveGuard(guard([], true));
    useAppStore.getState().navigate({ name: 'portfolio' });
    expect(useAppStore.getState().screen).toEqual({ name: 'portfolio' });
  });

  it('asks first, and stays when asked to', async () => {
    useAppStore.getState().setLeaveGuard(guard(['General'], true));
    useAppStore.getState().navigate({ name: 'portfolio' });
    expect(useAppStore.getState()).toMatchObject({ screen: { name: 'settings' }, pendingScreen: { name: 'portfolio' } });
    await useAppStore.getState().resolvePendingNavigation('stay');
    expect(useAppStore.getState()).toMatchObject({ screen: { name: 'settings' }, pendingScreen: null });
  });

  it('saves then goes, or stays when the save is refused', async () => {
    const refused = guard(['Deck brand'], false);
    useAppStore.getState().setLeaveGuard(refused);
    useAppStore.getState().navigate({ name: 'workspace' });
    await useAppStore.getState().resolvePendingNavigation('save');
    expect(refused.calls).toEqual(['save']);
    expect(useAppStore.getState().screen).toEqual({ name: 'settings' });

    const accepted = guard(['Deck brand'], true);
    useAppStore.getState().setLeaveGuard(accepted);
    useAppStore.getState().navigate({ name: 'workspace' });
    await useAppStore.getState().resolvePendingNavigation('save');
    expect(accepted.calls).toEqual(['save']);
    expect(useAppStore.getState()).toMatchObject({ screen: { name: 'workspace' }, leaveGuard: null });
  });

  it('leaves without saving only when told to, dropping the edits', async () => {
    const edits = guard(['General', 'Health score weights'], true);
    useAppStore.getState().setLeaveGuard(edits);
    useAppStore.getState().navigate({ name: 'portfolio' });
    await useAppStore.getState().resolvePendingNavigation('discard');
    expect(edits.calls).toEqual(['discard']);
    expect(useAppStore.getState().screen).toEqual({ name: 'portfolio' });
  });
});
