import { z } from 'zod';
import { storableText } from '../text/storable-text';
import type { DeckPlan, PlannedSlide } from './deck-plan-types';

/*
 * The CSM's changes to a plan before export: hide, reorder, retitle, rewrite notes, move between
 * main body and appendix. Stored as data keyed by slide id so they survive re-planning when the
 * numbers change; edits naming a slide the plan no longer has are ignored.
 */

const slideId = z.string().min(1).max(200);

export const deckPlanEditsSchema = z
  .object({
    /** Slide ids left out of the deck. */
    hidden: z.array(slideId).max(200).default([]),
    /** Slide ids in the order wanted; slides not listed keep their planned order after the listed ones of the same section. */
    order: z.array(slideId).max(200).default([]),
    /** New action titles by slide id. */
    titles: z.record(slideId, storableText(300).trim().min(1)).default({}),
    /** Replacement speaker notes by slide id. */
    notes: z.record(slideId, storableText(20_000).trim().min(1)).default({}),
    /** Slides moved between the main body and the appendix. */
    sections: z.record(slideId, z.enum(['main', 'appendix'])).default({}),
  })
  .strict();
/** Edits as sent (defaults not applied). */
export type DeckPlanEditsInput = z.input<typeof deckPlanEditsSchema>;
/** Edits with defaults applied. */
export type DeckPlanEdits = z.output<typeof deckPlanEditsSchema>;

/** No edits. */
export const NO_DECK_EDITS: DeckPlanEdits = { hidden: [], order: [], titles: {}, notes: {}, sections: {} };

function edited(slide: PlannedSlide, edits: DeckPlanEdits): PlannedSlide {
  const title = edits.titles[slide.id];
  const notes = edits.notes[slide.id];
  const section = edits.sections[slide.id];
  if (title === undefined && notes === undefined && section === undefined) return slide;
  return {
    ...slide,
    ...(section ? { section } : {}),
    content: { ...slide.content, ...(title ? { title } : {}), ...(notes ? { notes } : {}) } as PlannedSlide['content'],
  };
}

/**
 * Applies the CSM's edits to a plan; pure. Main-body slides always come before appendix slides.
 * @example applyDeckEdits(plan, { hidden: ['peer-benchmark'], titles: { 'value-story': 'Our story' } })
 */
export function applyDeckEdits(plan: DeckPlan, editsInput: DeckPlanEditsInput = {}): DeckPlan {
  const edits = deckPlanEditsSchema.parse(editsInput);
  const hidden = new Set(edits.hidden);
  const visible = plan.slides.filter((slide) => !hidden.has(slide.id)).map((slide) => edited(slide, edits));
  const rank = new Map(edits.order.map((id, i) => [id, i]));
  const ordered = visible
    .map((slide, i) => ({ slide, i }))
    .sort((a, b) => {
      const ra = rank.get(a.slide.id) ?? Number.POSITIVE_INFINITY;
      const rb = rank.get(b.slide.id) ?? Number.POSITIVE_INFINITY;
      return ra === rb ? a.i - b.i : ra - rb;
    })
    .map(({ slide }) => slide);
  return { ...plan, slides: [...ordered.filter((s) => s.section === 'main'), ...ordered.filter((s) => s.section === 'appendix')] };
}
