import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import type { RevenueStream } from '../../../shared/api/schemas/stream-schemas';
import type { AssessmentStream, FrameworkAssessment } from '../../../shared/framework/assessment';
import { STREAM_MODELS, type StreamModelKey } from '../../../shared/framework/keys';
import { archetypesCalledFor, type CalledForArchetype } from '../../../shared/framework/value-map';

type SavedAssessment = Pick<FrameworkAssessment, 'streams' | 'customerSegment'> & Partial<Pick<FrameworkAssessment, 'buyerType'>>;
type AccountFacts = Pick<AccountSummary, 'customerSegment' | 'buyerType'>;

/**
 * The roles a saved assessment calls for (its streams, environments, segment and buyer). What the
 * assessment does not say (one saved before the buyer was recorded) comes from the account, so an
 * MA plan is never asked for a clinic administrator. The stakeholder tab's "calls for" list.
 */
export function rolesCalledForAssessment(saved: SavedAssessment, account: AccountFacts | null): CalledForArchetype[] {
  return archetypesCalledFor({
    streams: saved.streams,
    customerSegment: saved.customerSegment ?? account?.customerSegment ?? null,
    buyerType: saved.buyerType ?? account?.buyerType ?? null,
  });
}

/**
 * The roles this account's contract calls for (the same list the value map's "roles nobody fills"
 * comes from). The saved assessment is what the CSM confirmed, so it wins; before one is saved the
 * account's recorded streams, segment and buyer stand in for it.
 */
export function suggestedRoles(
  savedAssessment: SavedAssessment | null,
  account: AccountFacts | null,
  streams: readonly Pick<RevenueStream, 'id' | 'revenueModel' | 'paymentEnvironment'>[],
): CalledForArchetype[] {
  if (savedAssessment) return rolesCalledForAssessment(savedAssessment, account);
  const assessed: AssessmentStream[] = streams
    .filter((stream): stream is typeof stream & { revenueModel: StreamModelKey } => (STREAM_MODELS as readonly string[]).includes(stream.revenueModel))
    .map((stream) => ({ id: stream.id, model: stream.revenueModel, variant: null, paymentEnvironment: stream.paymentEnvironment, orientation: 'unknown', role: 'sole' }));
  return archetypesCalledFor({ streams: assessed, customerSegment: account?.customerSegment ?? null, buyerType: account?.buyerType ?? null });
}
