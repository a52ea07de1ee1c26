import { describe, expect, it } from 'vitest';
import { applyDeckEdits, NO_DECK_EDITS } from '../../../src/shared/deck-plan/deck-edits';
import type { DeckPlan } from '../../../src/shared/deck-plan/deck-plan-types';
import { deckFileName, fileNameOf, joinPath } from '../../../src/renderer/src/deck-builder/deck-file-path';
import { deckQuarterChoices, defaultDeckQuarter } from '../../../src/renderer/src/deck-builder/deck-quarters';
import { arrangeSlides, canMove, editCount, moveSlide, setHidden, setNotes, setSection, setTitle, type OutlineSlide } from '../../../src/renderer/src/deck-builder/outline-edits';

const slide = (id: string, section: 'main' | 'appendix' = 'main'): OutlineSlide => ({
  id,
  section,
  kind: 'bullets',
  title: `Title ${id}`,
  subtitle: null,
  notes: `Notes ${id}`,
  reason: 'Because',
  charts: [],
});
const slides = [slide('a'), slide('b'), slide('c'), slide('x', 'appendix'), slide('y', 'appendix')];
const ids = (edits = NO_DECK_EDITS) => arrangeSlides(slides, edits).map((s) => s.slide.id);

describe('deck builder outline edits', () => {
  it('moving a slide swaps it with its neighbour and never crosses into the other section', () => {
    const arranged = arrangeSlides(slides, NO_DECK_EDITS);
    const moved = moveSlide(NO_DECK_EDITS, arranged, 'c', -1);
    expect(ids(moved)).toEqual(['a', 'c', 'b', 'x', 'y']);
    expect(canMove(arranged, 'c', 1)).toBe(false);
    expect(canMove(arranged, 'x', -1)).toBe(false);
    expect(moveSlide(NO_DECK_EDITS, arranged, 'c', 1)).toBe(NO_DECK_EDITS);
  });

  it('arranges slides in the order the backend exports them, hidden ones kept in place', () => {
    const edits = setSection(setHidden(moveSlide(NO_DECK_EDITS, arrangeSlides(slides, NO_DECK_EDITS), 'b', -1), 'a', true), slides[2]!, 'appendix');
    const arranged = arrangeSlides(slides, edits);
    expect(arranged.map((s) => s.slide.id)).toEqual(['b', 'a', 'c', 'x', 'y']);
    expect(arranged.find((s) => s.slide.id === 'a')!.hidden).toBe(true);
    const plan = { slides: slides.map((s) => ({ id: s.id, section: s.section, content: { kind: 'bullets', title: s.title } })) } as unknown as DeckPlan;
    const exported = applyDeckEdits(plan, edits).slides.map((s) => s.id);
    expect(exported).toEqual(arranged.filter((s) => !s.hidden).map((s) => s.slide.id));
  });

  it('a title or notes equal to the planned text, or empty, removes the edit', () => {
    const renamed = setTitle(NO_DECK_EDITS, slides[0]!, '  New title ');
    expect(renamed.titles).toEqual({ a: 'New title' });
    expect(setTitle(renamed, slides[0]!, 'Title a').titles).toEqual({});
    expect(setTitle(renamed, slides[0]!, '   ').titles).toEqual({});
    expect(setNotes(NO_DECK_EDITS, slides[0]!, 'Notes a').notes).toEqual({});
    expect(editCount(setNotes(renamed, slides[1]!, 'Say this'))).toBe(2);
  });
});

describe('deck builder paths and quarters', () => {
  it('names the file after account, deck type, quarter and audience, safe on every platform', () => {
    expect(deckFileName({ accountName: 'Riverbend Cardiology', deckType: 'qbr', quarter: '2026Q4', audience: ['clinic_administrator'] })).toBe(
      'Riverbend-Cardiology-QBR-2026Q4-clinic_administrator.pptx',
    );
    expect(deckFileName({ accountName: 'A/B: "C"', deckType: 'ebr', quarter: '2026Q3', audience: [] })).toBe('A-B-C-EBR-2026Q3.pptx');
    expect(
      deckFileName({ accountName: 'X', deckType: 'qbr', quarter: '2026Q4', audience: ['clinic_administrator', 'provider_clinician', 'billing_rcm_staff'] }),
    ).toBe('X-QBR-2026Q4-clinic_administrator+2-more.pptx');
  });

  it('puts the file in the files folder, with either separator', () => {
    expect(joinPath('/home/csm', 'd.pptx')).toBe('/home/csm/d.pptx');
    expect(joinPath('C:\\Users\\csm', 'd.pptx')).toBe('C:\\Users\\csm\\d.pptx');
    expect(fileNameOf('C:\\Users\\csm\\d.pptx')).toBe('d.pptx');
  });

  it('defaults to the quarter of the last complete month and never offers a future quarter', () => {
    expect(defaultDeckQuarter('2026-10-14')).toBe('2026Q3');
    expect(defaultDeckQuarter('2026-11-23')).toBe('2026Q4');
    expect(deckQuarterChoices('2026-01-05').slice(0, 2)).toEqual(['2026Q1', '2025Q4']);
  });
});
