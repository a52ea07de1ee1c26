import { audienceEvidenceGaps, checkAudienceProof } from './audience-evidence';
import { slideInCustomerVoice } from './customer-voice';
import { resolveAudience } from './deck-audience';
import { collectDeckFacts } from './deck-facts';
import { quarterLabel } from './deck-period';
import type { DeckPlan, DeckPlanInput } from './deck-plan-types';
import { readFramework, storyFor } from './framework-reading';
import { prepBrief, prepBriefText } from './prep-brief';
import { fullNamesNote, slideSizedNames } from './slide-names';
import type { SlideContext, SlideDraft } from './slide-context';
import { arrangeSlides } from './slide-order';
import { dataSourcesSlide, kpiDefinitionsSlide, methodologySlide, nextNinetyDaysActions, nextNinetyDaysSlide } from './slides/closing-slides';
import { commitmentsReviewSlide, carriedDecisions } from './slides/commitments-review-slide';
import { agreedActions, agreedDecisions, proposeCommitments } from './commitment-proposals';
import { contractReadinessSlide, tradeOffSlide } from './slides/contract-slides';
import { engagementGateSlide } from './slides/engagement-gate-slide';
import { decisionsFor, decisionsSlide, executiveSummarySlide, titleSlide } from './slides/opening-slides';
import { MIN_PEERS, peerBenchmarkSlide } from './slides/peer-benchmark-slide';
import { evidenceGapsSlide, risksSlide } from './slides/risk-slides';
import { proposedGoalsSlide } from './slides/proposed-goals-slide';
import { goalsSlide, scorecardSlide } from './slides/scorecard-slides';
import { valueSlides } from './slides/value-slides';
import { missingProof } from './missing-proof';

/**
 * Composes the deck for one account, audience, deck type and quarter: which slides, in which order,
 * with action titles, chart specs, footnotes and speaker notes. Pure and deterministic: the same
 * input always gives the same plan (no clock, no randomness).
 * @example const plan = composeDeckPlan({ ...inputs, audience: ['buyer_cfo'], deckType: 'ebr', quarter: '2026Q3', today: '2026-10-14' });
 */
export function composeDeckPlan(fullInput: DeckPlanInput): DeckPlan {
  if (fullInput.audience.length === 0) throw new Error('A deck needs at least one audience archetype');
  if (fullInput.streams.length === 0) throw new Error('A deck needs at least one revenue stream');
  // Slides print names shortened to fit (between words); the title slide's notes carry them in full.
  const { input, shortened } = slideSizedNames(fullInput);
  const facts = collectDeckFacts(input);
  const audience = resolveAudience(input.audience, input.stakeholders);
  const primary = audience[0]!;
  const reading = readFramework(facts, primary.archetype);
  const proofChecks = checkAudienceProof(facts, audience);
  const gaps = audienceEvidenceGaps(facts, proofChecks);
  const ctx: SlideContext = { facts, reading, audience, primary, deckType: input.deckType, gaps, missingProof: missingProof(gaps), proofChecks };

  const value = valueSlides(ctx);
  const gate = engagementGateSlide(ctx);
  const notices: string[] = [];
  if (!input.assessment) notices.push(`No framework assessment is saved for ${quarterLabel(input.quarter)}; orientation is read from the revenue streams. Save the assessment to confirm it.`);
  if (input.peers.length < MIN_PEERS) notices.push(`The peer benchmark needs at least ${MIN_PEERS} other accounts of the same model and payment environment in this workspace (found ${input.peers.length}); it is left out.`);
  if (input.goals.length === 0) notices.push('No success-plan goals are recorded; the deck asks the buyer to agree some.');
  for (const member of audience) if (!member.personName) notices.push(`Nobody in the account is mapped as ${member.archetypeName.toLowerCase()}; their slides address the role.`);
  const brief = prepBrief(fullInput, notices, gaps);

  // What the CSM accepted in the deck builder is what the decisions and next-90-days slides say.
  const agreed = input.agreedCommitments;
  const proposedDecisions = decisionsFor(ctx);
  const decisions = agreed ? [...carriedDecisions(ctx), ...agreedDecisions(agreed)].slice(0, 4) : proposedDecisions;
  const actions = agreed ? agreedActions(agreed) : nextNinetyDaysActions(ctx);
  const review = commitmentsReviewSlide(ctx);
  const drafts: SlideDraft[] = [
    withNotesAppended(withNotesAppended(titleSlide(ctx), fullNamesNote(shortened)), prepBriefText(brief)),
    ...(review ? [review] : []),
    decisionsSlide(ctx, decisions),
    executiveSummarySlide(ctx, value.valueStory, gate),
    ...value.drafts,
    ...[gate, scorecardSlide(ctx), goalsSlide(ctx) ?? proposedGoalsSlide(ctx), risksSlide(ctx), tradeOffSlide(ctx), contractReadinessSlide(ctx), peerBenchmarkSlide(ctx), evidenceGapsSlide(ctx)].filter(
      (draft): draft is SlideDraft => draft !== null,
    ),
    nextNinetyDaysSlide(ctx, actions),
    ...[kpiDefinitionsSlide(ctx), dataSourcesSlide(ctx)].filter((draft): draft is SlideDraft => draft !== null),
    methodologySlide(ctx),
  ];

  return {
    accountId: input.account.id,
    accountName: fullInput.account.name,
    deckType: input.deckType,
    quarter: input.quarter,
    quarterLabel: quarterLabel(input.quarter),
    reportMonth: facts.reportMonth,
    preparedOn: input.today,
    audience,
    orientation: reading.lead.orientation,
    orientationReason: reading.lead.orientationReason,
    assessmentStatus: input.assessment ? 'final' : 'missing',
    // The customer's voice on every slide ("your eligibility file"); notes stay the CSM's.
    slides: arrangeSlides(ctx, drafts.map((draft) => ({ ...draft, content: slideInCustomerVoice(draft.content, input.account.buyerType) })), input.deckType),
    evidenceGaps: gaps,
    missingProof: ctx.missingProof,
    notices,
    prepBrief: brief,
    proposedCommitments: proposeCommitments(ctx, proposedDecisions),
    story: (() => {
      const story = storyFor(reading.lead.stream, primary.archetype);
      return { streamId: reading.lead.stream.id, leadMetricKeys: story.leadMetricKeys, proofOrder: story.proofOrder, leadProof: value.leadProof };
    })(),
  };
}

function withNotesAppended(draft: SlideDraft, text: string): SlideDraft {
  if (!text) return draft;
  const notes = draft.content.notes ? `${draft.content.notes}\n\n${text}` : text;
  return { ...draft, content: { ...draft.content, notes } };
}
