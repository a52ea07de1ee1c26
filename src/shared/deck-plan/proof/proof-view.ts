import type { DeckSlide } from '../../deck/deck-document';

/*
 * What a proof builder returns: a slide and a key naming the evidence it shows, so the same evidence
 * is never put in front of the room twice (a CFO's and an actuary's slide may rest on one chart).
 */

export interface ProofView {
  /** e.g. 'rpm-readmissions'; two views with one key show the same evidence. */
  key: string;
  content: DeckSlide;
}
