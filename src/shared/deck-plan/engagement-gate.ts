import type { FunnelStage } from '../deck/deck-document';
import { isSmallCell, SUPPRESSED_COUNT_TEXT } from '../metrics/small-cells';
import type { DeckFacts } from './deck-facts';
import type { DeckPlanStream } from './deck-plan-types';
import type { MetricKey } from '../framework/metric-keys';

/*
 * The Engagement Gate as a funnel per model: eligible → enrolled → activated → adherent. Activation
 * (day 0-30, a marketing and behavioural-design problem) and adherence (day 30-365, a clinical and
 * product problem) need different plays, so the two conversions are reported separately.
 */

export interface EngagementFunnel {
  stages: FunnelStage[];
  /** Index of the activated stage and the adherent stage in `stages`. */
  activatedIndex: number;
  adherentIndex: number;
  /** What counts as activated / adherent for this model, for the footnote. */
  definitions: string;
  metricKeys: MetricKey[];
  /** The population word ("patients", "members", "users"). */
  population: string;
  /** True when the stages count patients or members, whose counts of 1-10 a deck suppresses (src/shared/metrics/small-cells.ts). */
  countsPeople: boolean;
}

function stage(facts: DeckFacts, stream: DeckPlanStream, label: string, ...keys: MetricKey[]): FunnelStage {
  const values = keys.map((key) => facts.observed(stream.id, key, facts.reportMonth));
  return { label, value: values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + b!, 0) };
}

/** The funnel for one stream at the report month, or null for a model without one. */
export function engagementFunnel(facts: DeckFacts, stream: DeckPlanStream): EngagementFunnel | null {
  const has = (key: MetricKey) => facts.latest(stream.id, key) !== null;
  if (stream.revenueModel === 'cpt_rpm' || (stream.revenueModel === 'hybrid' && has('rpm_enrolled_patients'))) {
    return {
      stages: [
        stage(facts, stream, 'Eligible patients', 'rpm_eligible_patients'),
        stage(facts, stream, 'Enrolled', 'rpm_enrolled_patients'),
        stage(facts, stream, 'Activated (2+ device days)', 'rpm_patients_2_15_days', 'rpm_patients_16_30_days'),
        stage(facts, stream, 'Adherent (16+ device days)', 'rpm_patients_16_30_days'),
      ],
      activatedIndex: 2,
      adherentIndex: 3,
      definitions: 'Activated = at least 2 device days in the 30-day period (billable under 99445); adherent = 16 or more (99454 tier).',
      metricKeys: ['rpm_eligible_patients', 'rpm_enrolled_patients', 'rpm_patients_2_15_days', 'rpm_patients_16_30_days'],
      population: 'patients',
      countsPeople: true,
    };
  }
  if (stream.revenueModel === 'pmpm_pepm' || (stream.revenueModel === 'hybrid' && has('pmpm_eligible_members'))) {
    return {
      stages: [
        stage(facts, stream, 'Eligible', 'pmpm_eligible_members'),
        stage(facts, stream, 'Enrolled', 'pmpm_enrolled_members'),
        stage(facts, stream, 'Activated (active this month)', 'pmpm_active_members'),
        stage(facts, stream, 'Adherent (retained 30 days)', 'pmpm_retained_30d_members'),
      ],
      activatedIndex: 2,
      adherentIndex: 3,
      definitions: 'Activated = active members in the month; adherent = members still active 30 days after activation.',
      metricKeys: ['pmpm_eligible_members', 'pmpm_enrolled_members', 'pmpm_active_members', 'pmpm_retained_30d_members'],
      population: 'members',
      countsPeople: true,
    };
  }
  if (stream.revenueModel === 'value_based') {
    return {
      stages: [
        stage(facts, stream, 'Eligible', 'vbc_eligible_members'),
        stage(facts, stream, 'Enrolled', 'vbc_enrolled_members'),
        stage(facts, stream, 'Engaged (contract definition)', 'vbc_engaged_members'),
        stage(facts, stream, 'At clinical target', 'vbc_members_at_clinical_target'),
      ],
      activatedIndex: 2,
      adherentIndex: 2,
      definitions: 'Engaged = the contract\'s engagement definition, i.e. sustained use; at clinical target = engaged members meeting the contract\'s outcome measure.',
      metricKeys: ['vbc_eligible_members', 'vbc_enrolled_members', 'vbc_engaged_members', 'vbc_members_at_clinical_target'],
      population: 'members',
      countsPeople: true,
    };
  }
  if (stream.revenueModel === 'saas_license') {
    return {
      stages: [stage(facts, stream, 'Licensed seats', 'saas_licensed_seats'), stage(facts, stream, 'Weekly active users', 'saas_weekly_active_users')],
      activatedIndex: 1,
      adherentIndex: 1,
      definitions: 'For a licensed platform the gate is clinician workflow adoption: weekly active users against licensed seats.',
      metricKeys: ['saas_licensed_seats', 'saas_weekly_active_users'],
      population: 'users',
      countsPeople: false,
    };
  }
  return null;
}

/** True when stage `index` is a count of 1-10 people, which a deck must not show. */
export function isSuppressedStage(funnel: EngagementFunnel, index: number): boolean {
  return funnel.countsPeople && isSmallCell(funnel.stages[index]?.value ?? null);
}

/** The stages as a slide shows them: a suppressed count is a gap labelled "1–10 (suppressed)". */
export function shownStages(funnel: EngagementFunnel): FunnelStage[] {
  return funnel.stages.map((stage, index) => (isSuppressedStage(funnel, index) ? { label: `${stage.label} · ${SUPPRESSED_COUNT_TEXT}`, value: null } : stage));
}

/** stage[i] ÷ stage[i-1] as a fraction, or null when either is missing. */
export function conversion(funnel: EngagementFunnel, index: number): number | null {
  const current = funnel.stages[index]?.value ?? null;
  const previous = funnel.stages[index - 1]?.value ?? null;
  return current === null || previous === null || previous === 0 ? null : current / previous;
}
