import type { RevenuePathKey } from '../../../shared/framework/keys';
import { addDays, daysBetween } from '../dates';
import { formatCalendarDate } from '../format';

/** Time warning signals need ahead of a renewal to leave room to act, in days (one quarter). */
export const WARNING_LEAD_DAYS = 90;

export interface RunwayInput {
  path: RevenuePathKey | 'unknown';
  today: string;
  renewalDate: string | null;
  /** For a measurement-period path: the outcomes stream's period, runout and start. */
  measurement?: { periodMonths?: number; claimsRunoutMonths?: number; startDate?: string | null };
}

function addCalendarMonths(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

/** The runway a path to revenue leaves before money is decided, in a sentence with dates where known. */
export function describeRunway({ path, today, renewalDate, measurement }: RunwayInput): string {
  const daysToRenewal = renewalDate ? daysBetween(today, renewalDate) : null;
  switch (path) {
    case 'monthly':
      return daysToRenewal !== null && daysToRenewal > 0
        ? `Engagement shows up in revenue every month: about ${Math.max(1, Math.floor(daysToRenewal / 30))} monthly readings before renewal on ${formatCalendarDate(renewalDate)} to spot a slide and correct it within weeks.`
        : 'Engagement shows up in revenue every month, so a slide is visible, and correctable, within weeks.';
    case 'at_renewal':
      if (daysToRenewal === null) return 'Revenue impact lands at renewal, and the renewal date is unknown: add it to the account so warnings can be timed.';
      if (daysToRenewal <= 0) return `Renewal was due ${formatCalendarDate(renewalDate)}; the value case for it should already be made.`;
      if (daysToRenewal <= WARNING_LEAD_DAYS) return `Revenue impact lands at renewal in ${daysToRenewal} days: inside the last quarter, so any course-correction has to start now.`;
      return `Revenue impact lands at renewal on ${formatCalendarDate(renewalDate)}, ${daysToRenewal} days away. Warning signals must fire by ${formatCalendarDate(addDays(renewalDate!, -WARNING_LEAD_DAYS))} to leave a quarter to act.`;
    case 'measurement_period_18_24_months': {
      const period = measurement?.periodMonths;
      if (!period) {
        return "Revenue waits on a measurement period (often 18-24 months) plus claims runout. Record the period in the stream's contract terms to see the dates.";
      }
      const runout = measurement?.claimsRunoutMonths ?? 0;
      const start = measurement?.startDate;
      if (!start) return `Revenue waits on a ${period}-month measurement period${runout ? ` and ${runout} months of claims runout` : ''}; add the stream's start date to see when it settles.`;
      const periodEnd = addCalendarMonths(start, period);
      const settles = addCalendarMonths(periodEnd, runout);
      const checkpoint = addCalendarMonths(start, Math.floor(period / 2));
      const daysLeft = daysBetween(today, settles);
      const catchBy = daysBetween(today, checkpoint) > 0 ? ` A negative trajectory must be caught by ${formatCalendarDate(checkpoint)}, halfway through, while correction still counts.` : ' The period is past its halfway point: report the trajectory openly now.';
      return `The measurement period ends ${formatCalendarDate(periodEnd)} and the result settles around ${formatCalendarDate(settles)}${daysLeft > 0 ? `, ${daysLeft} days away` : ''}.${catchBy}`;
    }
    case 'unknown':
      return 'Choose the path to see the runway it leaves.';
  }
}
