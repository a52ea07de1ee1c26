import { looksLikePersonName } from './person-names';
import type { PhiKind } from './phi-kinds';

/*
 * Cell values that look like a patient-level identifier whatever their column is called. What is
 * checked depends on what the column holds: every column is checked for emails, SSNs, phone
 * numbers, street addresses, record numbers (letters + 6-12 digits, Medicare MBIs) and dates of
 * birth (a full date before 2000); columns of text (account, stream, metric and unmapped columns)
 * also for bare 9- and 10-digit ids and for people's names. Value columns are numbers, where a
 * nine-digit dollar amount is ordinary, so bare digits are not read as ids there.
 */

/** What a column holds, for choosing the checks. */
export type PhiColumnKind = 'text' | 'month' | 'value';

export interface PhiCellFinding {
  kind: PhiKind;
  /** What matched, in words (never the cell's content). */
  why: string;
}

const SSN_VALUE = /(?:^|[^\d-])\d{3}-\d{2}-\d{4}(?:$|[^\d-])/;
const PHONE_VALUE = /(?:^|[^\d])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?:$|[^\d])/;
const EMAIL_VALUE = /[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[A-Za-z]{2,}/;
const ADDRESS_VALUE = /^\d{1,6}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:[A-Za-z0-9'.-]+\s+){1,4}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter|circle|cir|parkway|pkwy|highway|hwy)\.?(?:\s*,.*|\s+(?:apt|unit|suite|ste|#).*)?$/i;
/** A record number: up to four letters (MRN, W, PT…), an optional separator, 6-12 digits, an optional check letter. */
const RECORD_NUMBER = /^[A-Za-z]{1,4}[-#: ]?\d{6,12}[A-Za-z]?$/;
/** A Medicare Beneficiary Identifier: 11 characters, digit-letter pattern, dashes optional (1EG4-TE5-MK73). */
const MBI = /^\d[A-Za-z][A-Za-z\d]\d-?[A-Za-z][A-Za-z\d]\d-?[A-Za-z]{2}\d{2}$/;
/** 9 or 10 digits, bare or grouped like an unformatted SSN or phone number. */
const BARE_ID = /^\d{3}[- ]?\d{2,3}[- ]?\d{4}$|^\d{9,10}$/;
const DAY_FIRST_OR_MONTH_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+Z?)?$/;

/** A full date (with a day) whose year is before this is read as a date of birth: no metric month is that old. */
export const BIRTH_YEAR_BEFORE = 2000;

/**
 * Why a cell looks like a patient-level identifier, or null. Cheap for ordinary cells: each
 * pattern runs only when the cell has the characters it needs (an "@", enough digits, letters
 * and spaces for a name).
 * @example phiInCell('MRN100234') // { kind: 'record-number', ... }
 * @example phiInCell('123456789', 'value') // null: a number in a value column
 */
export function phiInCell(cell: string, column: PhiColumnKind = 'text'): PhiCellFinding | null {
  const length = cell.length;
  if (length < 6) return null;
  let digits = 0;
  let hasAt = false;
  let letters = 0;
  let hasSpaceOrComma = false;
  for (let i = 0; i < length; i += 1) {
    const code = cell.charCodeAt(i);
    if (code >= 48 && code <= 57) digits += 1;
    else if (code === 64) hasAt = true;
    else if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 0xbf) letters += 1;
    else if (code === 32 || code === 44) hasSpaceOrComma = true;
  }
  if (hasAt && EMAIL_VALUE.test(cell)) return { kind: 'email', why: 'a value is an email address' };
  if (digits >= 9 && SSN_VALUE.test(cell)) return { kind: 'ssn', why: 'a value has the shape of a Social Security number (###-##-####)' };
  if (digits >= 10 && PHONE_VALUE.test(cell)) return { kind: 'phone', why: 'a value has the shape of a phone number' };
  if (letters > 0 && digits > 0) {
    const trimmed = cell.trim();
    if (/^\d/.test(trimmed) && ADDRESS_VALUE.test(trimmed)) return { kind: 'address', why: 'a value looks like a street address' };
    if (digits >= 6 && RECORD_NUMBER.test(trimmed)) return { kind: 'record-number', why: 'a value looks like a medical record or member number' };
    if (digits >= 5 && MBI.test(trimmed)) return { kind: 'record-number', why: 'a value looks like a Medicare Beneficiary Identifier' };
  }
  if (digits >= 6 && letters <= 1 && isBirthDate(cell.trim(), column !== 'value')) return { kind: 'birth-date', why: `a value is a full date before ${BIRTH_YEAR_BEFORE}, which looks like a date of birth` };
  if (column === 'value') return null;
  if (digits >= 9 && letters === 0 && BARE_ID.test(cell.trim())) return { kind: 'record-number', why: 'a value is a 9- or 10-digit number, the shape of an SSN, member id or phone number' };
  if (column === 'text' && letters >= 5 && digits === 0 && hasSpaceOrComma && looksLikePersonName(cell)) return { kind: 'name', why: "a value looks like a person's name" };
  return null;
}

/** True for a full calendar date (with a day) in a year from 1900 to BIRTH_YEAR_BEFORE - 1; 8 bare digits only when `compactForms` (never in value columns, where 19500203 is an amount). */
function isBirthDate(text: string, compactForms: boolean): boolean {
  let match = DAY_FIRST_OR_MONTH_FIRST.exec(text);
  let year: number;
  let parts: [number, number];
  if (match) {
    year = Number(match[3]);
    parts = [Number(match[1]), Number(match[2])];
  } else if ((match = YEAR_FIRST.exec(text))) {
    year = Number(match[1]);
    parts = [Number(match[2]), Number(match[3])];
  } else if (compactForms && /^\d{8}$/.test(text)) {
    // 8 digits: YYYYMMDD, or MMDDYYYY / DDMMYYYY.
    const head = Number(text.slice(0, 4));
    const tail = Number(text.slice(4));
    if (head >= 1900 && head < BIRTH_YEAR_BEFORE) [year, parts] = [head, [Number(text.slice(4, 6)), Number(text.slice(6))]];
    else if (tail >= 1900 && tail < BIRTH_YEAR_BEFORE) [year, parts] = [tail, [Number(text.slice(0, 2)), Number(text.slice(2, 4))]];
    else return false;
  } else {
    return false;
  }
  if (year < 1900 || year >= BIRTH_YEAR_BEFORE) return false;
  const [a, b] = parts;
  return a >= 1 && b >= 1 && ((a <= 12 && b <= 31) || (b <= 12 && a <= 31));
}
