import { monthsEndingAt } from '../../calendar';
import type { InsightStakeholder } from '../insight-input';
import type { KpiValue } from '../kpi-value';
import type { StreamReader } from '../stream-reader';
import { healthComponentDefinition, lastDayOfMonth, scoreBetween, type HealthComponentDefinition } from './health-components';
import { valueStory } from '../../framework/value-story';
import { healthWeightsFor, HEALTH_COMPONENT_KEYS, type HealthComponentKey, type HealthWeightOverrides } from './health-weights';

/*
 * The health score is a weighted mean of 0-100 component scores. Weights come per revenue model
 * (defaults or the user's); a multi-stream account splits each stream's weights evenly, and a
 * component with a missing input is dropped and the others re-weighted — it is listed, never scored 0.
 * A score needs at least one component measured from the account's metrics.
 */

/** Months in the health trend, ending with the report month. */
export const HEALTH_TREND_MONTHS = 6;

export interface HealthComponentResult {
  key: HealthComponentKey;
  label: string;
  streamId: string | null;
  /** Configured weight share before re-weighting (0-1; all components sum to 1). */
  configuredWeight: number;
  /** Weight share actually used (0-1; 0 when missing; present components sum to 1). */
  effectiveWeight: number;
  /** 0-100, or null when the input is missing. */
  score: number | null;
  /** Points this component adds to the total (effectiveWeight × score). */
  contribution: number | null;
  measured: KpiValue;
  scoring: { poor: number; good: number; unit: HealthComponentDefinition['unit'] };
  missing: boolean;
}

export interface HealthAtMonth {
  month: string;
  score: number | null;
  components: HealthComponentResult[];
}

export interface HealthMover {
  key: HealthComponentKey;
  label: string;
  streamId: string | null;
  /** Change in contribution (points of the 0-100 score) from the first trend month to the report month. */
  contributionDelta: number;
}

export interface HealthScore extends HealthAtMonth {
  band: 'healthy' | 'watch' | 'at_risk' | 'unknown';
  /** Labels of components left out for missing inputs, with what was missing. */
  missing: { key: HealthComponentKey; label: string; streamId: string | null; missingInputs: string[] }[];
  trend: { month: string; score: number | null }[];
  /** Components whose contribution changed most over the trend window, largest first. */
  movers: HealthMover[];
}

export interface HealthInput {
  readers: readonly StreamReader[];
  stakeholders: readonly InsightStakeholder[];
  contractStartDate: string | null;
  today: string;
  month: string;
  weights?: HealthWeightOverrides;
}

interface WeightedSlot {
  key: HealthComponentKey;
  reader: StreamReader | null;
  weight: number;
}

function weightedSlots(readers: readonly StreamReader[], overrides: HealthWeightOverrides | undefined): WeightedSlot[] {
  if (readers.length === 0) return [];
  const perStream = readers.map((reader) => {
    const { revenueModel: model, paymentEnvironment: environment } = reader.stream;
    return { reader, weights: healthWeightsFor(model, overrides, valueStory({ model, environment }).healthWeights) };
  });
  const slots: WeightedSlot[] = [];
  const accountWeights = new Map<HealthComponentKey, number>();
  for (const { reader, weights } of perStream) {
    for (const key of HEALTH_COMPONENT_KEYS) {
      const weight = weights[key] ?? 0;
      if (weight <= 0) continue;
      if (healthComponentDefinition(key).scope === 'account') accountWeights.set(key, (accountWeights.get(key) ?? 0) + weight / readers.length);
      else slots.push({ key, reader, weight: weight / readers.length });
    }
  }
  for (const [key, weight] of accountWeights) slots.push({ key, reader: null, weight });
  return slots;
}

interface MeasuredSlot {
  slot: WeightedSlot;
  definition: HealthComponentDefinition;
  value: KpiValue;
  score: number | null;
}

type People = Pick<HealthInput, 'stakeholders' | 'contractStartDate'>;

/** A stream component's value for a month: never reads the day. */
function measureStreamSlot(slot: WeightedSlot, definition: Extract<HealthComponentDefinition, { scope: 'stream' }>, people: People, month: string): KpiValue {
  return definition.measure({ reader: slot.reader!, month, contractStartDate: people.contractStartDate });
}

function measureSlot(slot: WeightedSlot, people: People, month: string, referenceDate: string): MeasuredSlot {
  const definition = healthComponentDefinition(slot.key);
  const value =
    definition.scope === 'stream'
      ? measureStreamSlot(slot, definition, people, month)
      : definition.measure({ month, referenceDate, stakeholders: people.stakeholders, contractStartDate: people.contractStartDate });
  return { slot, definition, value, score: scoreOf(value, definition) };
}

function scoreOf(value: KpiValue, definition: HealthComponentDefinition): number | null {
  return value.value === null ? null : scoreBetween(value.value, definition.poor, definition.good);
}

