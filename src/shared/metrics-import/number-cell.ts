/*
 * Reads a numeric cell the way a spreadsheet export writes it, without ever guessing: a thousands
 * separator is accepted only in valid groups of three, so "1,5" in a decimal-point file is an
 * error rather than 15 or 1.5.
 */

import { echoCell } from './phi-tripwire';

/** The character a file uses between whole and fractional parts. */
export type DecimalSeparator = '.' | ',';

export type NumberCellResult =
  | { ok: true; value: number; hasPercentSign: boolean; hasCurrencySign: boolean }
  | { ok: false; empty: boolean; reason: string };

const PLAIN_POINT = /^-?\d+(?:\.\d+)?$/;
const PLAIN_COMMA = /^-?\d+(?:,\d+)?$/;

const POINT_FORMS = [/^\d+(?:\.\d*)?$/, /^\.\d+$/, /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/, /^\d{1,3}(?: \d{3})+(?:\.\d*)?$/, /^\d+(?:\.\d+)?[eE][+-]?\d+$/];
const COMMA_FORMS = [/^\d+(?:,\d*)?$/, /^,\d+$/, /^\d{1,3}(?:\.\d{3})+(?:,\d*)?$/, /^\d{1,3}(?: \d{3})+(?:,\d*)?$/, /^\d+(?:,\d+)?[eE][+-]?\d+$/];

/**
 * The number a cell holds under the file's decimal separator, or why it is not one.
 * @example parseNumberCell('1.234,5', ',') // { ok: true, value: 1234.5, ... }
 */
export function parseNumberCell(raw: string, decimal: DecimalSeparator): NumberCellResult {
  // Fastest path, the commonest cell: a plain integer (either separator reads it the same).
  const integer = plainInteger(raw);
  if (integer !== null) return { ok: true, value: integer, hasPercentSign: false, hasCurrencySign: false };
  // Fast path for the common case: a plain number with no spaces, signs or grouping.
  if (decimal === '.' ? PLAIN_POINT.test(raw) : PLAIN_COMMA.test(raw)) {
    return { ok: true, value: Number(decimal === '.' ? raw : raw.replace(',', '.')), hasPercentSign: false, hasCurrencySign: false };
  }
  let text = raw.replace(/[\u00a0\u202f\u2007]/g, ' ').trim();
  if (!text) return { ok: false, empty: true, reason: 'The value is empty.' };
  let hasPercentSign = false;
  let hasCurrencySign = false;
  let negative = false;
  if (text.endsWith('%')) {
    hasPercentSign = true;
    text = text.slice(0, -1).trimEnd();
  }
  if (text.startsWith('-') || text.startsWith('+') || text.startsWith('\u2212')) {
    negative = text[0] !== '+';
    text = text.slice(1).trimStart();
  }
  if (text.startsWith('$')) {
    hasCurrencySign = true;
    text = text.slice(1).trimStart();
    if (!negative && text.startsWith('-')) {
      negative = true;
      text = text.slice(1);
    }
  }
  const forms = decimal === '.' ? POINT_FORMS : COMMA_FORMS;
  if (!forms.some((form) => form.test(text))) return { ok: false, empty: false, reason: notANumberReason(raw, decimal) };
  const normalised = decimal === '.' ? text.replace(/[, ]/g, '') : text.replace(/[. ]/g, '').replace(',', '.');
  const value = Number(normalised);
  if (!Number.isFinite(value)) return { ok: false, empty: false, reason: `${echoCell(raw, 40)} is too large to store.` };
  return { ok: true, value: negative ? -value : value, hasPercentSign, hasCurrencySign };
}

/** Digits a plain integer may have to be read digit by digit: below 2^53, so exactly what Number() gives. */
const MAX_PLAIN_INTEGER_DIGITS = 15;

/** The value of `-?\d{1,15}` as Number() reads it ("-0" is -0), read without a regular expression; null for any other cell. */
function plainInteger(raw: string): number | null {
  const negative = raw.charCodeAt(0) === 45;
  const start = negative ? 1 : 0;
  const length = raw.length;
  if (length === start || length - start > MAX_PLAIN_INTEGER_DIGITS) return null;
  let value = 0;
  for (let i = start; i < length; i += 1) {
    const digit = raw.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}

/** How a sample of value cells says numbers are written. */
export interface DecimalReading {
  separator: DecimalSeparator;
  /**
   * A cell that reads as two different numbers under the two separators ("1.234": 1.234 or 1234)
   * when nothing in the sample settles which the file uses; null when the reading is certain.
   */
  ambiguousExample: string | null;
}

/**
 * The decimal separator a sample of value cells implies. Comma-delimited files cannot use a bare
 * decimal comma, so they are decimal-point; otherwise unambiguous cells vote (1,5 or 1.234,5 for
 * comma; 1.5 or 1,234.5 for point) and a semicolon file with no evidence follows Excel's
 * convention (semicolons come from decimal-comma locales) — but then a cell like "1.234" is
 * reported as ambiguous, so the user chooses instead of getting 1234 silently.
 * @example readDecimalSeparator(['1.234', '2.500'], ';') // { separator: ',', ambiguousExample: '1.234' }
 */
export function readDecimalSeparator(cells: readonly string[], delimiter: string): DecimalReading {
  if (delimiter === ',') return { separator: '.', ambiguousExample: null };
  let comma = 0;
  let point = 0;
  let example: string | null = null;
  for (const raw of cells) {
    const cell = raw.trim();
    if (/^-?[\d.\s]*\d,\d+%?$/.test(cell) && !/^-?\d{1,3}(?:,\d{3})+%?$/.test(cell)) comma += 1;
    else if (/^-?[\d,\s]*\d\.\d+%?$/.test(cell) && !/^-?\d{1,3}(?:\.\d{3})+%?$/.test(cell)) point += 1;
    else if (example === null && /^-?\d{1,3}[.,]\d{3}%?$/.test(cell)) example = cell;
  }
  if (comma !== point) return { separator: comma > point ? ',' : '.', ambiguousExample: null };
  return { separator: delimiter === ';' ? ',' : '.', ambiguousExample: example };
}

/** The separator alone (see readDecimalSeparator). */
export function detectDecimalSeparator(cells: readonly string[], delimiter: string): DecimalSeparator {
  return readDecimalSeparator(cells, delimiter).separator;
}

function notANumberReason(raw: string, decimal: DecimalSeparator): string {
  const text = raw.trim();
  if (decimal === '.' && /^-?\d+,\d+$/.test(text)) {
    return `${echoCell(text, 40)} looks like a decimal comma, but this file uses a decimal point; it was not guessed. Choose the decimal comma for this file if that is what it uses.`;
  }
  if (decimal === ',' && /^-?\d+\.\d+$/.test(text)) {
    return `${echoCell(text, 40)} looks like a decimal point, but this file uses a decimal comma; it was not guessed. Choose the decimal point for this file if that is what it uses.`;
  }
  return `${echoCell(text, 40)} is not a number.`;
}

