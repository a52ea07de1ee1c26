import type { KpiUnit } from '../metrics/kpis/kpi-definition';
import { isSmallCell, peopleCountText } from '../metrics/small-cells';

/*
 * How numbers read on slides: always with their unit, rounded the way a person would say them.
 * Fractions are 0-1 and print as percent; percents are already 0-100. Null is never printed as 0:
 * callers get null back and say "not available".
 */

/** Every unit a deck prints. */
export type DeckUnit = KpiUnit | 'minutes' | 'months';

/** Digits with thousands separators, written by hand so the result never depends on a locale. */
export function groupDigits(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = fixed.split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 && Number(fixed) !== 0 ? '−' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/**
 * A share (0-100): one decimal under 20% and from 90% up, where a rounded point changes the story
 * (8.2% vs 17.5% readmissions, 97.9% uptime); whole numbers in between.
 */
function percentText(percent: number): string {
  const abs = Math.abs(percent);
  const decimals = (abs < 20 || (abs >= 90 && abs < 100)) && Math.round(percent * 10) / 10 !== Math.round(percent) ? 1 : 0;
  return `${groupDigits(percent, decimals)}%`;
}

/** Dollars: cents under $100, whole dollars under a million, then $1.25M / $1.2B. */
export function formatUsd(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  if (abs >= 1e9) return `${sign}$${groupDigits(abs / 1e9, 2).replace(/\.?0+$/, '')}B`;
  if (abs >= 1e6) return `${sign}$${groupDigits(abs / 1e6, 2).replace(/\.?0+$/, '')}M`;
  if (abs >= 100 || Number.isInteger(abs)) return `${sign}$${groupDigits(abs, 0)}`;
  return `${sign}$${groupDigits(abs, 2)}`;
}

/** A value with its unit ("10.5 days", "9.3%", "$12,400", "1,284"), or null when unknown. */
export function formatValue(value: number | null, unit: DeckUnit): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  switch (unit) {
    case 'fraction':
      return percentText(value * 100);
    case 'percent':
      return percentText(value);
    case 'usd':
      return formatUsd(value);
    case 'days':
      return `${groupDigits(value, 1)} days`;
    case 'minutes':
      return `${groupDigits(value, 1)} min`;
    case 'months':
      return `${groupDigits(value, 0)} months`;
    case 'score':
      return groupDigits(value, 0);
    case 'count':
      return groupDigits(value, Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : 1);
  }
}

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
  return formatValue(part === null || !whole ? null : part / whole, 'fraction');
}

/** Like formatValue but says "not available" instead of returning null. */
export function valueOrMissing(value: number | null, unit: DeckUnit): string {
  return formatValue(value, unit) ?? 'not available';
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

/** Joins phrases as English: "a", "a and b", "a, b and c". */
export function joinPhrases(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases[0] ?? '';
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}

/** First letter upper case. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** First letter lower case, unless the text starts with an acronym ("ER visits", "HEDIS"). */
export function lowerFirst(text: string): string {
  return /^[A-Z]{2}/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
