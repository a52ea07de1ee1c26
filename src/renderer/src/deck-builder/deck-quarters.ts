import { addMonths, quarterOf } from '../../../shared/calendar';
import { shiftQuarter } from '../dates';

/** Quarters offered in the deck builders: the current one and the seven before it. */
const QUARTERS_OFFERED = 8;

/**
 * The quarter a deck defaults to: the quarter of the last complete month, as the backend does,
 * so the review of Q3 is the default all through October.
 * @example defaultDeckQuarter('2026-10-14') // '2026Q3'
 */
export function defaultDeckQuarter(today: string): string {
  return quarterOf(addMonths(today.slice(0, 7), -1));
}

/** Quarters a deck can be made for, newest first; a quarter that has not started is never offered. */
export function deckQuarterChoices(today: string): string[] {
  const current = quarterOf(today);
  return Array.from({ length: QUARTERS_OFFERED }, (_, i) => shiftQuarter(current, -i));
}
