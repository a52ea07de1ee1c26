/** Shown wherever a date has not been recorded, so an unknown date never looks like a blank or 1970. */
export const UNKNOWN_DATE = 'Unknown';

const calendarDateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const timestampFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** A calendar date (YYYY-MM-DD) for display; the date is the same in every time zone. */
export function formatCalendarDate(isoDate: string | null): string {
  if (!isoDate) return UNKNOWN_DATE;
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? UNKNOWN_DATE : calendarDateFormat.format(date);
}

/** An ISO timestamp as the local calendar day it happened on. */
export function formatTimestamp(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  return Number.isNaN(date.getTime()) ? UNKNOWN_DATE : timestampFormat.format(date);
}

/** "1 account", "5,000 accounts". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? singular : plural}`;
}

/** Shown wherever a number has not been recorded; a missing number is never shown as 0. */
export const UNKNOWN_NUMBER = 'Unknown';

const usdFormat = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });

/** "$1,250" or "Unknown". */
export function formatUsd(value: number | null | undefined): string {
  return value === null || value === undefined ? UNKNOWN_NUMBER : usdFormat.format(value);
}

/** A 0-100 percentage: "35%" or "Unknown". */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? UNKNOWN_NUMBER : `${value.toLocaleString(undefined, { maximumFractionDigits: 1 })}%`;
}

/** A plain number with grouping, or "Unknown". */
export function formatNumber(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined) return UNKNOWN_NUMBER;
  const text = value.toLocaleString(undefined, { maximumFractionDigits: 2 });
  return unit ? `${text} ${unit}` : text;
}
