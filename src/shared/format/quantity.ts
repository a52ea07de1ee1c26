/*
 * The one way numbers are written, in the app, the CLI, signals and decks: with their unit, rounded
 * the way a person would say them, never depending on the machine's locale. A missing number is
 * always "Not available" (one phrase everywhere), never 0 or a blank.
 * Fractions are 0-1 and print as percent; percents are already 0-100.
 */

/** Every unit a number is written in. `ratio` is achieved ÷ needed ("0.82×"). */
export type QuantityUnit = 'fraction' | 'percent' | 'usd' | 'days' | 'minutes' | 'months' | 'count' | 'score' | 'ratio';

/** What a missing number reads as, everywhere. */
export const NOT_AVAILABLE = 'Not available';

/** Digits with thousands separators, written by hand so the result never depends on a locale. */
export function groupDigits(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = fixed.split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 && Number(fixed) !== 0 ? '−' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** Drops a fraction that rounds to nothing: 12.0 → "12", 12.4 → "12.4". */
function trimmed(value: number, decimals: number): string {
  const text = groupDigits(value, decimals);
  return decimals > 0 ? text.replace(/\.0+$/, '') : text;
}

/**
 * A share (0-100): one decimal under 20% and from 90% up, where a rounded point changes the story
 * (8.2% vs 17.5% readmissions, 97.9% uptime); whole numbers in between.
 */
function percentText(percent: number): string {
  const abs = Math.abs(percent);
  return `${trimmed(percent, abs < 20 || (abs >= 90 && abs < 100) ? 1 : 0)}%`;
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

/** Decimals a plain number keeps: none for whole numbers or from 100 up, two under 10, else one. */
function plainDecimals(value: number): number {
  const abs = Math.abs(value);
  if (Number.isInteger(value) || abs >= 100) return 0;
  return abs < 10 ? 2 : 1;
}

/** A value with its unit ("10.5 days", "9.3%", "$12,400", "1,284"), or null when it is missing. */
export function formatQuantity(value: number | null | undefined, unit: QuantityUnit): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  switch (unit) {
    case 'fraction':
      return percentText(value * 100);
    case 'percent':
      return percentText(value);
    case 'usd':
      return formatUsd(value);
    case 'days':
      return `${trimmed(value, 1)} ${trimmed(value, 1) === '1' ? 'day' : 'days'}`;
    case 'minutes':
      return `${trimmed(value, 1)} min`;
    case 'months':
      return `${groupDigits(value, 0)} ${Math.round(value) === 1 ? 'month' : 'months'}`;
    case 'ratio':
      return `${groupDigits(value, 2)}×`;
    case 'score':
    case 'count':
      return trimmed(value, plainDecimals(value));
  }
}

/**
 * A range in one unit, the unit written once: "30–38%", "$3,432–$6,864", "10–12 days". When both
 * ends print the same it is one number ("38%", never "38-38%"); null when either end is missing.
 * @example formatQuantityRange(30, 38, 'percent') // "30–38%"
 */
export function formatQuantityRange(low: number | null | undefined, high: number | null | undefined, unit: QuantityUnit): string | null {
  const from = formatQuantity(low, unit);
  const to = formatQuantity(high, unit);
  if (from === null || to === null) return null;
  if (from === to) return to;
  // Drop the first end's unit suffix when both ends carry the same one (%, days, min, months, ×).
  const suffix = /(%| days?| min| months?|×)$/.exec(to)?.[0];
  const shortFrom = suffix && from.endsWith(suffix) ? from.slice(0, -suffix.length) : suffix === ' days' && from.endsWith(' day') ? from.slice(0, -4) : from;
  return `${shortFrom}–${to}`;
}

/** What a total reads when some of the periods it adds up are missing, everywhere (one word). */
export const INCOMPLETE = 'Incomplete';

/**
 * A total with missing periods, with the gap named ("Incomplete: no Nov 2026"): never a figure,
 * since the periods present would understate the whole.
 */
export function incompleteText(missingPeriods: readonly string[]): string {
  return `${INCOMPLETE}: no ${missingPeriods.join(', ')}`;
}

/** Like formatQuantity, but a missing value reads "Not available". */
export function quantityOrMissing(value: number | null | undefined, unit: QuantityUnit): string {
  return formatQuantity(value, unit) ?? NOT_AVAILABLE;
}

/**
 * A change in the unit people compare in: shares move in percentage points ("+2.8 pts"), others in
 * their unit ("−1.6 days", "+$1,200"); a change that rounds away reads "±0". Null when unknown.
 */
export function formatQuantityChange(delta: number | null | undefined, unit: QuantityUnit): string | null {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return null;
  const shown = unit === 'fraction' ? delta * 100 : delta;
  const decimals = unit === 'usd' ? (Math.abs(shown) < 100 ? 2 : 0) : unit === 'count' || unit === 'score' ? plainDecimals(shown) : 1;
  const rounded = Number(Math.abs(shown).toFixed(decimals));
  const sign = rounded === 0 ? '±' : shown > 0 ? '+' : '−';
  const magnitude = trimmed(rounded, decimals);
  switch (unit) {
    case 'fraction':
    case 'percent':
      return `${sign}${magnitude} pts`;
    case 'usd':
      return `${sign}${formatUsd(rounded)}`;
    case 'days':
      return `${sign}${magnitude} days`;
    case 'minutes':
      return `${sign}${magnitude} min`;
    case 'months':
      return `${sign}${magnitude} months`;
    default:
      return `${sign}${magnitude}`;
  }
}
