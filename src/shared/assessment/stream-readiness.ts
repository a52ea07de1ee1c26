import { outcomesTermsOf } from '../api/schemas/stream-terms-adapters';
import type { StreamTerms } from '../api/schemas/stream-terms-schemas';
import { assessContractReadiness, type ContractReadiness } from '../framework/contract-readiness';
import type { RevenueModelKey } from '../framework/keys';

/** Models paid whatever the outcomes: beside an outcomes contract, their fees are its floor. */
const FIXED_FEE_MODELS: ReadonlySet<RevenueModelKey> = new Set<RevenueModelKey>(['pmpm_pepm', 'saas_license']);

export interface StreamReadiness {
  streamId: string;
  streamName: string;
  readiness: ContractReadiness;
}

/**
 * The contract readiness of each of an account's outcomes (value-based) streams, read with the
 * account's other streams: a PMPM or licence fee beside an outcomes contract is a floor it lacks
 * on its own. The assessment and the deck (when no assessment was saved) both call this.
 * @example outcomesStreamsReadiness(streams).map((entry) => entry.readiness.ready)
 */
export function outcomesStreamsReadiness(streams: readonly { id: string; name: string; revenueModel: RevenueModelKey; terms: unknown }[]): StreamReadiness[] {
  const fixedFeeStreams = streams.filter((stream) => FIXED_FEE_MODELS.has(stream.revenueModel)).map((stream) => stream.name);
  return streams
    .filter((stream) => stream.revenueModel === 'value_based')
    .map((stream) => ({ streamId: stream.id, streamName: stream.name, readiness: assessContractReadiness(outcomesTermsOf(stream.terms as StreamTerms['value_based']), { fixedFeeStreams }) }));
}
