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
