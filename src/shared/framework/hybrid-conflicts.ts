import type { HowPaidKey } from './answers';
import type { StreamModelKey, ValueOrientationKey } from './keys';

/*
 * Conflicting incentives between streams of one contract. The framework's rule: a genuine conflict
 * is not solved internally; it is put to the buyer as an explicit choice.
 */

export interface ConflictStream {
  id: string;
  model: StreamModelKey;
  variant?: string | null;
  howPaid?: HowPaidKey;
  orientation?: ValueOrientationKey;
}

export interface TradeOffOption {
  key: string;
  label: string;
  strengthens: string;
  weakens: string;
}

export interface IncentiveConflict {
  key: 'breadth_vs_targeting' | 'engagement_vs_outcomes' | 'billing_threshold_vs_clinical_depth' | 'adoption_vs_billing_enablement' | 'activation_vs_retention' | 'mixed_orientation';
  /** `trade_off` needs the buyer's decision; `sequencing` needs the right order; `framing` needs the right story per stakeholder. */
  kind: 'trade_off' | 'sequencing' | 'framing';
  streamIds: string[];
  description: string;
  /** The question to put to the buyer's executive team, when the conflict needs their choice. */
  tradeOffQuestion: string | null;
  options: TradeOffOption[];
  csGuidance: string;
}

/** Broad-enrollment target from the framework's trade-off example, as % of the eligible population. */
export const BROAD_ENROLLMENT_TARGET_PCT = { min: 35, max: 40 } as const;
/** High-risk targeting slice from the framework's example, as % of the eligible population. */
export const HIGH_RISK_TARGET_PCT = 15;

export const BREADTH_VS_TARGETING_QUESTION =
  `This year we have to choose where to put our effort. Option one is broad enrolment aiming at ${BROAD_ENROLLMENT_TARGET_PCT.min}-${BROAD_ENROLLMENT_TARGET_PCT.max}% of everyone eligible: engagement is highly visible and the base renewal case gets stronger, but savings are diluted because healthier members do not generate them. Option two is concentrating enrolment on the highest-risk ${HIGH_RISK_TARGET_PCT}%: savings potential is maximised but the headline engagement rate will be lower. Which result matters more to your organisation right now?`;

const isSharedSavings = (stream: ConflictStream): boolean => stream.variant === 'shared_savings' || stream.howPaid === 'shared_savings';
const isPhased = (stream: ConflictStream): boolean => stream.howPaid === 'annual_minimum' || stream.howPaid === 'case_rate';

