import type { RevenueStream } from '../../../shared/api/schemas/stream-schemas';
import type { Stakeholder } from '../../../shared/api/schemas/stakeholder-schemas';
import { autoAudience, MAX_AUDIENCE } from '../../../shared/deck-plan/deck-audience';
import type { DeckType } from '../../../shared/deck-plan/deck-plan-types';
import type { ArchetypeKey } from '../../../shared/framework/keys';
import { STAKEHOLDER_ARCHETYPES } from '../../../shared/framework/stakeholder-archetypes';

export { MAX_AUDIENCE };

export interface AudienceOptionGroup {
  group: string;
  items: { value: ArchetypeKey; label: string }[];
}

/**
 * Options for "who is in the room": the account's mapped people first ("Dana Whitfield — Clinic
 * administrator / practice manager"), then every other archetype. A deck is calibrated per
 * archetype, so people sharing one archetype share one option.
 */
export function audienceOptions(stakeholders: readonly Stakeholder[]): AudienceOptionGroup[] {
  const mapped = new Map<ArchetypeKey, string[]>();
  for (const person of stakeholders) mapped.set(person.archetype, [...(mapped.get(person.archetype) ?? []), person.personName]);
  const people = STAKEHOLDER_ARCHETYPES.filter((role) => mapped.has(role.key)).map((role) => ({
    value: role.key,
    label: `${mapped.get(role.key)!.join(', ')} — ${role.name}`,
  }));
  const others = STAKEHOLDER_ARCHETYPES.filter((role) => !mapped.has(role.key)).map((role) => ({ value: role.key, label: role.name }));
  return [
    ...(people.length > 0 ? [{ group: 'People mapped at this account', items: people }] : []),
    { group: people.length > 0 ? 'Any other role' : 'Roles', items: others },
  ];
}

/**
 * Who the deck is for until the CSM chooses: for a QBR the operational champion (budget holder)
 * first, for an EBR the executive sponsor first; the model's primary stakeholder when nobody is mapped.
 */
export function defaultAudience(stakeholders: readonly Stakeholder[], streams: readonly RevenueStream[], deckType: DeckType): ArchetypeKey[] {
  return autoAudience(stakeholders, streams, deckType).slice(0, MAX_AUDIENCE);
}
