import type { BelievableProofKind } from '../framework/keys';
import { archetype } from '../framework/stakeholder-archetypes';
import type { DeckType, PlannedSlide } from './deck-plan-types';
import type { SlideContext, SlideDraft } from './slide-context';

/*
 * Which drafts are presented and in what order. A QBR with the operational champion walks the
 * operating detail (gate, scorecard, goals) early; an EBR with the sponsor puts the strategic slides
 * (trade-off, readiness, benchmark) first and sends operating detail to the appendix. The primary
 * stakeholder's proof decides what follows the value story.
 */

/** The main body holds 8-15 slides; the rest is appendix. */
export const MAIN_SLIDES = { min: 8, max: 15 } as const;

const QBR_ORDER = ['title', 'decisions', 'executive-summary', 'value-story', 'proof', 'engagement-gate', 'engagement-trend', 'scorecard', 'goals', 'risks', 'trade-off', 'contract-readiness', 'peer-benchmark', 'evidence-gaps', 'next-90-days'];
const EBR_ORDER = ['title', 'executive-summary', 'decisions', 'value-story', 'proof', 'trade-off', 'contract-readiness', 'peer-benchmark', 'risks', 'evidence-gaps', 'engagement-gate', 'engagement-trend', 'scorecard', 'goals', 'next-90-days'];

/** Proof that is about end-user behaviour: the funnel belongs right after it. */
const ENGAGEMENT_PROOF: readonly BelievableProofKind[] = ['engagement_satisfaction_trends', 'workflow_adoption_time_saved'];
/** Proof that is about money and method: the gaps and contract terms belong right after it. */
const FINANCE_PROOF: readonly BelievableProofKind[] = ['dollar_figure', 'matched_cohort_claims_validated', 'methodology_data_completeness'];

function baseOrder(ctx: SlideContext): string[] {
  const order = [...(ctx.deckType === 'ebr' ? EBR_ORDER : QBR_ORDER)];
  const lead = archetype(ctx.primary.archetype).believableProof[0];
  const moveAfterProof = (id: string) => {
    order.splice(order.indexOf(id), 1);
    order.splice(order.indexOf('proof') + 1, 0, id);
  };
  if (lead && ENGAGEMENT_PROOF.includes(lead)) {
    moveAfterProof('engagement-trend');
    moveAfterProof('engagement-gate');
  }
  if (lead && FINANCE_PROOF.includes(lead)) {
    moveAfterProof('evidence-gaps');
    if (ctx.facts.input.streams.some((s) => s.revenueModel === 'value_based')) moveAfterProof('contract-readiness');
  }
  return order;
}

function groupOf(id: string): string {
  return id.startsWith('proof-') ? 'proof' : id;
}

/**
 * Orders the drafts for the deck type and audience, then fits the main body to 8-15 slides: the
 * least important main slides move to the appendix, or appendix slides are promoted when short.
 */
export function arrangeSlides(ctx: SlideContext, drafts: readonly SlideDraft[], deckType: DeckType): PlannedSlide[] {
  const order = baseOrder(ctx);
  const position = (draft: SlideDraft) => {
    const index = order.indexOf(groupOf(draft.id));
    return index < 0 ? order.length : index;
  };
  const sorted = drafts.map((draft, i) => ({ draft, i })).sort((a, b) => position(a.draft) - position(b.draft) || a.i - b.i).map(({ draft }) => draft);
  const section = new Map(sorted.map((draft) => [draft.id, draft.placement]));
  const main = () => sorted.filter((draft) => section.get(draft.id) === 'main');
  while (main().length > MAIN_SLIDES.max) {
    const leastImportant = [...main()].sort((a, b) => b.priority - a.priority)[0]!;
    section.set(leastImportant.id, 'appendix');
  }
  // Reference slides (definitions, sources, method) stay in the appendix even in a short deck.
  const promotable = () => sorted.filter((draft) => section.get(draft.id) === 'appendix' && draft.priority < 30).sort((a, b) => a.priority - b.priority);
  while (main().length < MAIN_SLIDES.min && promotable().length > 0) section.set(promotable()[0]!.id, 'main');
  const planned = sorted.map((draft): PlannedSlide => ({
    id: draft.id,
    section: section.get(draft.id)!,
    reason: section.get(draft.id) === 'appendix' && draft.placement === 'main' ? `${draft.reason} Moved to the appendix to keep the ${deckType.toUpperCase()} main body to ${MAIN_SLIDES.max} slides.` : draft.reason,
    content: draft.content,
  }));
  return [...planned.filter((s) => s.section === 'main'), ...planned.filter((s) => s.section === 'appendix')];
}
