import { daysBetween } from '../../../shared/calendar';

/** The window the summary strip counts renewals in, and the "renewing soon" view's default. */
export const RENEWAL_WINDOW_DAYS = 90;

/**
 * Whether a renewal falls between today and `days` from today, both included. A date already past
 * is not "renewing soon" (it is lapsed or was never updated), and an unknown date never is.
 */
export function renewsWithin(renewalDate: string | null, days: number, today: string): boolean {
  if (!renewalDate) return false;
  const away = daysBetween(today, renewalDate);
  return away >= 0 && away <= days;
}
