import { phasedTermsOf } from '../api/schemas/stream-terms-adapters';
import type { StreamTerms } from '../api/schemas/stream-terms-schemas';
import { outcomesStreamsReadiness } from '../assessment/stream-readiness';
import type { ContractReadiness } from '../framework/contract-readiness';
import { environmentShift, type EnvironmentShift } from '../framework/environment-shifts';
import { detectIncentiveConflicts, type ConflictStream, type IncentiveConflict } from '../framework/hybrid-conflicts';
import { hybridPhase, type HybridPhase } from '../framework/hybrid-phase';
import { hybridStructure } from '../framework/hybrid-structures';
import type { ArchetypeKey, HybridStructureKey, StreamModelKey, ValueOrientationKey } from '../framework/keys';
import type { OpenQuestion } from '../framework/open-question';
import { orientationFor } from '../framework/orient';
import { archetypeProfiles } from '../framework/stakeholder-archetypes';
import { valueStory, type ValueStory } from '../framework/value-story';
import type { DeckFacts } from './deck-facts';
import type { DeckPlanStream } from './deck-plan-types';

/*
 * The framework's reading of the account as the deck needs it: which stream tells the primary
 * stakeholder's value story, in which orientation, and the conflicts, contract readiness and phases
 * to put in front of the buyer. Read from the quarter's saved assessment when there is one; else
 * derived from the streams' recorded models and payment environments (and the deck says so).
 */

export interface StreamReading {
  stream: DeckPlanStream;
  orientation: ValueOrientationKey;
  orientationReason: string;
  /** Null while the buyer's payment environment is unknown. */
  shift: EnvironmentShift | null;
}

export interface FrameworkReading {
  source: 'assessment' | 'streams';
  /** The stream whose value story leads for the primary stakeholder. */
  lead: StreamReading;
  streams: StreamReading[];
  conflicts: IncentiveConflict[];
  readiness: { streamName: string; readiness: ContractReadiness }[];
  phases: { streamName: string; activatedUsers: number; phase: HybridPhase }[];
  openQuestions: OpenQuestion[];
}

function readStream(facts: DeckFacts, stream: DeckPlanStream, primary: ArchetypeKey): StreamReading {
  const oriented = streamOrientation(facts, stream, primary);
  return {
    stream,
    orientation: oriented.orientation,
    orientationReason: oriented.reason,
    shift: stream.paymentEnvironment ? environmentShift(stream.revenueModel, stream.paymentEnvironment) : null,
  };
}

/** How `stream` reads for `person` in this deck: the saved assessment's stated view first (framework/orient.ts). */
export function streamOrientation(facts: DeckFacts, stream: DeckPlanStream, person: ArchetypeKey) {
  return orientationFor(stream, person, facts.input.assessment?.assessment);
}

/**
 * What leads when `stream` is told to `person`: the payment environment × model × audience story
 * (framework/value-story.ts), the same decision the app's Metrics tab, health and signals read.
 */
export function storyFor(stream: Pick<DeckPlanStream, 'revenueModel' | 'paymentEnvironment'>, person: ArchetypeKey | null): ValueStory {
  return valueStory({ model: stream.revenueModel, environment: stream.paymentEnvironment, audience: person });
}

/** The stream whose framework table speaks to this archetype; the first stream otherwise. */
export function streamForArchetype(streams: readonly DeckPlanStream[], primary: ArchetypeKey): DeckPlanStream | undefined {
  return (
    streams.find((stream) => archetypeProfiles(primary, stream.revenueModel, stream.paymentEnvironment).length > 0) ??
    streams.find((stream) => stream.paymentEnvironment && environmentShift(stream.revenueModel, stream.paymentEnvironment).stakeholders.includes(primary)) ??
    streams[0]
  );
}

/** The pure-model streams a conflict check sees: a hybrid stream stands for each model its structure combines. */
function conflictStreams(streams: readonly DeckPlanStream[]): ConflictStream[] {
  return streams.flatMap((stream): ConflictStream[] => {
    const variant = (stream.terms.structure ?? stream.terms.variant ?? null) as string | null;
    if (stream.revenueModel !== 'hybrid') return [{ id: stream.id, model: stream.revenueModel as StreamModelKey, variant }];
    const structure = stream.terms.structure as HybridStructureKey | undefined;
    if (!structure) return [];
    const phased = structure === 'annual_minimum_case_rate_pepm';
    return hybridStructure(structure).streamModels.map((model) => ({
      id: stream.id,
      model: model as StreamModelKey,
      variant: model === 'value_based' && structure === 'pmpm_plus_shared_savings' ? 'shared_savings' : null,
      ...(phased ? { howPaid: 'annual_minimum' as const } : {}),
    }));
  });
}

/** Reads the framework for a deck; `primary` is the first archetype in the room. */
export function readFramework(facts: DeckFacts, primary: ArchetypeKey): FrameworkReading {
  const { input } = facts;
  const assessment = input.assessment;
  const streams = input.streams.map((stream) => readStream(facts, stream, primary));
  const leadSource = streamForArchetype(input.streams, primary);
  const lead = streams.find((reading) => reading.stream.id === leadSource?.id) ?? streams[0];
  if (!lead) throw new Error('A deck needs at least one revenue stream');

  const conflicts = assessment?.identification.incentiveConflicts.length
    ? assessment.identification.incentiveConflicts
    : detectIncentiveConflicts(conflictStreams(input.streams));

  const readiness = assessment?.contractReadiness.length
    ? assessment.contractReadiness.map((entry) => ({ streamName: entry.streamName, readiness: entry.readiness }))
    : outcomesStreamsReadiness(input.streams).map((entry) => ({ streamName: entry.streamName, readiness: entry.readiness }));

  const phases = assessment?.hybridPhases.length
    ? assessment.hybridPhases.map((entry) => ({ streamName: entry.streamName, activatedUsers: entry.activatedUsers, phase: entry.phase }))
    : input.streams.flatMap((stream) => {
        if (stream.revenueModel !== 'hybrid') return [];
        const terms = phasedTermsOf(stream.terms as StreamTerms['hybrid']);
        const activated = facts.latest(stream.id, 'hybrid_activated_users');
        return terms && activated ? [{ streamName: stream.name, activatedUsers: activated.value, phase: hybridPhase(terms, activated.value) }] : [];
      });

  return {
    source: assessment ? 'assessment' : 'streams',
    lead,
    streams,
    conflicts,
    readiness,
    phases,
    openQuestions: assessment?.openQuestions ?? [],
  };
}
