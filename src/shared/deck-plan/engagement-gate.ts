import type { FunnelStage } from '../deck/deck-document';
import { findMetricDefinition } from '../metrics/metric-catalog';
import type { KpiInput } from '../metrics/kpi-value';
import { kpiFormulaInWords } from '../metrics/kpis/formula-words';
import type { KpiKey } from '../metrics/kpis/kpi-definition';
import { isPeopleCountMetric, isSmallCell, peopleCountText, SUPPRESSED_COUNT_TEXT } from '../metrics/small-cells';
import { groupDigits } from '../format/quantity';
import type { DeckFacts } from './deck-facts';
import { monthLabel } from './deck-period';
import type { DeckPlanStream } from './deck-plan-types';
import { lowerFirst } from './value-format';
import type { MetricKey } from '../framework/metric-keys';

/*
 * The Engagement Gate as a funnel per model: eligible → enrolled → activated → adherent. Activation
 * (day 0-30, a marketing and behavioural-design problem) and adherence (day 30-365, a clinical and
 * product problem) need different plays, so the two conversions are reported separately.
 *
 * A step's percentage is the KPI for that step wherever the catalog has one (`rate`), read from the
 * same KPI result the scorecard, the KPI definitions slide and the app show, so a deck never states
 * two figures for one step. The bars stay this month's counts; where a KPI reads anything besides
 * the two bars it joins (PMPM 30-day retention divides by the previous month's actives: members
 * still active 30 days on are a cohort of last month's actives, not of this month's), the footnote
 * states the KPI's formula and that base. RPM's adherence step (16+ device days ÷ 2+) has no KPI,
 * so it is the ratio of its two bars.
 */

/** The conversion into one stage, as the slide states it. */
export interface FunnelConversion {
  /** A 0-1 fraction, or null when not measured (and for the first stage). */
  rate: number | null;
  /** True when a count of people the rate reads (a bar, or another month's base) is 1-10. */
  suppressed: boolean;
  /** The KPI's definition in words, for a rate that reads more than its two bars; else null. */
  definition: string | null;
}

export interface EngagementFunnel {
  stages: FunnelStage[];
  /** The conversion into each stage from the one before, index-aligned with `stages`. */
  conversions: FunnelConversion[];
  /** Index of the activated stage and the adherent stage in `stages`. */
  activatedIndex: number;
  adherentIndex: number;
  /** What counts as activated / adherent for this model, for the footnote. */
  definitions: string;
  metricKeys: MetricKey[];
  /** Whom the adherence rate counts from when it is not the activated bar ("of last month's active members"); else the activated. */
  adherentBase?: string;
  /** The population word ("patients", "members", "users"). */
  population: string;
  /** True when the stages count patients or members, whose counts of 1-10 a deck suppresses (src/shared/metrics/small-cells.ts). */
  countsPeople: boolean;
}

/** One model's funnel as data: each stage a label and the metrics summed for it. */
interface FunnelDefinition extends Omit<EngagementFunnel, 'stages' | 'metricKeys' | 'conversions'> {
  /** Whether this funnel is the stream's: its model, or a hybrid stream that records `hybridMarker`. */
  model: DeckPlanStream['revenueModel'];
  hybridMarker?: MetricKey;
  /** `rate`: the KPI that states the conversion into the stage; without one it is the ratio of the two bars. */
  stages: ReadonlyArray<{ label: string; keys: readonly MetricKey[]; rate?: KpiKey }>;
}

