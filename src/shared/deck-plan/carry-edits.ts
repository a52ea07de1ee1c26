import type { DeckPlanEdits } from './deck-edits';

/*
 * Next quarter's deck for the same account, audience and deck type starts from last quarter's
 * edits: each edit whose slide is still in the plan carries over; the rest are named so the CSM
 * knows what no longer applies. Pure: the plan's slide ids in, edits out.
 */

export type CarriedEditKind = 'hidden' | 'order' | 'title' | 'notes' | 'section';

/** An edit that named a slide the new plan does not have. */
export interface EditNotApplied {
  slideId: string;
  kind: CarriedEditKind;
  /** What the edit was, in words: "New title “Two risks we act on” for: risks". */
  description: string;
}

/** How a slide id reads when the slide is gone: "peer-benchmark" → "peer benchmark". */
function slideWords(slideId: string): string {
  return slideId.replace(/[-_]+/g, ' ');
}

/**
 * Last quarter's edits, kept where their slide is still in `slideIds`, and the ones that no longer apply.
 * @example carryDeckEdits({ hidden: ['peer-benchmark'], order: [], titles: {}, notes: {}, sections: {} }, ['title', 'scorecard']).notApplied[0].kind // 'hidden'
 */
export function carryDeckEdits(edits: DeckPlanEdits, slideIds: readonly string[]): { edits: DeckPlanEdits; notApplied: EditNotApplied[] } {
  const present = new Set(slideIds);
  const notApplied: EditNotApplied[] = [];
  const kept = (id: string, kind: CarriedEditKind, description: string): boolean => {
    if (present.has(id)) return true;
    notApplied.push({ slideId: id, kind, description });
    return false;
  };
  const hidden = edits.hidden.filter((id) => kept(id, 'hidden', `Hidden slide: ${slideWords(id)}`));
  const order = edits.order.filter((id) => kept(id, 'order', `Reordered slide: ${slideWords(id)}`));
  const titles = Object.fromEntries(Object.entries(edits.titles).filter(([id, title]) => kept(id, 'title', `New title “${title}” for: ${slideWords(id)}`)));
  const notes = Object.fromEntries(Object.entries(edits.notes).filter(([id]) => kept(id, 'notes', `Rewritten speaker notes for: ${slideWords(id)}`)));
  const sections = Object.fromEntries(
    Object.entries(edits.sections).filter(([id, section]) => kept(id, 'section', `Moved to the ${section === 'appendix' ? 'appendix' : 'main body'}: ${slideWords(id)}`)),
  );
  return { edits: { hidden, order, titles, notes, sections }, notApplied };
}
