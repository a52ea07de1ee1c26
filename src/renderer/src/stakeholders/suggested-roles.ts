import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import type { RevenueStream } from '../../../shared/api/schemas/stream-schemas';
import type { AssessmentStream, FrameworkAssessment } from '../../../shared/framework/assessment';
import { STREAM_MODELS, type StreamModelKey } from '../../../shared/framework/keys';
import { archetypesCalledFor, type CalledForArchetype } from '../../../shared/framework/value-map';

/**
 * The roles this account's contract calls for (the same list the value map's "roles nobody fills"
 * comes from). The saved assessment is what the CSM confirmed, so it wins; before one is saved the
 * account's recorded streams and segment stand in for it.
 */
export function suggestedRoles(
  savedAssessment: Pick<FrameworkAssessment, 'streams' | 'customerSegment'> | null,
  account: Pick<AccountSummary, 'customerSegment'> | null,
  streams: readonly Pick<RevenueStream, 'id' | 'revenueModel' | 'paymentEnvironment'>[],
): CalledForArchetype[] {
  if (savedAssessment) return archetypesCalledFor(savedAssessment);
  const assessed: AssessmentStream[] = streams
    .filter((stream): stream is typeof stream & { revenueModel: StreamModelKey } => (STREAM_MODELS as readonly string[]).includes(stream.revenueModel))
    .map((stream) => ({ id: stream.id, model: stream.revenueModel, variant: null, paymentEnvironment: stream.paymentEnvironment, orientation: 'unknown', role: 'sole' }));
  return archetypesCalledFor({ streams: assessed, customerSegment: account?.customerSegment ?? null });
}
