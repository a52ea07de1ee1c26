/*
 * Where an account is in its journey, from days since contract start or go-live. Phase boundaries
 * are half-open: day 30 already belongs to clinical integration, day 90 to outcome optimisation.
 */

export const JOURNEY_PHASES = ['not_started', 'compliance_implementation', 'clinical_integration', 'outcome_optimisation', 'steady_state'] as const;
/** A phase of the account journey. */
export type JourneyPhaseKey = (typeof JOURNEY_PHASES)[number];

/** The engagement-gate stage for end users of an account the same age. */
export type EngagementGateStage = 'before_launch' | 'activation' | 'adherence' | 'sustained';

export interface JourneyPhase {
  key: JourneyPhaseKey;
  name: string;
  /** First day in the phase (inclusive), days since start. */
  fromDay: number | null;
  /** First day after the phase (exclusive); null when open-ended. */
  toDay: number | null;
  objective: string;
  reviewEmphasis: string[];
  successCriteria: string[];
}

export const JOURNEY_PHASE_CATALOG: readonly JourneyPhase[] = [
  {
    key: 'not_started',
    name: 'Before start',
    fromDay: null,
    toDay: 0,
    objective: 'Prepare for go-live.',
    reviewEmphasis: ['Readiness plan and owners', 'Agreed success definition per stakeholder', 'Data-sharing and security paperwork'],
    successCriteria: ['Success criteria agreed with each stakeholder before launch'],
  },
  {
    key: 'compliance_implementation',
    name: 'Compliance and implementation',
    fromDay: 0,
    toDay: 30,
    objective: 'Become HIPAA-compliant and ready to operate.',
    reviewEmphasis: [
      'Compliance assessment, BAA and security audit status',
      'Staff training completion',
      'Implementation milestones and blockers',
      'Activation plan for end users (the first 30 days decide activation)',
    ],
    successCriteria: ['Security audit passed with no critical findings', 'All staff training complete (100%)', 'Required approvals in place'],
  },
  {
    key: 'clinical_integration',
    name: 'Clinical integration',
    fromDay: 30,
    toDay: 90,
    objective: 'Fit the product into clinical workflows and systems.',
    reviewEmphasis: [
      'EHR integration status and testing',
      'Workflow efficiency measured against the starting point',
      'Staff adoption against the 80% goal',
      'Engagement baseline for patients or members',
    ],
    successCriteria: ['EHR integration live', 'Staff adoption at or above 80%', 'Engagement baseline recorded'],
  },
  {
    key: 'outcome_optimisation',
    name: 'Outcome optimisation',
    fromDay: 90,
    toDay: 180,
    objective: 'Show patient-outcome improvement and clinical value.',
    reviewEmphasis: [
      'Outcome data collected and analysed',
      'Clinical quality metrics',
      'ROI against the 3:1 within 12 months goal',
      'Success stories and reference willingness',
    ],
    successCriteria: ['Measurable outcome improvement', 'Positive ROI trajectory (3:1 within 12 months)', 'Customer willing to act as a reference'],
  },
  {
    key: 'steady_state',
    name: 'Steady state',
    fromDay: 180,
    toDay: null,
    objective: 'Sustain value, prepare renewal and expand.',
    reviewEmphasis: [
      'Sustained engagement and adherence, not just activation',
      'Outcome and ROI trend for the renewal case',
      'Expansion opportunities',
      'Early-warning signals for renewal risk',
    ],
    successCriteria: ['Renewal case built on each stakeholder\'s own proof', 'Expansion pipeline identified'],
  },
];

export interface JourneyPosition {
  daysSinceStart: number;
  phase: JourneyPhase;
  /** Whole days until the next phase starts; null in steady state. */
  daysToNextPhase: number | null;
  engagementGateStage: EngagementGateStage;
}

/** The account's journey phase for whole days since contract start or go-live (fractions are floored). */
export function journeyPhase(daysSinceStart: number): JourneyPosition {
  if (!Number.isFinite(daysSinceStart)) throw new RangeError(`daysSinceStart must be a finite number, got ${daysSinceStart}`);
  const days = Math.floor(daysSinceStart);
  const phase = JOURNEY_PHASE_CATALOG.find((candidate) => (candidate.fromDay === null || days >= candidate.fromDay) && (candidate.toDay === null || days < candidate.toDay));
  if (!phase) throw new RangeError(`No journey phase covers day ${days}`);
  // Activation is a day 0-30 problem and adherence a day 30-365 one (the framework's engagement gate).
  const engagementGateStage: EngagementGateStage = days < 0 ? 'before_launch' : days < 30 ? 'activation' : days < 365 ? 'adherence' : 'sustained';
  return { daysSinceStart: days, phase, daysToNextPhase: phase.toDay === null ? null : phase.toDay - days, engagementGateStage };
}
