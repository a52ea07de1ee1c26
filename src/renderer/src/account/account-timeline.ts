import { journeyPhase, type JourneyPosition } from '../../../shared/framework/journey-phase';
import { daysBetween } from '../dates';

/** Where the account is in time: days to renewal and the journey phase since contract start. */
export interface AccountTimeline {
  /** Days from today to the renewal date (negative once passed), or null when unknown. */
  daysToRenewal: number | null;
  /** Journey position from the contract start, or null when the start is unknown. */
  journey: JourneyPosition | null;
}

export function accountTimeline(account: { renewalDate: string | null; contractStartDate: string | null }, today: string): AccountTimeline {
  return {
    daysToRenewal: account.renewalDate ? daysBetween(today, account.renewalDate) : null,
    journey: account.contractStartDate ? journeyPhase(daysBetween(account.contractStartDate, today)) : null,
  };
}

/** "in 42 days", "3 days ago", "today". */
export function renewalPhrase(days: number): string {
  if (days === 0) return 'renews today';
  return days > 0 ? `in ${days.toLocaleString()} ${days === 1 ? 'day' : 'days'}` : `${Math.abs(days).toLocaleString()} days ago`;
}