const FUNNELS: readonly FunnelDefinition[] = [
  {
    model: 'cpt_rpm',
    hybridMarker: 'rpm_enrolled_patients',
    stages: [
      { label: 'Eligible patients', keys: ['rpm_eligible_patients'] },
      { label: 'Enrolled', keys: ['rpm_enrolled_patients'], rate: 'rpm_enrollment_rate' },
      { label: 'Activated (2+ device days)', keys: ['rpm_patients_2_15_days', 'rpm_patients_16_30_days'], rate: 'rpm_billing_eligibility_rate' },
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
      { label: 'Enrolled', keys: ['pmpm_enrolled_members'], rate: 'pmpm_enrollment_rate' },
      { label: 'Activated (active this month)', keys: ['pmpm_active_members'], rate: 'pmpm_active_share_of_enrolled' },
      { label: 'Adherent (retained 30 days)', keys: ['pmpm_retained_30d_members'], rate: 'pmpm_retention_30d_rate' },
    ],
    activatedIndex: 2,
    adherentIndex: 3,
    definitions: 'Activated = active members in the month; adherent = members active in the month who were also active the month before (30 days earlier).',
    adherentBase: "of last month's active members",
    population: 'members',
    countsPeople: true,
  },
  {
    model: 'value_based',
    stages: [
      { label: 'Eligible', keys: ['vbc_eligible_members'] },
      { label: 'Enrolled', keys: ['vbc_enrolled_members'], rate: 'vbc_enrollment_rate' },
      { label: 'Engaged (contract definition)', keys: ['vbc_engaged_members'], rate: 'vbc_engagement_rate' },
      { label: 'At clinical target', keys: ['vbc_members_at_clinical_target'], rate: 'vbc_clinical_goal_achievement_rate' },
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
      { label: 'Weekly active users', keys: ['saas_weekly_active_users'], rate: 'saas_weekly_active_rate' },
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
  const { model: _model, hybridMarker: _marker, stages: stageDefinitions, ...rest } = definition;
  const stages = stageDefinitions.map(({ label, keys }) => {
    const values = keys.map((key) => facts.observed(stream.id, key, facts.reportMonth));
    return { label, value: values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + b!, 0) };
  });
  const smallBar = (index: number) => rest.countsPeople && isSmallCell(stages[index]?.value ?? null);
  const conversions = stageDefinitions.map(({ rate: kpiKey }, index): FunnelConversion => {
    if (index === 0) return { rate: null, suppressed: false, definition: null };
    const barsSmall = smallBar(index) || smallBar(index - 1);
    if (kpiKey === undefined) return { rate: barRatio(stages[index]!.value, stages[index - 1]!.value), suppressed: barsSmall, definition: null };
    const kpi = facts.kpi(stream.id, kpiKey);
    if (!kpi) return { rate: null, suppressed: barsSmall, definition: null };
    const bars = new Set<MetricKey>([...stageDefinitions[index]!.keys, ...stageDefinitions[index - 1]!.keys]);
    const beyondBars = kpi.current.inputs.filter((input) => !(input.kind === 'observation' && bars.has(input.metricKey) && input.month === facts.reportMonth));
    // A bar's parts (RPM's 2-15 and 16-30 day patients) are not the rate's numerator; its base beyond the bars is.
    const suppressed = barsSmall || beyondBars.some((input) => input.kind === 'observation' && isPeopleCountMetric(input.metricKey) && isSmallCell(input.value));
    return { rate: kpi.current.value, suppressed, definition: beyondBars.length > 0 ? `${kpi.label} = ${kpiFormulaInWords(kpi)}${baseText(beyondBars)}` : null };
  });
  return { ...rest, stages, conversions, metricKeys: [...new Set(stageDefinitions.flatMap((s) => s.keys))] };
}

/** current ÷ previous, or null when either is missing or the previous is zero. */
function barRatio(current: number | null, previous: number | null): number | null {
  return current === null || previous === null || previous === 0 ? null : current / previous;
}

/** The observations a rate reads besides its two bars, e.g. " (active members, Oct 2026: 6,512)". */
function baseText(inputs: readonly KpiInput[]): string {
  const shown = inputs.flatMap((input) => {
    if (input.kind !== 'observation') return [];
    const label = findMetricDefinition(input.metricKey)?.label ?? input.metricKey;
    const value = isPeopleCountMetric(input.metricKey) ? peopleCountText(input.value, (count) => groupDigits(count)) : groupDigits(input.value);
    return [`${lowerFirst(label)}, ${monthLabel(input.month)}: ${value}`];
  });
  return shown.length > 0 ? ` (${shown.join('; ')})` : '';
}

/** True when stage `index` is a count of 1-10 people, which a deck must not show. */
export function isSuppressedStage(funnel: EngagementFunnel, index: number): boolean {
  return funnel.countsPeople && isSmallCell(funnel.stages[index]?.value ?? null);
}

/** The stages as a slide shows them: a suppressed count is a gap labelled "1–10 (suppressed)". */
export function shownStages(funnel: EngagementFunnel): FunnelStage[] {
  return funnel.stages.map((stage, index) => (isSuppressedStage(funnel, index) ? { label: `${stage.label} · ${SUPPRESSED_COUNT_TEXT}`, value: null } : stage));
}

/** The conversion into stage `index` as a 0-1 fraction (the step's KPI where it has one), or null when not measured. */
export function conversion(funnel: EngagementFunnel, index: number): number | null {
  return funnel.conversions[index]?.rate ?? null;
}

/** True when the conversion into stage `index` would give away a count of 1-10 people. */
export function isSuppressedConversion(funnel: EngagementFunnel, index: number): boolean {
  return funnel.conversions[index]?.suppressed ?? false;
}

/** The footnote's definitions: the model's stage definitions, then each rate that reads more than its two bars. */
export function funnelDefinitions(funnel: EngagementFunnel): string {
  const rates = funnel.conversions.flatMap((c) => (c.definition ? [c.definition] : []));
  return [funnel.definitions, ...rates.map((text) => `${text}.`)].join(' ');
}
