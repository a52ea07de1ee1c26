/*
 * Reads the month column of an import. Spreadsheets write a month in many ways; each accepted form
 * maps to exactly one YYYY-MM, and a form that could mean two months (3/1/2026) is only read when
 * the file has told us its day order, never guessed per cell.
 */

import { echoCell } from './phi-tripwire';

/** Which part comes first in slash dates like 03/01/2026: day (most of the world) or month (US). */
export type DayOrder = 'dmy' | 'mdy';

export type MonthCellResult = { ok: true; month: string } | { ok: false; reason: string };

/** Years a month may fall in; anything else is a typo or a number in the wrong column. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

const MONTH_NAMES: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

const ISO_MONTH = /^(\d{4})[-/](\d{1,2})$/;
const ISO_DAY = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const MONTH_YEAR = /^(\d{1,2})[-/.](\d{4})$/;
const SLASH_DAY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[AP]M)?)?$/i;
const NAME_YEAR = /^([A-Za-z]{3,9})\.?[\s\-/']+(\d{4}|\d{2})$/;
const YEAR_NAME = /^(\d{4})[\s-]([A-Za-z]{3,9})$/;
const DAY_NAME_YEAR = /^(\d{1,2})[\s-]([A-Za-z]{3,9})[\s-](\d{4}|\d{2})$/;
const COMPACT = /^(\d{4})(\d{2})$/;
/** Excel stores dates as days since 1899-12-30; five digits covers 1954-2173. */
const EXCEL_SERIAL = /^(\d{5})(?:\.\d+)?$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * The YYYY-MM month a cell names, or why it cannot be read.
 * @example parseMonthCell('Mar 2026') // { ok: true, month: '2026-03' }
 */
export function parseMonthCell(raw: string, dayOrder: DayOrder | null = null): MonthCellResult {
  const text = raw.trim();
  if (!text) return { ok: false, reason: 'The month is empty.' };
  let m: RegExpExecArray | null;
  if ((m = ISO_MONTH.exec(text))) return month(+m[1]!, +m[2]!);
  if ((m = ISO_DAY.exec(text))) return day(+m[1]!, +m[2]!, +m[3]!);
  if ((m = MONTH_YEAR.exec(text))) return month(+m[2]!, +m[1]!);
  if ((m = SLASH_DAY.exec(text))) return slashDay(+m[1]!, +m[2]!, +m[3]!, dayOrder);
  if ((m = NAME_YEAR.exec(text))) return named(m[1]!, m[2]!);
  if ((m = YEAR_NAME.exec(text))) return named(m[2]!, m[1]!);
  if ((m = DAY_NAME_YEAR.exec(text))) {
    const named1 = named(m[2]!, m[3]!);
    return named1.ok && +m[1]! >= 1 && +m[1]! <= 31 ? named1 : { ok: false, reason: `${echoCell(text, 40)} is not a date.` };
  }
  if ((m = COMPACT.exec(text))) return month(+m[1]!, +m[2]!);
  if ((m = EXCEL_SERIAL.exec(text))) {
    const date = new Date(EXCEL_EPOCH_MS + Number(m[1]) * 86_400_000);
    return month(date.getUTCFullYear(), date.getUTCMonth() + 1);
  }
  return { ok: false, reason: `${echoCell(text, 40)} is not a month. Use a form like 2026-03, 03/2026 or Mar 2026.` };
}

/** True when the cell is an Excel serial day number (46082), which reads as a date without looking like one. */
export function isExcelSerialCell(raw: string): boolean {
  return EXCEL_SERIAL.test(raw.trim());
}

/**
 * The day order a column of slash dates implies, or null when the sample cannot tell. A part above
 * 12 settles it; otherwise, if every date falls on the 1st under exactly one reading (monthly
 * exports are dated on the 1st), that reading wins.
 */
export function detectDayOrder(cells: readonly string[]): DayOrder | null {
  const pairs: [number, number][] = [];
  for (const cell of cells) {
    const m = SLASH_DAY.exec(cell.trim());
    if (m) pairs.push([+m[1]!, +m[2]!]);
  }
  if (pairs.length === 0) return null;
  const firstOver12 = pairs.some(([a]) => a > 12);
  const secondOver12 = pairs.some(([, b]) => b > 12);
  if (firstOver12 && !secondOver12) return 'dmy';
  if (secondOver12 && !firstOver12) return 'mdy';
  if (firstOver12 && secondOver12) return null;
  const allFirstIsOne = pairs.every(([a]) => a === 1);
  const allSecondIsOne = pairs.every(([, b]) => b === 1);
  if (allFirstIsOne && !allSecondIsOne) return 'dmy';
  if (allSecondIsOne && !allFirstIsOne) return 'mdy';
  return null;
}

function slashDay(a: number, b: number, year: number, dayOrder: DayOrder | null): MonthCellResult {
  if (a > 12 && b <= 12) return day(year, b, a);
  if (b > 12 && a <= 12) return day(year, a, b);
  if (a === b) return day(year, a, b);
  if (!dayOrder) {
    return {
      ok: false,
      reason: `${a}/${b}/${year} could be ${monthName(b)} or ${monthName(a)} ${year}, and the file does not show which part is the day. Use 2026-03 style months.`,
    };
  }
  return dayOrder === 'dmy' ? day(year, b, a) : day(year, a, b);
}

function named(name: string, yearText: string): MonthCellResult {
  const mon = MONTH_NAMES[name.toLowerCase()];
  if (!mon) return { ok: false, reason: `${echoCell(name, 40)} is not a month name.` };
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  return month(year, mon);
}

function day(year: number, mon: number, dayOfMonth: number): MonthCellResult {
  const result = month(year, mon);
  if (!result.ok) return result;
  const date = new Date(Date.UTC(year, mon - 1, dayOfMonth));
  if (date.getUTCMonth() !== mon - 1 || date.getUTCDate() !== dayOfMonth) {
    return { ok: false, reason: `${year}-${pad(mon)}-${pad(dayOfMonth)} is not a real date.` };
  }
  return result;
}

function month(year: number, mon: number): MonthCellResult {
  if (mon < 1 || mon > 12) return { ok: false, reason: `Month ${mon} does not exist (1-12).` };
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, reason: `The year ${year} is outside ${MIN_YEAR}-${MAX_YEAR}.` };
  return { ok: true, month: `${year}-${pad(mon)}` };
}

function monthName(mon: number): string {
  return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][mon - 1] ?? String(mon);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

