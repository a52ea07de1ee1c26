import type { MetricKey } from '../framework/metric-keys';

/*
 * A KPI value never stands alone: it carries the formula that produced it and every input it read,
 * so any number on a screen or slide can be traced back to the observations, terms and rates behind it.
 * A missing input makes the value null and is named in `missingInputs` — never silently 0.
 */

/** One input a KPI read: a stored observation, a contract term, a dated RPM rate or a stakeholder date. */
export type KpiInput = ObservationInput | TermInput | RateInput | StakeholderInput;

/** A stored monthly observation a KPI read. */
export interface ObservationInput {
  kind: 'observation';
  streamId: string;
  metricKey: MetricKey;
  month: string;
  value: number;
}

/** A numeric contract term of the stream. */
export interface TermInput {
  kind: 'term';
  streamId: string;
  term: string;
  value: number;
}

/** A stakeholder's last engagement, with the days from it to the reference date. */
export interface StakeholderInput {
  kind: 'stakeholder';
  personName: string;
  lastEngagedOn: string;
  value: number;
}

/** A dated RPM reimbursement rate from settings, in cents. */
export interface RateInput {
  kind: 'rate';
  code: string;
  rateCents: number;
  asOf: string;
  source: string;
}

export interface KpiValue {
  /** The value in the KPI's unit, or null when an input is missing or a denominator is zero. */
  value: number | null;
  /** The formula in words, with the inputs' names, e.g. "rpm_device_days_total ÷ rpm_enrolled_patients". */
  formula: string;
  inputs: KpiInput[];
  /** Names of inputs that were needed but absent (metric keys, `terms.<name>`, `rate.<code>`). */
  missingInputs: string[];
  /** Why the value is null although no input is missing (e.g. a zero denominator). */
  note?: string;
}

/** A named input slot: the input if present, else null. */
export interface KpiOperand<I extends KpiInput = KpiInput> {
  name: string;
  input: I | null;
}

/** The numeric value of an input. */
export function kpiInputValue(input: KpiInput): number {
  return input.kind === 'rate' ? input.rateCents / 100 : input.value;
}

/**
 * Evaluates `calculate` over the operands' values when all are present. `calculate` returns null
 * (with a note) for an undefined result such as division by zero.
 */
export function computeKpi(
  formula: string,
  operands: readonly KpiOperand[],
  calculate: (values: number[]) => number | null,
  undefinedNote = 'The denominator is zero, so the ratio is undefined.',
): KpiValue {
  const inputs = operands.flatMap((operand) => (operand.input ? [operand.input] : []));
  const missingInputs = [...new Set(operands.filter((operand) => !operand.input).map((operand) => operand.name))];
  if (missingInputs.length > 0) return { value: null, formula, inputs, missingInputs };
  const value = calculate(operands.map((operand) => kpiInputValue(operand.input!)));
  if (value === null || !Number.isFinite(value)) return { value: null, formula, inputs, missingInputs, note: undefinedNote };
  return { value, formula, inputs, missingInputs };
}

/** a ÷ b, or null when b is 0. */
export function safeDivide(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
