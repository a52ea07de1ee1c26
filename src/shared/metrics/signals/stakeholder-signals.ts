import { daysBetween } from '../../calendar';
import type { SignalDraft } from './signal';
import type { InsightStakeholder } from '../insight-input';
import type { DayRule } from './signal-context';

/* The budget holder who does not see the value will not protect the contract. */

export const STAKEHOLDER_SIGNAL_THRESHOLDS = {
  /** Days without engagement before a sponsor or budget holder counts as not engaged. */
  notEngagedDays: 90,
  /** Days after which it is critical. */
  criticalDays: 180,
} as const;

/** An executive sponsor or budget holder not engaged in 90+ days (or no recorded engagement). */
export const sponsorNotEngagedSignals: DayRule<readonly InsightStakeholder[]> = {
  gather: (context) => context.stakeholders,
  decide: notEngaged,
};

function notEngaged(stakeholders: readonly InsightStakeholder[], today: string): SignalDraft[] {
  const t = STAKEHOLDER_SIGNAL_THRESHOLDS;
  const keyPeople = stakeholders.filter((person) => person.isExecutiveSponsor || person.isBudgetHolder);
  if (keyPeople.length === 0) {
    return [
      {
        key: 'sponsor_not_identified',
        headlineIndex: null,
        severity: 'info',
        streamId: null,
        headline: 'No executive sponsor or budget holder mapped',
        explanation: 'Nobody on this account is marked as executive sponsor or budget holder, so nobody is tracked as the person who decides the renewal.',
        play: {
          summary: 'Identify who signs the renewal and who defends the budget.',
          steps: ['Ask the operational champion who approves the renewal and who holds the budget.', 'Map both as stakeholders and record when they were last engaged.'],
        },
        evidence: [{ label: 'Stakeholders mapped', value: stakeholders.length, unit: 'count' }],
      },
    ];
  }
  const stale = keyPeople
    .map((person) => ({ person, days: person.lastEngagedOn ? daysBetween(person.lastEngagedOn, today) : null }))
    .filter(({ days }) => days === null || days >= t.notEngagedDays)
    .sort((a, b) => (b.days ?? Infinity) - (a.days ?? Infinity));
  if (stale.length === 0) return [];
  const worst = stale[0]!;
  const role = (p: (typeof stale)[number]['person']) =>
    [p.isExecutiveSponsor ? 'executive sponsor' : null, p.isBudgetHolder ? 'budget holder' : null].filter(Boolean).join(' and ');
  const describe = ({ person, days }: (typeof stale)[number]) =>
    `${person.personName} (${role(person)}) ${days === null ? 'has no recorded engagement' : `was last engaged ${days} days ago`}`;
  return [
    {
      key: 'sponsor_not_engaged',
      headlineIndex: 0,
      severity: worst.days === null || worst.days >= t.criticalDays ? 'critical' : 'warning',
      streamId: null,
      headline: 'Executive sponsor / budget holder not engaged',
      explanation: `${stale.map(describe).join('; ')}. The person who controls the budget needs to see the value regularly; operational relationships do not carry the renewal.`,
      play: {
          summary: 'Re-engage the sponsor on the strategic metrics they answer for.',
          steps: ['Book an executive briefing on their strategic metrics (cost per patient, quality measures, capacity), not platform features.', 'Set a recurring executive cadence separate from the operational meetings.'],
        },
      evidence: stale.map(({ person, days }) => ({ label: `Days since ${person.personName} was engaged`, value: days, unit: 'days' as const })),
    },
  ];
}
