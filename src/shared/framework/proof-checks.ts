import { evidenceRequirements, isRequirementMet, type EvidenceRequirement } from './believable-proof';
import { hybridStructure } from './hybrid-structures';
import type { ArchetypeKey, BelievableProofKind, HybridStructureKey, StreamModelKey, ValueOrientationKey } from './keys';
import type { MetricKey } from './metric-keys';
import { orientationFor, type StatedStreams, type StreamForOrientation } from './orient';
import { archetype, archetypeProfiles } from './stakeholder-archetypes';

/*
 * The one check of what a person will believe against what the data holds. The value map
 * (assessment) and the deck plan (evidence gaps, proof slides) both call `checkProof`, so the
 * gaps the wizard shows and the gaps a deck names come from the same requirements, orientation
 * and metrics — recomputed from current data every time.
 */

/** A revenue stream as the proof check reads it; a hybrid stream names its structure. */
export interface ProofStream extends StreamForOrientation {
  /** The hybrid structure of a `hybrid` stream, which says which pure models it combines. */
  hybridStructure?: HybridStructureKey | null;
}

/** One requirement of one proof kind for one person on one stream, met or not. */
export interface ProofCheck {
  archetype: ArchetypeKey;
  kind: BelievableProofKind;
  streamId: string;
  /** The pure model the requirement comes from (a hybrid stream is judged by each model it combines). */
  model: StreamModelKey;
  orientation: ValueOrientationKey;
  requirement: EvidenceRequirement;
  met: boolean;
}

/** A gap's identity: the same requirement for the same person on the same stream is one gap. */
export function proofCheckKey(check: Pick<ProofCheck, 'archetype' | 'streamId' | 'requirement'>): string {
  return `${check.archetype}|${check.streamId}|${check.requirement.key}`;
}

/** The pure models a stream's proof is judged by: its own, or for a hybrid those its structure combines. */
export function proofModels(stream: ProofStream): StreamModelKey[] {
  if (stream.revenueModel !== 'hybrid') return [stream.revenueModel];
  const structure = stream.hybridStructure ?? null;
  // Without a structure, a hybrid is read as its usual base: a population fee.
  return structure ? (hybridStructure(structure).streamModels.filter((model) => model !== 'hybrid') as StreamModelKey[]) : ['pmpm_pepm'];
}

/** The streams whose framework table lists this person; every stream when none does (the role still matters to the account). */
export function streamsConcerning<S extends ProofStream>(person: ArchetypeKey, streams: readonly S[]): { streams: S[]; listed: boolean } {
  const listed = streams.filter((stream) => proofModels(stream).some((model) => archetypeProfiles(person, model, stream.paymentEnvironment).length > 0) || archetypeProfiles(person, stream.revenueModel, stream.paymentEnvironment).length > 0);
  return listed.length > 0 ? { streams: listed, listed: true } : { streams: [...streams], listed: false };
}

/**
 * Every requirement of every proof kind `person` believes (strongest first), on each stream that
 * concerns them, oriented as the saved assessment states (else the framework expects), checked
 * against the metric keys with data. Duplicate requirements per person and stream are dropped.
 */
export function checkProof(person: ArchetypeKey, streams: readonly ProofStream[], stated: StatedStreams | null | undefined, available: ReadonlySet<MetricKey>): ProofCheck[] {
  const checks: ProofCheck[] = [];
  const seen = new Set<string>();
  const concerning = streamsConcerning(person, streams).streams;
  for (const kind of archetype(person).believableProof) {
    for (const stream of concerning) {
      const orientation = orientationFor(stream, person, stated).orientation;
      for (const model of proofModels(stream)) {
        for (const requirement of evidenceRequirements(kind, model, orientation, stream.paymentEnvironment)) {
          const check: ProofCheck = { archetype: person, kind, streamId: stream.id, model, orientation, requirement, met: isRequirementMet(requirement, available) };
          const key = proofCheckKey(check);
          if (seen.has(key)) continue;
          seen.add(key);
          checks.push(check);
        }
      }
    }
  }
  return checks;
}