/** Find the conflicting incentives between a contract's revenue streams. */
export function detectIncentiveConflicts(streams: readonly ConflictStream[]): IncentiveConflict[] {
  const conflicts: IncentiveConflict[] = [];
  const byModel = (model: StreamModelKey) => streams.filter((stream) => stream.model === model);
  const pmpm = byModel('pmpm_pepm').filter((stream) => !isPhased(stream));
  const vbc = byModel('value_based');
  const rpm = byModel('cpt_rpm');
  const saas = byModel('saas_license');

  const sharedSavings = vbc.filter(isSharedSavings);
  const otherOutcomes = vbc.filter((stream) => !isSharedSavings(stream));
  if (pmpm.length > 0 && sharedSavings.length > 0) {
    conflicts.push({
      key: 'breadth_vs_targeting',
      kind: 'trade_off',
      streamIds: [...pmpm, ...sharedSavings].map((stream) => stream.id),
      description:
        'The per-member fee rewards enrolling broadly to show reach, while shared savings come only from the highest-risk, highest-cost members. Optimising both at once produces mediocre results on both.',
      tradeOffQuestion: BREADTH_VS_TARGETING_QUESTION,
      options: [
        {
          key: 'broad_enrollment',
          label: `Broad enrolment (${BROAD_ENROLLMENT_TARGET_PCT.min}-${BROAD_ENROLLMENT_TARGET_PCT.max}% of eligible)`,
          strengthens: 'Engagement visibility and the base-contract renewal case',
          weakens: 'Shared-savings potential, because healthier members produce little saving',
        },
        {
          key: 'high_risk_targeting',
          label: `Target the highest-risk ${HIGH_RISK_TARGET_PCT}%`,
          strengthens: 'Shared-savings potential',
          weakens: 'The headline engagement rate',
        },
      ],
      csGuidance: 'Present the choice to the buyer\'s executive team so they co-own it, then record their answer and report against it.',
    });
  }
  if (pmpm.length > 0 && otherOutcomes.length > 0) {
    conflicts.push({
      key: 'engagement_vs_outcomes',
      kind: 'trade_off',
      streamIds: [...pmpm, ...otherOutcomes].map((stream) => stream.id),
      description:
        'The base fee renews on engagement measured monthly; the performance payment depends on outcomes measured yearly and late. Effort spent widening reach is effort not spent deepening outcomes.',
      tradeOffQuestion:
        'What engagement level do you need to see to feel the base fee is earned, so that we can put the remaining effort into getting engaged members to the clinical targets?',
      options: [
        {
          key: 'engagement_floor_first',
          label: 'Agree an engagement floor, then focus on outcomes',
          strengthens: 'Bonus capture once the floor is secure',
          weakens: 'Headline reach beyond the agreed floor',
        },
        {
          key: 'maximise_reach',
          label: 'Maximise reach',
          strengthens: 'The base renewal case',
          weakens: 'Depth of clinical improvement among the engaged',
        },
      ],
      csGuidance: 'Get engagement to a level that safeguards the base, measure outcomes from the first month, and share the trajectory openly.',
    });
  }
  if (rpm.length > 0 && vbc.length > 0) {
    conflicts.push({
      key: 'billing_threshold_vs_clinical_depth',
      kind: 'trade_off',
      streamIds: [...rpm, ...vbc].map((stream) => stream.id),
      description:
        'RPM bills from as little as 2 device days in 30, but outcome targets need sustained use; a panel can bill well while producing too little data to move outcomes.',
      tradeOffQuestion:
        'Should we measure success by patients reaching the billing threshold, or by average device days deep enough to move the outcome targets, even if fewer patients are enrolled?',
      options: [
        { key: 'billing_breadth', label: 'Maximise billable patients', strengthens: 'Monthly reimbursement', weakens: 'Outcome evidence for the performance payment' },
        { key: 'engagement_depth', label: 'Prioritise device days per patient', strengthens: 'Outcomes and the performance payment', weakens: 'Short-term billing volume' },
      ],
      csGuidance: 'Make average device days per patient the headline engagement number and keep billing eligibility as a secondary, financial one.',
    });
  }
  if (saas.length > 0 && rpm.length > 0) {
    conflicts.push({
      key: 'adoption_vs_billing_enablement',
      kind: 'sequencing',
      streamIds: [...saas, ...rpm].map((stream) => stream.id),
      description:
        'The license depends on platform adoption by one group, the reimbursement share on billing workflows run by another; the license is justified by efficiency, the reimbursement by new revenue.',
      tradeOffQuestion: null,
      options: [],
      csGuidance: 'Land the implementation first, then shift to billing enablement, and report subscription health and reimbursement revenue separately.',
    });
  }
  const phased = streams.filter(isPhased);
  if (phased.length > 0) {
    conflicts.push({
      key: 'activation_vs_retention',
      kind: 'sequencing',
      streamIds: phased.map((stream) => stream.id),
      description: 'Before switchover every new activated user earns revenue; after switchover revenue is population-based and retention wins the renewal.',
      tradeOffQuestion: null,
      options: [],
      csGuidance: 'Use the contract phase (hybridPhase) to decide whether this quarter is activation-critical or retention-critical.',
    });
  }
  const orientations = new Set(streams.map((stream) => stream.orientation).filter((value) => value && value !== 'unknown' && value !== 'both'));
  if (orientations.size > 1) {
    conflicts.push({
      key: 'mixed_orientation',
      kind: 'framing',
      streamIds: streams.map((stream) => stream.id),
      description: 'Some streams are justified as new revenue and others as cost reduction.',
      tradeOffQuestion: null,
      options: [],
      csGuidance: 'Keep every value story ready and lead with the one that matches the stakeholder in the room.',
    });
  }
  return conflicts;
}
