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

/** One model's funnel as data: each stage a label and the metrics summed for it. */
interface FunnelDefinition extends Omit<EngagementFunnel, 'stages' | 'metricKeys'> {
  /** Whether this funnel is the stream's: its model, or a hybrid stream that records `hybridMarker`. */
  model: DeckPlanStream['revenueModel'];
  hybridMarker?: MetricKey;
  stages: ReadonlyArray<{ label: string; keys: readonly MetricKey[] }>;
}

const FUNNELS: readonly FunnelDefinition[] = [
  {
    model: 'cpt_rpm',
    hybridMarker: 'rpm_enrolled_patients',
    stages: [
      { label: 'Eligible patients', keys: ['rpm_eligible_patients'] },
      { label: 'Enrolled', keys: ['rpm_enrolled_patients'] },
      { label: 'Activated (2+ device days)', keys: ['rpm_patients_2_15_days', 'rpm_patients_16_30_days'] },
      { label: 'Adherent (16+ device days)', keys: ['rpm_patients_16_30_days'] },
    ],
    activatedIndex: 2,
    adherentIndex: 3,
    definitions: 'Activated = at least 2 device days in the 30-day period (billable under 99445); adherent = 16 or more (99454 tier).',
    population: 'patients',
    countsPeople: true,
  },
  {
    model: 'pmpm_pepm',
    hybridMarker: 'pmpm_eligible_members',
    stages: [
      { label: 'Eligible', keys: ['pmpm_eligible_members'] },
      { label: 'Enrolled', keys: ['pmpm_enrolled_members'] },
      { label: 'Activated (active this month)', keys: ['pmpm_active_members'] },
      { label: 'Adherent (retained 30 days)', keys: ['pmpm_retained_30d_members'] },
    ],
    activatedIndex: 2,
    adherentIndex: 3,
    definitions: 'Activated = active members in the month; adherent = members still active 30 days after activation.',
    population: 'members',
    countsPeople: true,
  },
  {
    model: 'value_based',
    stages: [
      { label: 'Eligible', keys: ['vbc_eligible_members'] },
      { label: 'Enrolled', keys: ['vbc_enrolled_members'] },
      { label: 'Engaged (contract definition)', keys: ['vbc_engaged_members'] },
      { label: 'At clinical target', keys: ['vbc_members_at_clinical_target'] },
    ],
    activatedIndex: 2,
    adherentIndex: 2,
    definitions: "Engaged = the contract's engagement definition, i.e. sustained use; at clinical target = engaged members meeting the contract's outcome measure.",
    population: 'members',
    countsPeople: true,
  },
  {
    model: 'saas_license',
    stages: [
      { label: 'Licensed seats', keys: ['saas_licensed_seats'] },
      { label: 'Weekly active users', keys: ['saas_weekly_active_users'] },
    ],
    activatedIndex: 1,
    adherentIndex: 1,
    definitions: 'For a licensed platform the gate is clinician workflow adoption: weekly active users against licensed seats.',
    population: 'users',
    countsPeople: false,
  },
];

/** The funnel for one stream at the report month, or null for a model without one. */
export function engagementFunnel(facts: DeckFacts, stream: DeckPlanStream): EngagementFunnel | null {
  const definition = FUNNELS.find(
    (f) => stream.revenueModel === f.model || (stream.revenueModel === 'hybrid' && f.hybridMarker !== undefined && facts.latest(stream.id, f.hybridMarker) !== null),
  );
  if (!definition) return null;
  const { model: _model, hybridMarker: _marker, stages, ...rest } = definition;
  return {
    ...rest,
    stages: stages.map(({ label, keys }) => {
      const values = keys.map((key) => facts.observed(stream.id, key, facts.reportMonth));
      return { label, value: values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + b!, 0) };
    }),
    metricKeys: [...new Set(stages.flatMap((s) => s.keys))],
  };
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
