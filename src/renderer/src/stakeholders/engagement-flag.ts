import type { Stakeholder } from '../../../shared/api/schemas/stakeholder-schemas';
import { daysBetween } from '../dates';

/** Days without engagement after which a sponsor or budget holder is flagged; the framework's 90 days, as in the signals engine. */
export const NOT_ENGAGED_DAYS = 90;

export interface EngagementStatus {
  /** Days since the last recorded engagement, or null when none is recorded. */
  daysSince: number | null;
  /** An executive sponsor or budget holder not engaged in 90+ days, or never. */
  flagged: boolean;
}

/** Whether this person is a key decision-maker who has gone quiet. */
export function engagementStatus(person: Pick<Stakeholder, 'lastEngagedOn' | 'isExecutiveSponsor' | 'isBudgetHolder'>, today: string): EngagementStatus {
  const daysSince = person.lastEngagedOn ? daysBetween(person.lastEngagedOn, today) : null;
  const keyPerson = person.isExecutiveSponsor || person.isBudgetHolder;
  return { daysSince, flagged: keyPerson && (daysSince === null || daysSince >= NOT_ENGAGED_DAYS) };
}

/** "Executive sponsor and budget holder", "Budget holder", or ''. */
export function keyRoles(person: Pick<Stakeholder, 'isExecutiveSponsor' | 'isBudgetHolder'>): string {
  return [person.isExecutiveSponsor ? 'executive sponsor' : null, person.isBudgetHolder ? 'budget holder' : null]
    .filter(Boolean)
    .join(' and ')
    .replace(/^./, (first) => first.toUpperCase());
}

/** The flag's text: "Not engaged in 132 days" or "Never engaged". */
export function flagText(status: EngagementStatus): string {
  return status.daysSince === null ? 'No engagement recorded' : `Not engaged in ${status.daysSince.toLocaleString()} days`;
}
