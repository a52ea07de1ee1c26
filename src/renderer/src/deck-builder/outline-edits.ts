import type { DeckOutline } from '../../../shared/api/schemas/deck-schemas';
import type { DeckPlanEdits } from '../../../shared/deck-plan/deck-edits';

/*
 * The deck builder's view of the CSM's edits. The backend applies edits when it plans and exports
 * (applyDeckEdits); here the same edits arrange the unedited outline instantly, keeping hidden
 * slides in place (greyed) so they can be brought back.
 */

export type OutlineSlide = DeckOutline['slides'][number];

/** A slide as the builder shows it: the planned slide with the CSM's edits applied. */
export interface ArrangedSlide {
  slide: OutlineSlide;
  title: string;
  notes: string | null;
  section: OutlineSlide['section'];
  hidden: boolean;
  titleEdited: boolean;
  notesEdited: boolean;
}

/** Most characters in an action title and in speaker notes (the edits schema's limits). */
export const MAX_TITLE_LENGTH = 300;
export const MAX_NOTES_LENGTH = 20_000;

/**
 * The planned slides in the order and sections the edits ask for, main body first, as
 * applyDeckEdits orders them: listed ids by their position, unlisted ones after, in planned order.
 */
export function arrangeSlides(slides: readonly OutlineSlide[], edits: DeckPlanEdits): ArrangedSlide[] {
  const hidden = new Set(edits.hidden);
  const rank = new Map(edits.order.map((id, i) => [id, i]));
  const arranged = slides
    .map((slide, i) => ({ slide, i }))
    .sort((a, b) => {
      const ra = rank.get(a.slide.id) ?? Number.POSITIVE_INFINITY;
      const rb = rank.get(b.slide.id) ?? Number.POSITIVE_INFINITY;
      return ra === rb ? a.i - b.i : ra - rb;
    })
    .map(({ slide }): ArrangedSlide => {
      const title = edits.titles[slide.id];
      const notes = edits.notes[slide.id];
      return {
        slide,
        title: title ?? slide.title,
        notes: notes ?? slide.notes,
        section: edits.sections[slide.id] ?? slide.section,
        hidden: hidden.has(slide.id),
        titleEdited: title !== undefined,
        notesEdited: notes !== undefined,
      };
    });
  return [...arranged.filter((s) => s.section === 'main'), ...arranged.filter((s) => s.section === 'appendix')];
}

/**
 * Moves a slide one place up (-1) or down (+1) within its section; the whole arrangement becomes
 * the new order so the result does not depend on which slides were listed before.
 */
export function moveSlide(edits: DeckPlanEdits, arranged: readonly ArrangedSlide[], slideId: string, delta: -1 | 1): DeckPlanEdits {
  const index = arranged.findIndex((s) => s.slide.id === slideId);
  const target = index + delta;
  const moving = arranged[index];
  const neighbour = arranged[target];
  if (!moving || !neighbour || neighbour.section !== moving.section) return edits;
  const ids = arranged.map((s) => s.slide.id);
  [ids[index], ids[target]] = [ids[target]!, ids[index]!];
  return { ...edits, order: ids };
}

/** Whether a slide can move one place in that direction (not past the edge of its section). */
export function canMove(arranged: readonly ArrangedSlide[], slideId: string, delta: -1 | 1): boolean {
  const index = arranged.findIndex((s) => s.slide.id === slideId);
  const neighbour = arranged[index + delta];
  return index >= 0 && neighbour !== undefined && neighbour.section === arranged[index]!.section;
}

export function setHidden(edits: DeckPlanEdits, slideId: string, hidden: boolean): DeckPlanEdits {
  const others = edits.hidden.filter((id) => id !== slideId);
  return { ...edits, hidden: hidden ? [...others, slideId] : others };
}

/** Moves a slide to the main body or the appendix; back to its planned section removes the edit. */
export function setSection(edits: DeckPlanEdits, slide: OutlineSlide, section: OutlineSlide['section']): DeckPlanEdits {
  const { [slide.id]: _previous, ...rest } = edits.sections;
  return { ...edits, sections: section === slide.section ? rest : { ...rest, [slide.id]: section } };
}

/** A new action title; empty or the planned title removes the edit. */
export function setTitle(edits: DeckPlanEdits, slide: OutlineSlide, title: string): DeckPlanEdits {
  const text = title.trim().slice(0, MAX_TITLE_LENGTH);
  const { [slide.id]: _previous, ...rest } = edits.titles;
  return { ...edits, titles: text === '' || text === slide.title ? rest : { ...rest, [slide.id]: text } };
}

/** New speaker notes; empty or the planned notes removes the edit. */
export function setNotes(edits: DeckPlanEdits, slide: OutlineSlide, notes: string): DeckPlanEdits {
  const text = notes.trim().slice(0, MAX_NOTES_LENGTH);
  const { [slide.id]: _previous, ...rest } = edits.notes;
  return { ...edits, notes: text === '' || text === (slide.notes ?? '').trim() ? rest : { ...rest, [slide.id]: text } };
}

/** How many changes the CSM has made, for the "Reset edits" button. */
export function editCount(edits: DeckPlanEdits): number {
  return edits.hidden.length + Object.keys(edits.titles).length + Object.keys(edits.notes).length + Object.keys(edits.sections).length + (edits.order.length > 0 ? 1 : 0);
}
