import { believableProof, evidenceRequirements, isRequirementMet, type EvidenceRequirement } from '../framework/believable-proof';
import { hybridStructure } from '../framework/hybrid-structures';
import type { BelievableProofKind, HybridStructureKey, StreamModelKey } from '../framework/keys';
import { orient } from '../framework/orient';
import { archetype, archetypeProfiles } from '../framework/stakeholder-archetypes';
import { quarterLabel } from './deck-period';
import type { DeckFacts } from './deck-facts';
import type { AudienceMember, DeckPlanStream, PlanEvidenceGap } from './deck-plan-types';

/*
 * What each person in the room will believe, and which of it the data can show. Requirements come
 * from the framework's believable-proof catalog; a requirement whose metrics were never recorded is
 * an evidence gap, said out loud with how we close it rather than papered over with weaker data.
 */

/** One requirement of one proof kind for one person, met or not. */
export interface ProofCheck {
  member: AudienceMember;
  kind: BelievableProofKind;
  stream: DeckPlanStream;
  requirement: EvidenceRequirement;
  met: boolean;
}

/** The pure models a stream's proof is judged by (a hybrid stream by the models its structure combines). */
function proofModels(stream: DeckPlanStream): StreamModelKey[] {
  if (stream.revenueModel !== 'hybrid') return [stream.revenueModel];
  const structure = stream.terms.structure as HybridStructureKey | undefined;
  return structure ? (hybridStructure(structure).streamModels.filter((m) => m !== 'hybrid') as StreamModelKey[]) : ['pmpm_pepm'];
}

/** Streams whose framework table lists this person; every stream when none does. */
function streamsFor(member: AudienceMember, streams: readonly DeckPlanStream[]): DeckPlanStream[] {
  const matched = streams.filter((stream) => archetypeProfiles(member.archetype, stream.revenueModel, stream.paymentEnvironment).length > 0);
  return matched.length > 0 ? matched : [...streams];
}

/** Every proof requirement for every person in the room, strongest proof first. */
export function checkAudienceProof(facts: DeckFacts, audience: readonly AudienceMember[]): ProofCheck[] {
  const checks: ProofCheck[] = [];
  for (const member of audience) {
    for (const kind of archetype(member.archetype).believableProof) {
      for (const stream of streamsFor(member, facts.input.streams)) {
        const orientation = orient(stream.revenueModel, stream.paymentEnvironment, member.archetype).orientation;
        for (const model of proofModels(stream)) {
          for (const requirement of evidenceRequirements(kind, model, orientation)) {
            if (checks.some((c) => c.member.archetype === member.archetype && c.requirement.key === requirement.key && c.stream.id === stream.id)) continue;
            checks.push({ member, kind, stream, requirement, met: isRequirementMet(requirement, facts.availableMetricKeys) });
          }
        }
      }
    }
  }
  return checks;
}

/** The evidence gaps of the people in the room, plus a missing assessment. */
export function audienceEvidenceGaps(facts: DeckFacts, audience: readonly AudienceMember[], checks: readonly ProofCheck[]): PlanEvidenceGap[] {
  const gaps: PlanEvidenceGap[] = [];
  if (!facts.input.assessment && audience[0]) {
    gaps.push({
      archetype: audience[0].archetype,
      audienceLabel: 'Everyone',
      proofKind: null,
      need: `A saved framework assessment for ${quarterLabel(facts.input.quarter)}`,
      honestStatement: `No assessment was saved for ${quarterLabel(facts.input.quarter)}; this deck reads the payment environment and orientation from the contract's recorded revenue streams and should be confirmed with you.`,
      howToClose: 'Complete and save the quarter\'s assessment in the account (orientation, payment environment and open questions).',
      streamName: null,
    });
  }
  const seen = new Set<string>();
  for (const check of checks) {
    if (check.met) continue;
    const key = `${check.member.archetype}|${check.requirement.need}`;
    if (seen.has(key)) continue;
    seen.add(key);
    gaps.push({
      archetype: check.member.archetype,
      audienceLabel: check.member.label,
      proofKind: check.kind,
      need: check.requirement.need,
      honestStatement: `We cannot yet show ${check.requirement.need.charAt(0).toLowerCase()}${check.requirement.need.slice(1)}.`,
      howToClose: check.requirement.howToClose,
      streamName: facts.input.streams.length > 1 ? check.stream.name : null,
    });
  }
  // A saved value map may name gaps for the same people that our stream-level check does not (stated orientations).
  for (const entry of facts.input.assessment?.valueMap?.entries ?? []) {
    const member = audience.find((m) => m.archetype === entry.archetype);
    if (!member) continue;
    for (const gap of entry.evidenceGaps) {
      const key = `${member.archetype}|${gap.need}`;
      if (seen.has(key)) continue;
      seen.add(key);
      gaps.push({ archetype: member.archetype, audienceLabel: member.label, proofKind: gap.proofKind, need: gap.need, honestStatement: gap.honestStatement, howToClose: gap.howToClose, streamName: null });
    }
  }
  return gaps;
}

/** The proof label a person finds most convincing ("A dollar figure"). */
export function strongestProofLabel(member: AudienceMember): string {
  const kind = archetype(member.archetype).believableProof[0];
  return kind ? believableProof(kind).label : 'Evidence';
}
