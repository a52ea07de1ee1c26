import { believableProof, type EvidenceRequirement } from '../framework/believable-proof';
import type { BelievableProofKind, HybridStructureKey } from '../framework/keys';
import { checkProof, type ProofStream } from '../framework/proof-checks';
import { archetype } from '../framework/stakeholder-archetypes';
import type { DeckFacts } from './deck-facts';
import type { AudienceMember, DeckPlanStream, PlanEvidenceGap } from './deck-plan-types';

/*
 * What each person in the room will believe, and which of it the data can show: the framework's
 * one proof check (framework/proof-checks.ts), run on the account's current data and the saved
 * assessment's stated orientations whenever a deck is planned. A requirement whose metrics were
 * never recorded is an evidence gap, said out loud with how we close it.
 */

/** One requirement of one proof kind for one person in the room, met or not. */
export interface ProofCheck {
  member: AudienceMember;
  kind: BelievableProofKind;
  stream: DeckPlanStream;
  requirement: EvidenceRequirement;
  met: boolean;
}

/** A deck stream as the proof check reads it. */
export function proofStreamOf(stream: DeckPlanStream): ProofStream {
  const structure = stream.revenueModel === 'hybrid' ? ((stream.terms.structure as HybridStructureKey | undefined) ?? null) : null;
  return { id: stream.id, revenueModel: stream.revenueModel, paymentEnvironment: stream.paymentEnvironment, hybridStructure: structure };
}

/** Every proof requirement for every person in the room, strongest proof first. */
export function checkAudienceProof(facts: DeckFacts, audience: readonly AudienceMember[]): ProofCheck[] {
  const streams = facts.input.streams;
  const byId = new Map(streams.map((stream) => [stream.id, stream]));
  return audience.flatMap((member) =>
    checkProof(member.archetype, streams.map(proofStreamOf), facts.input.assessment?.assessment, facts.availableMetricKeys).map((check) => ({
      member,
      kind: check.kind,
      stream: byId.get(check.streamId)!,
      requirement: check.requirement,
      met: check.met,
    })),
  );
}

/** The evidence gaps of the people in the room: every unmet requirement, from current data. */
export function audienceEvidenceGaps(facts: DeckFacts, checks: readonly ProofCheck[]): PlanEvidenceGap[] {
  return checks
    .filter((check) => !check.met)
    .map((check) => ({
      archetype: check.member.archetype,
      audienceLabel: check.member.label,
      proofKind: check.kind,
      need: check.requirement.need,
      honestStatement: `We cannot yet show ${check.requirement.need.charAt(0).toLowerCase()}${check.requirement.need.slice(1)}.`,
      howToClose: check.requirement.howToClose,
      streamName: facts.input.streams.length > 1 ? check.stream.name : null,
    }));
}

/** The proof label a person finds most convincing ("A dollar figure"). */
export function strongestProofLabel(member: AudienceMember): string {
  const kind = archetype(member.archetype).believableProof[0];
  return kind ? believableProof(kind).label : 'Evidence';
}
