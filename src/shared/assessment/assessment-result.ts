import type { ModelTerms } from '../api/schemas/stream-terms-schemas';
import { FRAMEWORK_CATALOG_VERSION } from '../framework/catalog-version';
import { phasedTermsOf } from '../api/schemas/stream-terms-adapters';
import type { IdentificationAnswers } from '../framework/answers';
import type { FrameworkAssessment } from '../framework/assessment';
import { hybridPhase, type HybridPhase } from '../framework/hybrid-phase';
import { identify, type IdentificationResult } from '../framework/identify';
import type { OpenQuestion } from '../framework/open-question';
import { buildValueMap, type AccountStakeholder, type ValueMap } from '../framework/value-map';
import { diffAssessmentResults, type AssessmentChange } from './assessment-changes';
import { outcomesStreamsReadiness, type StreamReadiness } from './stream-readiness';

export type { StreamReadiness };

/** A revenue stream as stored for the account, with its validated terms. */
export type AccountStreamForAssessment = { id: string; name: string } & ModelTerms;

export interface StreamHybridPhase {
  streamId: string;
  streamName: string;
  activatedUsers: number;
  phase: HybridPhase;
}

/** Everything the wizard's result step and the deck plan read from one assessment. */
export interface AssessmentResult {
  /** The framework catalog version the result was computed with (FRAMEWORK_CATALOG_VERSION at the time). */
  catalogVersion: string;
  identification: IdentificationResult;
  /** The framework reading to act on, or null while a stream's model is unknown. */
  assessment: FrameworkAssessment | null;
  valueMap: ValueMap | null;
  contractReadiness: StreamReadiness[];
  hybridPhases: StreamHybridPhase[];
  openQuestions: OpenQuestion[];
  /** Null when there is no earlier saved quarter to compare with. */
  changesSinceLast: AssessmentChange[] | null;
  previousQuarter: string | null;
}

export interface AssessmentInputs {
  answers: IdentificationAnswers;
  stakeholders: readonly AccountStakeholder[];
  /** Metric keys with at least one observation for the account: what the data can prove. */
  availableMetricKeys: Iterable<string>;
  streams: readonly AccountStreamForAssessment[];
  /** Latest activated-user count per stream id, for phased hybrid contracts. */
  latestActivatedUsers: ReadonlyMap<string, number>;
  previous: { quarter: string; result: AssessmentResult } | null;
}

/**
 * Runs the framework over one account's answers and data: identification, value map, contract
 * readiness of every outcomes stream, the phase of every phased hybrid stream, and what changed
 * since the previous saved quarter.
 */
export function composeAssessmentResult(inputs: AssessmentInputs): AssessmentResult {
  const identification = identify(inputs.answers);
  const assessment = identification.suggestedAssessment;
  const valueMap = assessment ? buildValueMap(assessment, inputs.stakeholders, inputs.availableMetricKeys) : null;

  const contractReadiness = outcomesStreamsReadiness(inputs.streams);

  const hybridPhases = inputs.streams.flatMap((stream) => {
    if (stream.revenueModel !== 'hybrid') return [];
    const phased = phasedTermsOf(stream.terms);
    const activatedUsers = inputs.latestActivatedUsers.get(stream.id);
    if (!phased || activatedUsers === undefined) return [];
    return [{ streamId: stream.id, streamName: stream.name, activatedUsers, phase: hybridPhase(phased, activatedUsers) }];
  });

  const result: AssessmentResult = {
    catalogVersion: FRAMEWORK_CATALOG_VERSION,
    identification,
    assessment,
    valueMap,
    contractReadiness,
    hybridPhases,
    openQuestions: identification.openQuestions,
    changesSinceLast: null,
    previousQuarter: inputs.previous?.quarter ?? null,
  };
  if (inputs.previous) result.changesSinceLast = diffAssessmentResults(inputs.previous.result, result);
  return result;
}
