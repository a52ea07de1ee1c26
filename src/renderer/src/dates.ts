import { addDays, daysBetween, quarterOf } from '../../shared/calendar';

/*
 * "Today" for the screens. The domain never reads the clock; the renderer does, once per call, and
 * passes the ISO date down so every figure on a screen agrees.
 */

/** Today's calendar date (YYYY-MM-DD) in the user's own time zone. */
export function todayIsoDate(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** The calendar quarter today falls in, e.g. "2026Q3". */
export function currentQuarter(today: string = todayIsoDate()): string {
  return quarterOf(today);
}

/** The quarter `count` quarters after `quarter` (negative goes back). */
export function shiftQuarter(quarter: string, count: number): string {
  const year = Number(quarter.slice(0, 4));
  const index = year * 4 + (Number(quarter.slice(5)) - 1) + count;
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}

/** "2026Q3" → "Q3 2026". */
export function formatQuarter(quarter: string): string {
  return /^\d{4}Q[1-4]$/.test(quarter) ? `Q${quarter.slice(5)} ${quarter.slice(0, 4)}` : quarter;
}

/** Whole days from today to `isoDate` (negative when it has passed), or null when the date is unknown. */
export function daysFromToday(isoDate: string | null | undefined, today: string = todayIsoDate()): number | null {
  return isoDate ? daysBetween(today, isoDate) : null;
}

/** "in 12 days", "today", "3 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  const abs = Math.abs(days);
  const unit = abs === 1 ? 'day' : 'days';
  return days > 0 ? `in ${abs.toLocaleString()} ${unit}` : `${abs.toLocaleString()} ${unit} ago`;
}

export { addDays, daysBetween };
