import type { Signal, SignalKey } from '../metrics/signals/signal';
import type { SlideContext } from './slide-context';
import { evidenceText, rankedSignals } from './signal-evidence';
import { lowerFirst } from '../text/sentence-case';

/*
 * A signal is the CSM's: its headline, explanation and play are written for us ("Guaranteed revenue,
 * unproven value, renewal approaching"; "Re-engage the sponsor"). What a customer slide may say about
 * it is a different text: the fact the buyer can check, and the step we propose to take together.
 * This table is the only place that decides it; a signal with no customer wording (the sponsor's own
 * silence, a phase note) stays in the speaker notes and the prep brief.
 */

/** What a customer slide says about one signal. */
export interface WatchPoint {
  signal: Signal;
  /** The fact, in the buyer's terms, without its figure ("Device use per patient is below…"). */
  topic: string;
  /** The figure behind it ("13.2 days"), or null when none backs it. */
  figure: string | null;
  /** What the figure measures, in the buyer's words ("average device days per patient a month"); with the figure. */
  figureIs: string | null;
  /** The step we propose, as a joint action with an owner implied ("Review … with your billing team"). */
  step: string;
}

/** `figureIs` names the signal's headline figure; without it the figure stays off the slide. */
type Wording = { topic: string; step: string; figureIs?: string } | null;

/**
 * Every signal key has an entry, so a new early-warning rule cannot reach a slide without its customer
 * wording being written (the compiler asks for it).
 */
const CUSTOMER_WORDING: Record<SignalKey, (signal: Signal) => Wording> = {
  rpm_billing_engagement_decoupling: () => ({
    topic: 'Device use per patient is below the 16 days a month that clinical outcomes depend on',
    step: 'Review device days per patient with the care team each month and reach out to patients under 16 days',
    figureIs: 'average device days per patient a month',
  }),
  rpm_cost_avoidance_unmeasured: () => ({
    topic: 'Readmissions and ER visits avoided are not yet reported each month, so the savings cannot be shown',
    step: 'Agree a monthly outcomes feed with your quality team: readmissions of monitored vs unmonitored patients and ER visits',
  }),
  rpm_management_code_leakage: () => ({
    topic: 'Treatment-management time is documented for fewer patients than are monitored',
    step: 'Walk through 99457/99458 documentation with your billing team and clinicians',
    figureIs: 'device-billed patients with a management code billed',
  }),
  pmpm_guaranteed_revenue_trap: () => ({
    topic: 'Engagement of the eligible population is below the level at which outcomes can be shown at renewal',
    step: 'Run a joint activation campaign across your member channels and agree the outcome measures for the renewal review',
    figureIs: 'eligible members active in the month',
  }),
  saas_adoption_erosion: () => ({
    topic: 'Weekly active use of the licensed seats has been falling',
    step: 'Review workflow fit with the department leads and retire or reassign unused seats together',
    figureIs: 'licensed seats active weekly',
  }),
  // About a person in the room: never on a slide.
  sponsor_not_engaged: () => null,
  sponsor_not_identified: () => null,
  vbc_enrollment_too_small: () => ({
    topic: 'Enrollment is below the size needed to show the contracted outcome with confidence',
    step: 'Agree an enrollment target that makes the outcome evaluation conclusive',
    figureIs: 'engaged members now',
  }),
  vbc_outcome_below_benchmark: () => ({
    topic: 'The contracted clinical outcome is tracking at or below its benchmark',
    step: 'Review the clinical pathway with your clinical lead this quarter',
    figureIs: 'engaged members at the clinical goal',
  }),
  vbc_data_quality_drop: (signal) => ({
    topic: 'Claims completeness or eligibility-file accuracy has dropped',
    step: 'Fix the data feed with your analytics team now, before the measurement period closes',
    // The measure that dropped: "Claims-data completeness this month" → "claims-data completeness".
    ...(signal.headlineEvidence ? { figureIs: lowerFirst(signal.headlineEvidence.label.replace(/ this month$/, '')) } : {}),
  }),
  vbc_target_above_benchmark: () => ({
    topic: 'The contract target sits well above the published benchmark for this outcome',
    step: 'Review the target against the benchmark evidence together before settlement',
    figureIs: 'contract target',
  }),
  // A phase note for the CSM, not a risk.
  hybrid_switchover_phase: () => null,
};

/** The signals a customer slide may raise, most severe first, in customer wording (info-only context is left out). */
export function watchPoints(ctx: Pick<SlideContext, 'facts'>): WatchPoint[] {
  return rankedSignals(ctx.facts.input.insights.signals)
    .filter((signal) => signal.severity !== 'info')
    .flatMap((signal) => {
      const wording = CUSTOMER_WORDING[signal.key](signal);
      if (!wording) return [];
      const figure = signal.headlineEvidence && wording.figureIs ? evidenceText(signal.headlineEvidence) : null;
      return [{ signal, topic: wording.topic, figure, figureIs: figure === null ? null : wording.figureIs!, step: wording.step }];
    });
}

/**
 * The watch point as a customer slide states it: the fact, and its figure with what it measures
 * ("…below the 16 days a month… (average device days per patient a month: 10.6 days)"). The
 * summary and the risks slide both say it this way, so a figure never stands on a slide unnamed.
 */
export function watchPointFact(point: WatchPoint): string {
  return point.figure === null ? point.topic : `${point.topic} (${point.figureIs}: ${point.figure})`;
}
