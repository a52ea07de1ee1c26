import { containsGivenNameAndSurname, looksLikePersonName } from './person-names';
import { phiInCell } from './phi-cell-rules';
import { phiHeaderProblem, phiHeaderWords } from './phi-header-rules';
import type { PhiKind } from './phi-kinds';

/*
 * The PHI tripwire: QBR Workbench holds aggregate account data only (counts, rates, money per
 * month), never anything about an individual patient. A file whose columns are named like
 * patient-level identifiers (phi-header-rules.ts), or whose cells look like them
 * (phi-cell-rules.ts), is refused whole. Nothing that looks like a person's data is ever repeated
 * in a message (`echoCell`), and a file name that carries one is not stored (`sourceLabel`).
 */

export type { PhiKind } from './phi-kinds';
export { phiInCell, type PhiCellFinding, type PhiColumnKind } from './phi-cell-rules';

export interface PhiFinding {
  kind: PhiKind;
  /** 0-based column index. */
  column: number;
  /** What matched, in words (never the cell's content: that would copy the identifier into logs). */
  why: string;
}

/** Normalises a header for matching: lower case, punctuation to spaces, single spaces. */
export function normaliseHeaderWords(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim();
}

/**
 * The first header that names a patient-level identifier, or null.
 * @example findPhiHeader(['Account', 'PatientName']) // { kind: 'name', column: 1, ... }
 */
export function findPhiHeader(headers: readonly string[]): PhiFinding | null {
  for (let column = 0; column < headers.length; column += 1) {
    const problem = phiHeaderProblem(headers[column] ?? '');
    if (problem) return { kind: problem.kind, column, why: `the column header ${problem.why}` };
  }
  return null;
}

/** What a message says instead of a value that may identify a person. */
export const WITHHELD_VALUE = 'the value (not repeated here: it may identify a person)';

/**
 * A cell quoted for a message, or WITHHELD_VALUE when it looks like a person's data (a name, a date
 * of birth, an id, a phone number, an address, an email). Every row error that repeats a cell
 * goes through this, so the CLI, the preview and logs never print patient data.
 * @example echoCell('Acme Health') // '"Acme Health"'
 * @example echoCell('Doe, Jane') // WITHHELD_VALUE
 */
export function echoCell(cell: string, maxLength = 60): string {
  const text = cell.trim();
  if (phiInCell(text, 'text') || looksLikePersonName(text) || /\d{6,}/.test(text)) return WITHHELD_VALUE;
  return `"${text.length > maxLength ? `${text.slice(0, maxLength)}…` : text}"`;
}

/**
 * The source label stored on imported values when the file's name may identify a person
 * ('CSV import'). Built from its words: electron-vite's ESM shim looks for the last `import`
 * statement with a pattern that also takes a string ending in the word and a quote, and put its
 * shim inside the next string literal of the desktop app's main bundle, which then did not build.
 */
export const NEUTRAL_SOURCE_LABEL = ['CSV', 'import'].join(' ');

/**
 * The label stored as each imported value's `source`: the file name, unless it carries what may
 * identify a person (a name, a date of birth, a record number, "MRN"/"DOB"/"SSN"), then a neutral
 * label. The user still sees their own file name in the preview and result.
 * @example sourceLabel('riverbend-2026-03.csv') // 'riverbend-2026-03.csv'
 * @example sourceLabel('Jane Doe 1950-02-03.csv') // 'CSV import'
 */
export function sourceLabel(fileName: string): string {
  const stem = fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const words = phiHeaderWords(stem.replace(/[_.]+/g, ' ')).split(' ').filter(Boolean);
  const identifying =
    words.some((word) => ['mrn', 'dob', 'ssn', 'hicn', 'mbi', 'birth', 'birthdate'].includes(word)) ||
    containsGivenNameAndSurname(words) ||
    stem.split(/[\s_]+/).some((part) => phiInCell(part, 'text') !== null) ||
    /(?:^|\D)\d{9,10}(?:\D|$)/.test(stem) ||
    /(?:^|\D)(?:19\d{2}[-_.]?\d{2}[-_.]?\d{2}|\d{2}[-_.]?\d{2}[-_.]?19\d{2})(?:\D|$)/.test(stem);
  return identifying ? NEUTRAL_SOURCE_LABEL : fileName;
}

/** The sentence every refusal ends with, so the user learns the rule, not just the symptom. */
export const PHI_POLICY =
  'QBR Workbench holds aggregate account data only (monthly counts, rates and amounts per account), never information about individual patients or members. Remove patient-level columns and rows, or export the aggregate report instead; nothing was imported.';
