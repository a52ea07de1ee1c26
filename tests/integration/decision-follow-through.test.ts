import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/api/backend';
import { openTempBackend } from '../support/temp-backend';
import { demoDecks } from './deck-lint/demo-decks';

/*
 * Each decision a deck asks for is followed through in the next 90 days by an action that says
 * what will be done, not by one template ("Record your decision on … and report against it",
 * which read the same under every decision). Through decks.plan for every demo account.
 */

let env: Awaited<ReturnType<typeof openTempBackend>>;
let backend: Backend;
const call: Backend['client']['call'] = (...args) => backend.client.call(...args);

beforeAll(async () => {
  env = await openTempBackend({ now: new Date('2026-12-03T10:00:00Z') });
  backend = env.backend;
  await call('demo.load', {});
});
afterAll(async () => env.cleanup());

describe('decision follow-through in the next 90 days', () => {
  it('names a concrete act for every proposed decision, each different', async () => {
    let followUps = 0;
    for (const deck of await demoDecks(backend.client)) {
      const outline = await call('decks.plan', { accountId: deck.accountId, deckType: deck.deckType, audience: deck.audience });
      const actions = outline.proposedCommitments.filter((c) => c.kind === 'action' && c.proposalKey.startsWith('action:follow-up:'));
      for (const action of actions) {
        expect(action.text, deck.label).not.toMatch(/^Record your decision|report against it/i);
        followUps += 1;
      }
      expect(new Set(actions.map((a) => a.text)).size, `${deck.label}: two follow-ups read the same`).toBe(actions.length);
    }
    expect(followUps).toBeGreaterThan(5);
  });
});
