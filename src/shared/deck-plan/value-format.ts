import { formatQuantity, groupDigits, INCOMPLETE, incompleteText } from '../format/quantity';
import { isSmallCell, peopleCountText } from '../metrics/small-cells';
import type { PeriodTotal } from './deck-facts';
import { monthLabel } from './deck-period';

/*
 * Words around numbers on slides: plurals, number words, joined phrases, and people counts with
 * small cells suppressed. The numbers themselves are written by src/shared/format/quantity.ts, the
 * one formatter the app, CLI and decks share.
 */

/**
 * A count of patients or members (or of their claims and visits) as a slide shows it: with
 * thousands separators, or "1–10 (suppressed)" for a count of 1 to 10 (src/shared/metrics/small-cells.ts).
 */
export function peopleCount(count: number | null): string | null {
  return peopleCountText(count, (value) => groupDigits(value));
}

/** What a slide says for a share whose numerator or denominator is a suppressed small count. */
export const SUPPRESSED_SHARE_TEXT = 'suppressed (1–10)';

/** part ÷ whole of people counts as a percentage; suppressed when either count is 1-10 (it would give the count away), null when unknown. */
export function peopleShare(part: number | null, whole: number | null): string | null {
  if (isSmallCell(part) || isSmallCell(whole)) return SUPPRESSED_SHARE_TEXT;
  return formatQuantity(part === null || !whole ? null : part / whole, 'fraction');
}

/**
 * A total over the deck's period as a slide prints it: the formatted figure when every month has a
 * value, "Incomplete: no Nov 2026" when a month is missing, null ("Not available") when none has.
 */
export function periodTotalText(total: PeriodTotal | null, format: (value: number) => string | null): string | null {
  if (total === null) return null;
  return total.value === null ? incompleteText(total.missingMonths.map(monthLabel)) : format(total.value);
}

/** The same for a KPI tile, whose value slot holds one figure: "Incomplete", with the gap on the line below. */
export function periodTotalTile(total: PeriodTotal | null, format: (value: number) => string | null): { value: string | null; delta?: string } {
  if (total === null || total.value !== null) return { value: periodTotalText(total, format) };
  return { value: INCOMPLETE, delta: `No ${total.missingMonths.map(monthLabel).join(', ')}` };
}

/** A count of things with the right plural: "1 signal", "3 signals". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${groupDigits(count)} ${count === 1 ? singular : pluralForm}`;
}

/** Number words for small counts in titles ("Three decisions"), digits beyond ten. */
export function countWord(count: number, capitalise = false): string {
  const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  const word = count >= 0 && count <= 10 ? words[count]! : groupDigits(count);
  return capitalise ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** "None of the three", or "Neither of the two": the head of a count at zero. */
export function noneOf(total: number): string {
  return total === 2 ? 'Neither of the two' : `None of the ${countWord(total)}`;
}

/** Joins phrases as English: "a", "a and b", "a, b and c". */
export function joinPhrases(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases[0] ?? '';
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}

/** First letter upper case. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** First letter lower case, unless the text starts with an acronym (src/shared/text/sentence-case.ts). */
export { lowerFirst } from '../text/sentence-case';

/**
 * The first sentence of a longer text: it ends at a full stop, question or exclamation mark followed
 * by a capital letter or the end, so "e.g." or "approx." inside the sentence never cuts it short.
 */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  const match = /^(.+?[.!?])(?=\s+[A-Z"“(]|$)/s.exec(trimmed);
  const sentence = match ? match[1]! : trimmed;
  return /\b(e\.g|i\.e|etc|vs|approx)\.$/i.test(sentence) ? trimmed : sentence.replace(/[.!?]$/, '');
}
