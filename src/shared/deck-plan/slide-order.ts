import type { BelievableProofKind } from '../framework/keys';
import type { DeckType, PlannedSlide } from './deck-plan-types';
import { storyFor } from './framework-reading';
import type { SlideContext, SlideDraft } from './slide-context';

/*
 * Which drafts are presented and in what order. A QBR with the operational champion walks the
 * operating detail (gate, scorecard, goals) early; an EBR with the sponsor puts the strategic slides
 * (trade-off, readiness, benchmark) first and sends operating detail to the appendix. The primary
 * stakeholder's proof decides what follows the value story.
 */

/** The main body holds 6-12 slides (the title slide counts); the rest is appendix. */
export const MAIN_SLIDES = { min: 6, max: 12 } as const;

/**
 * Slides about what happens next: decisions, goals against target, what could hold results back,
 * trade-offs, contract readiness, the evidence still to come, the 90-day plan. At least this share of
 * the main body looks forward; the rest reviews the quarter. The opening (title and executive
 * summary, which sums up both) is not counted either way.
 */
export const FORWARD_LOOKING_SLIDES: ReadonlySet<string> = new Set(['decisions', 'goals', 'risks', 'trade-off', 'contract-readiness', 'evidence-gaps', 'next-90-days']);
export const MIN_FORWARD_SHARE = 0.6;

/** Slides every main body keeps: they carry the meeting's takeaway and its asks. */
const PINNED_MAIN = new Set(['title', 'executive-summary', 'value-story', 'decisions', 'goals', 'next-90-days']);

/** Whether a slide (by id) looks forward rather than reviewing the quarter. */
export function isForwardLooking(id: string): boolean {
  return FORWARD_LOOKING_SLIDES.has(id);
}

const OPENING = new Set(['title', 'executive-summary']);

/** The share of the main body after the opening that looks forward. */
export function forwardShare(mainIds: readonly string[]): number {
  const body = mainIds.filter((id) => !OPENING.has(id));
  return body.length === 0 ? 1 : body.filter(isForwardLooking).length / body.length;
}

const QBR_ORDER = ['title', 'commitments-review', 'decisions', 'executive-summary', 'value-story', 'proof', 'engagement-gate', 'engagement-trend', 'scorecard', 'goals', 'risks', 'trade-off', 'contract-readiness', 'peer-benchmark', 'evidence-gaps', 'next-90-days'];
const EBR_ORDER = ['title', 'commitments-review', 'executive-summary', 'decisions', 'value-story', 'proof', 'trade-off', 'contract-readiness', 'peer-benchmark', 'risks', 'evidence-gaps', 'engagement-gate', 'engagement-trend', 'scorecard', 'goals', 'next-90-days'];

/** Proof that is about end-user behaviour: the funnel belongs right after it. */
const ENGAGEMENT_PROOF: readonly BelievableProofKind[] = ['engagement_satisfaction_trends', 'workflow_adoption_time_saved'];
/** Proof that is about money and method: the gaps and contract terms belong right after it. */
const FINANCE_PROOF: readonly BelievableProofKind[] = ['dollar_figure', 'matched_cohort_claims_validated', 'methodology_data_completeness'];

function baseOrder(ctx: SlideContext): string[] {
  const order = [...(ctx.deckType === 'ebr' ? EBR_ORDER : QBR_ORDER)];
  const lead = storyFor(ctx.reading.lead.stream, ctx.primary.archetype).proofOrder[0];
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
  const section = new Map(sorted.map((draft) => [draft.id, PINNED_MAIN.has(draft.id) ? 'main' : draft.placement]));
  const main = () => sorted.filter((draft) => section.get(draft.id) === 'main');
  const movable = (forward: boolean) => main().filter((draft) => !PINNED_MAIN.has(draft.id) && isForwardLooking(draft.id) === forward);
  const leastImportant = (drafts: SlideDraft[]) => [...drafts].sort((a, b) => b.priority - a.priority)[0];
  // Review slides give way first: the main body mostly looks forward.
  while (forwardShare(main().map((d) => d.id)) < MIN_FORWARD_SHARE && movable(false).length > 0) section.set(leastImportant(movable(false))!.id, 'appendix');
  while (main().length > MAIN_SLIDES.max) {
    const next = leastImportant(movable(false)) ?? leastImportant(movable(true));
    if (!next) break;
    section.set(next.id, 'appendix');
  }
  // A short deck takes back appendix slides (not the reference ones) while the forward share holds.
  const promotable = () => sorted.filter((draft) => section.get(draft.id) === 'appendix' && draft.priority < 30).sort((a, b) => a.priority - b.priority);
  for (const draft of promotable()) {
    if (main().length >= MAIN_SLIDES.min) break;
    const ids = [...main().map((d) => d.id), draft.id];
    if (forwardShare(ids) >= MIN_FORWARD_SHARE) section.set(draft.id, 'main');
  }
  const planned = sorted.map((draft): PlannedSlide => ({
    id: draft.id,
    section: section.get(draft.id)!,
    reason: section.get(draft.id) === 'appendix' && draft.placement === 'main' ? `${draft.reason} Moved to the appendix: the ${deckType.toUpperCase()} main body stays within ${MAIN_SLIDES.max} slides, mostly forward-looking.` : draft.reason,
    content: draft.content,
  }));
  return [...planned.filter((s) => s.section === 'main'), ...planned.filter((s) => s.section === 'appendix')];
}