/** The weight of the measured components, whether there is a score, and the score (rounded to 0.1). */
function combine(measured: readonly { weight: number; score: number | null; scope: HealthComponentDefinition['scope'] }[]) {
  const presentWeight = measured.reduce((sum, m) => sum + (m.score === null ? 0 : m.weight), 0);
  // Sponsor engagement alone is not account health: without one measured metric there is no score
  // (an account with no metrics would otherwise read "67, Watch" from one stakeholder date).
  const scored = presentWeight > 0 && measured.some((m) => m.score !== null && m.scope !== 'account');
  const total = measured.reduce((sum, m) => sum + (m.score === null || !scored ? 0 : (m.weight / presentWeight) * m.score), 0);
  return { presentWeight, scored, score: scored ? Math.round(total * 10) / 10 : null };
}

/** The health score for one month. */
export function healthAtMonth(input: HealthInput, month: string): HealthAtMonth {
  const slots = weightedSlots(input.readers, input.weights);
  const totalWeight = slots.reduce((sum, slot) => sum + slot.weight, 0);
  const referenceDate = month === input.month ? input.today : lastDayOfMonth(month);
  const measured = slots.map((slot) => measureSlot(slot, input, month, referenceDate));
  const { presentWeight, scored, score } = combine(measured.map((m) => ({ weight: m.slot.weight, score: m.score, scope: m.definition.scope })));
  const components = measured.map(({ slot, definition, value, score }): HealthComponentResult => {
    const effectiveWeight = score === null || !scored ? 0 : slot.weight / presentWeight;
    return {
      key: slot.key,
      label: definition.label,
      streamId: slot.reader?.stream.id ?? null,
      configuredWeight: totalWeight === 0 ? 0 : slot.weight / totalWeight,
      effectiveWeight,
      score,
      contribution: score === null || !scored ? null : effectiveWeight * score,
      measured: value,
      scoring: { poor: definition.poor, good: definition.good, unit: definition.unit },
      missing: score === null,
    };
  });
  return { month, score, components };
}

/**
 * The report month's health without the day (plain JSON): each stream component's weight and
 * score, kept once a month; each account component's weight, with the people and contract start
 * it is measured from on the day (healthScoreOn).
 */
export interface HealthFacts {
  slots: ({ weight: number; score: number | null } | { weight: number; key: HealthComponentKey })[];
  stakeholders: HealthInput['stakeholders'];
  contractStartDate: string | null;
}

/** The health facts of the report month (`input.month`). */
export function gatherHealthFacts(input: Omit<HealthInput, 'today'>): HealthFacts {
  const slots = weightedSlots(input.readers, input.weights).map((slot) => {
    const definition = healthComponentDefinition(slot.key);
    if (definition.scope === 'account') return { weight: slot.weight, key: slot.key };
    return { weight: slot.weight, score: scoreOf(measureStreamSlot(slot, definition, input, input.month), definition) };
  });
  return { slots, stakeholders: input.stakeholders, contractStartDate: input.contractStartDate };
}

/** The report month's health score on `today` — what healthAtMonth gives — from its facts. */
export function healthScoreOn(facts: HealthFacts, month: string, today: string): number | null {
  const measured = facts.slots.map((slot) => {
    if ('score' in slot) return { weight: slot.weight, score: slot.score, scope: 'stream' as const };
    const { score } = measureSlot({ key: slot.key, reader: null, weight: slot.weight }, facts, month, today);
    return { weight: slot.weight, score, scope: 'account' as const };
  });
  return combine(measured).score;
}

/** Health score for the report month with its missing components, 6-month trend and movers. */
export function computeHealthScore(input: HealthInput): HealthScore {
  const months = monthsEndingAt(input.month, HEALTH_TREND_MONTHS);
  const byMonth = months.map((month) => healthAtMonth(input, month));
  const current = byMonth[byMonth.length - 1]!;
  const first = byMonth.find((entry) => entry.score !== null && entry.month !== input.month);
  const slotId = (c: HealthComponentResult) => `${c.key}|${c.streamId ?? ''}`;
  const movers: HealthMover[] = first
    ? current.components
        .map((component) => {
          const before = first.components.find((candidate) => slotId(candidate) === slotId(component));
          return { key: component.key, label: component.label, streamId: component.streamId, contributionDelta: Math.round(((component.contribution ?? 0) - (before?.contribution ?? 0)) * 10) / 10 };
        })
        .filter((mover) => mover.contributionDelta !== 0)
        .sort((a, b) => Math.abs(b.contributionDelta) - Math.abs(a.contributionDelta))
    : [];
  return {
    ...current,
    band: current.score === null ? 'unknown' : current.score >= 70 ? 'healthy' : current.score >= 40 ? 'watch' : 'at_risk',
    missing: current.components
      .filter((component) => component.missing)
      .map((component) => ({ key: component.key, label: component.label, streamId: component.streamId, missingInputs: component.measured.missingInputs })),
    trend: byMonth.map((entry) => ({ month: entry.month, score: entry.score })),
    movers,
  };
}
