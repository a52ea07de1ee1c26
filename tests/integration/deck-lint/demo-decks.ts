import type { DeckOutline } from '../../../src/shared/api/schemas/deck-schemas';
import { autoAudience } from '../../../src/shared/deck-plan/deck-audience';
import type { ArchetypeKey } from '../../../src/shared/framework/keys';
import type { openTempBackend } from '../../support/temp-backend';

type Client = Awaited<ReturnType<typeof openTempBackend>>['backend']['client'];

/** One deck the demo portfolio should produce customer-ready. */
export interface DemoDeck {
  accountId: string;
  accountName: string;
  audience: ArchetypeKey[];
  deckType: 'qbr' | 'ebr';
  label: string;
}

/**
 * Every demo account × QBR/EBR × its audiences: the audience 'auto' picks, and each mapped
 * buyer-side person on their own (a deck for one reader must be customer-ready too).
 */
export async function demoDecks(client: Client): Promise<DemoDeck[]> {
  const decks: DemoDeck[] = [];
  for (const account of await client.call('accounts.list', {})) {
    const [streams, people] = await Promise.all([client.call('streams.list', { accountId: account.id }), client.call('stakeholders.list', { accountId: account.id })]);
    for (const deckType of ['qbr', 'ebr'] as const) {
      const auto = autoAudience(people, streams.map((s) => ({ id: s.id, name: s.name, revenueModel: s.revenueModel, paymentEnvironment: s.paymentEnvironment, terms: s.terms })), deckType);
      const sets = [auto, ...auto.filter((key) => auto.length > 1).map((key) => [key])];
      for (const audience of sets) decks.push({ accountId: account.id, accountName: account.name, audience, deckType, label: `${account.name} ${deckType.toUpperCase()} for ${audience.join(', ')}` });
    }
  }
  return decks;
}

/** The outline's lint findings as lines a failing test prints. */
export function lintLines(deck: DemoDeck, outline: DeckOutline): string[] {
  return outline.lint.map((finding) => `${deck.label} · ${finding.slideId ?? 'deck'} · ${finding.rule}: ${finding.message}`);
}
