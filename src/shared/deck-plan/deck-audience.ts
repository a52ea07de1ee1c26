import { environmentShift } from '../framework/environment-shifts';
import { ARCHETYPES, type ArchetypeKey } from '../framework/keys';
import { revenueModel } from '../framework/revenue-models';
import { archetype } from '../framework/stakeholder-archetypes';
import type { AudienceMember, DeckPlanStakeholder, DeckPlanStream, DeckType } from './deck-plan-types';

/*
 * Who is in the room. The audience is a list of archetype keys (the names `qbr framework` prints);
 * each is matched to the person mapped in the account so slides can address them by name.
 */

/** Most archetypes a deck is calibrated for; more people than this need separate meetings. */
export const MAX_AUDIENCE = 4;

/** Whether a string is an archetype key a deck can be calibrated for. */
export function isAudienceKey(key: string): key is ArchetypeKey {
  return (ARCHETYPES as readonly string[]).includes(key);
}

/** The audience members for the given keys, in order, duplicates dropped. */
export function resolveAudience(keys: readonly ArchetypeKey[], stakeholders: readonly DeckPlanStakeholder[]): AudienceMember[] {
  return [...new Set(keys)].map((key) => {
    const role = archetype(key);
    // The budget holder or sponsor wins when several people share an archetype: they are the one the slide speaks to.
    const people = stakeholders.filter((person) => person.archetype === key);
    const person = people.find((p) => p.isBudgetHolder) ?? people.find((p) => p.isExecutiveSponsor) ?? people[0];
    return {
      archetype: key,
      archetypeName: role.name,
      personName: person?.personName ?? null,
      personTitle: person?.title || null,
      label: person ? `${person.personName}${person.title ? ` (${person.title})` : ''}` : role.name,
    };
  });
}

/** Sides that never sit across the table in a business review. */
const NOT_IN_THE_ROOM = new Set<ArchetypeKey>(['cs_team_internal', 'patient_member', 'clinical_end_user']);

/**
 * The audience 'auto' picks for an account: mapped buyer-side people, budget holder first, then
 * the executive sponsor (first for an EBR), then the model's primary stakeholders. Without anyone
 * mapped, the framework's primary stakeholder for the account's first stream.
 */
export function autoAudience(stakeholders: readonly DeckPlanStakeholder[], streams: readonly DeckPlanStream[], deckType: DeckType): ArchetypeKey[] {
  const primaries = new Set(streams.flatMap((stream) => revenueModel(stream.revenueModel).primaryStakeholders));
  const rank = (person: DeckPlanStakeholder): number => {
    const sponsorFirst = deckType === 'ebr';
    if (person.isBudgetHolder && person.isExecutiveSponsor) return 0;
    if (sponsorFirst ? person.isExecutiveSponsor : person.isBudgetHolder) return 1;
    if (sponsorFirst ? person.isBudgetHolder : person.isExecutiveSponsor) return 2;
    if (primaries.has(person.archetype)) return 3;
    return 4;
  };
  const inRoom = stakeholders.filter((person) => !NOT_IN_THE_ROOM.has(person.archetype) && archetype(person.archetype).side !== 'internal');
  // Stable order: rank, then the order the account lists people in.
  const ordered = inRoom.map((person, i) => ({ person, i })).sort((a, b) => rank(a.person) - rank(b.person) || a.i - b.i);
  const limit = deckType === 'ebr' ? 2 : 3;
  const picked = [...new Set(ordered.map(({ person }) => person.archetype))].slice(0, limit);
  if (picked.length > 0) return picked;
  for (const stream of streams) {
    const fromModel = revenueModel(stream.revenueModel).primaryStakeholders[0];
    if (fromModel) return [fromModel];
    if (stream.paymentEnvironment) {
      const fromShift = environmentShift(stream.revenueModel, stream.paymentEnvironment).stakeholders[0];
      if (fromShift) return [fromShift];
    }
  }
  return ['platform_executive_sponsor'];
}

/** "Dana Whitfield (Practice Manager) and Dr. Samuel Okafor" for subtitles. */
export function audienceNames(audience: readonly AudienceMember[]): string {
  const names = audience.map((member) => member.personName ?? member.archetypeName.toLowerCase());
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
