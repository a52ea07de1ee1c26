/*
 * The PHI tripwire: QBR Workbench holds aggregate account data only (counts, rates, money per
 * month), never anything about an individual patient. A file whose columns are named like
 * patient-level identifiers, or whose cells look like them, is refused whole. Header rules match
 * whole phrases, so aggregate headers such as "Members enrolled" or "Patient count" pass.
 */

/** Which kind of identifier tripped the wire. */
export type PhiKind = 'name' | 'birth-date' | 'record-number' | 'ssn' | 'address' | 'phone' | 'email';

export interface PhiFinding {
  kind: PhiKind;
  /** 0-based column index. */
  column: number;
  /** What matched, in words (never the cell's content: that would copy the identifier into logs). */
  why: string;
}

interface HeaderRule {
  kind: PhiKind;
  pattern: RegExp;
  why: string;
}

/** Matched against the normalised header: lower case, words separated by single spaces. */
const HEADER_RULES: readonly HeaderRule[] = [
  {
    kind: 'name',
    pattern: /^(?:(?:patient|member|beneficiary|enrollee|subscriber|pt|client|participant)s? )?(?:first|last|given|family|middle|full|sur) ?name$|^(?:patient|member|beneficiary|enrollee|subscriber|pt|participant)s? name$|^(?:patient|member|beneficiary|enrollee|participant)$|^(?:fname|lname|surname)$/,
    why: "is named like a person's name",
  },
  { kind: 'birth-date', pattern: /\b(?:dob|date of birth|birth ?date|birthday|born on|d o b)\b/, why: 'is named like a date of birth' },
  {
    kind: 'record-number',
    pattern: /\b(?:mrn|medical record(?: number| no| num| id)?|(?:patient|member|subscriber|beneficiary|enrollee|insurance|insured) (?:id|identifier|number|no|num)|mbi|(?:medicare|medicaid) (?:id|number|no|beneficiary identifier)|chart (?:number|no))\b/,
    why: 'is named like a medical record or member identifier',
  },
  { kind: 'ssn', pattern: /\b(?:ssn|social security(?: number| no)?|ss ?#)\b/, why: 'is named like a Social Security number' },
  {
    kind: 'address',
    pattern: /^(?:(?:patient|member|home|mailing|street|residential|postal)s? )?(?:address|addr|street)(?: line ?\d| \d)?$|^address(?: line)? ?\d$|\bstreet address\b|\bhome address\b/,
    why: 'is named like a street address',
  },
  {
    kind: 'phone',
    pattern: /^(?:(?:patient|member|home|mobile|cell|work|contact)s? )?(?:phone|telephone|tel|mobile|cell|fax)(?: number| no| num)?$|\bphone (?:number|no)\b/,
    why: 'is named like a phone number',
  },
  { kind: 'email', pattern: /^(?:(?:patient|member|personal|home|contact)s? )?e ?mail(?: address)?$/, why: 'is named like an email address' },
];

const SSN_VALUE = /(?:^|[^\d-])\d{3}-\d{2}-\d{4}(?:$|[^\d-])/;
const PHONE_VALUE = /(?:^|[^\d])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?:$|[^\d])/;
const EMAIL_VALUE = /[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[A-Za-z]{2,}/;
const ADDRESS_VALUE = /^\d{1,6}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:[A-Za-z0-9'.-]+\s+){1,4}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter|circle|cir|parkway|pkwy|highway|hwy)\.?(?:\s*,.*|\s+(?:apt|unit|suite|ste|#).*)?$/i;

/** Normalises a header for matching: lower case, punctuation to spaces, single spaces. */
export function normaliseHeaderWords(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim();
}

/**
 * The first header that names a patient-level identifier, or null.
 * @example findPhiHeader(['Account', 'Patient Name']) // { kind: 'name', column: 1, ... }
 */
export function findPhiHeader(headers: readonly string[]): PhiFinding | null {
  for (let column = 0; column < headers.length; column += 1) {
    const words = normaliseHeaderWords(headers[column] ?? '');
    if (!words) continue;
    for (const rule of HEADER_RULES) {
      if (rule.pattern.test(words)) return { kind: rule.kind, column, why: `the column header ${rule.why}` };
    }
  }
  return null;
}

/**
 * Why a cell looks like a patient-level identifier (SSN, phone number, email address, street
 * address), or null. Cheap for ordinary cells: the patterns run only when the cell has an "@",
 * nine or more digits, or starts with a house number.
 */
export function phiInCell(cell: string): { kind: PhiKind; why: string } | null {
  const length = cell.length;
  if (length < 6) return null;
  let digits = 0;
  let hasAt = false;
  let hasLetter = false;
  for (let i = 0; i < length; i += 1) {
    const code = cell.charCodeAt(i);
    if (code >= 48 && code <= 57) digits += 1;
    else if (code === 64) hasAt = true;
    else if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) hasLetter = true;
  }
  if (hasAt && EMAIL_VALUE.test(cell)) return { kind: 'email', why: 'a value is an email address' };
  if (digits >= 9 && SSN_VALUE.test(cell)) return { kind: 'ssn', why: 'a value has the shape of a Social Security number (###-##-####)' };
  if (digits >= 10 && PHONE_VALUE.test(cell)) return { kind: 'phone', why: 'a value has the shape of a phone number' };
  if (hasLetter && digits > 0 && /^\s*\d/.test(cell) && ADDRESS_VALUE.test(cell.trim())) {
    return { kind: 'address', why: 'a value looks like a street address' };
  }
  return null;
}

/** The sentence every refusal ends with, so the user learns the rule, not just the symptom. */
export const PHI_POLICY =
  'QBR Workbench holds aggregate account data only (monthly counts, rates and amounts per account), never information about individual patients or members. Remove patient-level columns and rows, or export the aggregate report instead; nothing was imported.';
