import { formatQuantity, NOT_AVAILABLE, quantityOrMissing } from '../../shared/format/quantity';
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

/** Shown wherever a number has not been recorded; a missing number is never shown as 0 (the shared phrase). */
export const UNKNOWN_NUMBER = NOT_AVAILABLE;

/** "$1,250" or "Not available". */
export function formatUsd(value: number | null | undefined): string {
  return quantityOrMissing(value, 'usd');
}

/** A 0-100 percentage: "35%" or "Not available". */
export function formatPercent(value: number | null | undefined): string {
  return quantityOrMissing(value, 'percent');
}

/** A plain number with grouping, or "Not available". */
export function formatNumber(value: number | null | undefined, unit = ''): string {
  const text = formatQuantity(value, 'count');
  if (text === null) return NOT_AVAILABLE;
  return unit ? `${text} ${unit}` : text;
}
