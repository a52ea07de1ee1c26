import type { ImportMapping } from '../api/schemas/import-schemas';
import { findPhiHeader, phiInCell, PHI_POLICY, type PhiCellFinding, type PhiColumnKind } from './phi-tripwire';

/** Why a row makes the whole file patient-level data: the message, line and column of the refusal. */
export interface PhiRowRefusal {
  message: string;
  line: number;
  column: string;
}

/** Distinct text cells, and month cells, remembered per import; account, stream and month values repeat on every row. */
const CACHE_LIMIT = 50_000;

/**
 * The per-row PHI check of one import: every cell against the rules for its column's kind (value
 * columns hold numbers, the month column dates, the rest text), sparing names the workspace
 * already knows; and any row with no digit at all that reads like a header naming patient-level
 * columns (a patient section pasted below an aggregate table). Returns the first refusal, or null.
 */
export function createPhiRowCheck(mapping: ImportMapping, headers: readonly string[], isKnownName: (cell: string) => boolean): (row: readonly string[], line: number) => PhiRowRefusal | null {
  const kinds = new Map<number, PhiColumnKind>([[mapping.month, 'month']]);
  if (mapping.format === 'long') kinds.set(mapping.value, 'value');
  else for (const { column } of mapping.metricColumns) kinds.set(column, 'value');
  // Month cells apart from text cells: the same text reads differently in the two.
  const cachedText = new Map<string, PhiCellFinding | null>();
  const cachedMonths = new Map<string, PhiCellFinding | null>();
  const headerOf = (column: number) => headers[column] ?? `column ${column + 1}`;

  const check = (cell: string, kind: PhiColumnKind): PhiCellFinding | null => {
    if (kind === 'value') return phiInCell(cell, 'value');
    const cached = kind === 'month' ? cachedMonths : cachedText;
    let finding = cached.get(cell);
    if (finding === undefined) {
      finding = phiInCell(cell, kind);
      // Known account and stream names are the user's own entries, never patient data.
      if (finding && kind === 'text' && isKnownName(cell)) finding = null;
      if (cached.size < CACHE_LIMIT) cached.set(cell, finding);
    }
    return finding;
  };

  // Per column, the previous row's cell when it passed, and whether it has a digit: account,
  // stream, metric and month cells repeat row after row, and a repeated cell needs no second look.
  const passed: (string | undefined)[] = [];
  const passedHasDigit: boolean[] = [];

  return (row, line) => {
    let hasDigit = false;
    let filled = 0;
    for (let column = 0; column < row.length; column += 1) {
      const cell = row[column]!;
      if (cell.length > 0) filled += 1;
      if (cell === passed[column]) {
        if (passedHasDigit[column]) hasDigit = true;
        continue;
      }
      const digit = hasDigitIn(cell);
      if (digit) hasDigit = true;
      const finding = cell.length < 6 ? null : check(cell, kinds.get(column) ?? 'text');
      if (finding) {
        const header = headerOf(column);
        return { message: `Line ${line}, column "${header}": ${finding.why}, which would be patient-level data. ${PHI_POLICY}`, line, column: header };
      }
      passed[column] = cell;
      passedHasDigit[column] = digit;
    }
    if (!hasDigit && filled >= 2) {
      const header = findPhiHeader(row);
      if (header) {
        const cell = row[header.column]!.trim();
        return {
          message: `Line ${line}: this row starts another table whose column "${cell}" ${header.why.replace(/^the column header /, '')}, which would be patient-level data. ${PHI_POLICY}`,
          line,
          column: cell,
        };
      }
    }
    return null;
  };
}

function hasDigitIn(cell: string): boolean {
  for (let i = 0; i < cell.length; i += 1) {
    const code = cell.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}
