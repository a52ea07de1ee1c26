import { linearRegression } from 'simple-statistics';
import { addMonths, monthsEndingAt } from '../calendar';
import type { KpiValue } from './kpi-value';
import { findKpiDefinition } from './kpis/kpi-catalog';
import { meanChangeSampleSize, proportionVsBenchmarkSampleSize, type PowerSettings, type SampleSizeResult } from './power-calculation';
import { monthsBetween } from './month-span';
import type { StreamReader } from './stream-reader';

/*
 * Is enrollment big enough for the contract's outcome to be provable? A VBC payment can be denied
 * even when participants got healthier, simply because too few were engaged for the evaluation to
 * reach significance. This module turns the contract's outcomes into minimum engaged members and
 * compares them with the current count and the count projected to the end of the measurement period.
 */

/**
 * Assumed effect for a shared-savings (cost) outcome when the contract does not state one: a 10%
 * reduction in cost per engaged member, with a per-member cost SD of 1.5× the mean (per-member
 * healthcare cost is highly skewed). Replace with the evaluator's numbers when known.
 */
export const DEFAULT_SAVINGS_EVALUATION = { expectedReductionPct: 10, coefficientOfVariation: 1.5 } as const;

/** Months of engaged-member history used to project the trend. */
export const PROJECTION_WINDOW_MONTHS = 6;

export interface OutcomePowerCheck {
  outcome: string;
  kind: 'proportion_vs_benchmark' | 'mean_change';
  /** p0 for proportions (0-1). */
  benchmark: number | null;
  /** p1 for proportions (0-1), or the expected change ÷ SD for mean changes. */
  expected: number;
  /** Where the expected effect came from. */
  expectedBasis: 'observed_rate' | 'contract_target' | 'default_assumption' | 'contract_assumption';
  sampleSize: SampleSizeResult;
  /** True when the observed rate is not above the benchmark, so no sample size can prove it. */
  notAboveBenchmark: boolean;
}

export interface VbcEvaluationReadiness {
  streamId: string;
  month: string;
  engagedNow: KpiValue;
  /** Engaged members projected at the end of the measurement period; null when the period is unknown. */
  projectedEngaged: number | null;
  measurementEndMonth: string | null;
  checks: OutcomePowerCheck[];
  /** The largest required n over the checks that have one, or null. */
  requiredN: number | null;
}

interface OutcomeTarget {
  metric: string;
  targetPct?: number;
  benchmarkPct?: number;
}

function targetsOf(terms: Readonly<Record<string, unknown>>): OutcomeTarget[] {
  return Array.isArray(terms.targets) ? (terms.targets as OutcomeTarget[]).filter((t) => t && typeof t.metric === 'string') : [];
}

function numberTerm(terms: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const value = terms[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Power settings from the contract terms (evaluationAlpha, evaluationPower as 0-1) or the defaults. */
export function powerSettingsFromTerms(terms: Readonly<Record<string, unknown>>): PowerSettings {
  const alpha = numberTerm(terms, 'evaluationAlpha');
  const power = numberTerm(terms, 'evaluationPower');
  return { ...(alpha !== undefined ? { alpha } : {}), ...(power !== undefined ? { power } : {}) };
}

function engagedValue(reader: StreamReader, month: string): KpiValue {
  const engaged = reader.metric('vbc_engaged_members', month).input;
  return engaged
    ? { value: engaged.value, formula: 'vbc_engaged_members', inputs: [engaged], missingInputs: [] }
    : { value: null, formula: 'vbc_engaged_members', inputs: [], missingInputs: ['vbc_engaged_members'] };
}

/** The power checks and engaged-member projection for one value-based stream at `month`. */
export function vbcEvaluationReadiness(reader: StreamReader, month: string, contractStartDate: string | null): VbcEvaluationReadiness {
  const terms = reader.stream.terms;
  const settings = powerSettingsFromTerms(terms);
  const engagedNow = engagedValue(reader, month);
  const achievement = findKpiDefinition('vbc_clinical_goal_achievement_rate')!.compute(reader, month);

  const checks: OutcomePowerCheck[] = targetsOf(terms).flatMap((target, index): OutcomePowerCheck[] => {
    if (target.benchmarkPct === undefined) return [];
    const benchmark = target.benchmarkPct / 100;
    // Only one at-target count is stored per stream, so the observed rate speaks for the first target.
    const observed = index === 0 ? achievement.value : null;
    const expected = observed ?? (target.targetPct !== undefined ? target.targetPct / 100 : null);
    if (expected === null) return [];
    const notAboveBenchmark = expected <= benchmark;
    return [
      {
        outcome: target.metric,
        kind: 'proportion_vs_benchmark',
        benchmark,
        expected,
        expectedBasis: observed !== null ? 'observed_rate' : 'contract_target',
        // Below the benchmark no sample proves an improvement, so there is no required n.
        sampleSize: notAboveBenchmark
          ? { ...proportionVsBenchmarkSampleSize(benchmark, expected, settings), requiredN: null }
          : proportionVsBenchmarkSampleSize(benchmark, expected, settings),
        notAboveBenchmark,
      },
    ];
  });

  if (terms.structure === 'shared_savings' || terms.structure === 'risk_corridor') {
    const reductionPct = numberTerm(terms, 'expectedSavingsPct');
    const cv = numberTerm(terms, 'costCoefficientOfVariation');
    const fromContract = reductionPct !== undefined && cv !== undefined;
    const effect = (fromContract ? reductionPct : DEFAULT_SAVINGS_EVALUATION.expectedReductionPct) / 100;
    const sd = fromContract ? cv : DEFAULT_SAVINGS_EVALUATION.coefficientOfVariation;
    checks.push({
      outcome: `Cost of care per engaged member (${Math.round(effect * 100)}% reduction, SD ${sd}× the mean)`,
      kind: 'mean_change',
      benchmark: null,
      expected: effect / sd,
      expectedBasis: fromContract ? 'contract_assumption' : 'default_assumption',
      sampleSize: meanChangeSampleSize(effect, sd, settings),
      notAboveBenchmark: false,
    });
  }

  const periodMonths = numberTerm(terms, 'measurementPeriodMonths');
  const start = reader.stream.startDate ?? contractStartDate;
  const measurementEndMonth = periodMonths !== undefined && start ? addMonths(start.slice(0, 7), periodMonths) : null;
  const required = checks.map((check) => check.sampleSize.requiredN).filter((n): n is number => n !== null);
  return {
    streamId: reader.stream.id,
    month,
    engagedNow,
    projectedEngaged: projectEngaged(reader, month, measurementEndMonth, engagedNow.value),
    measurementEndMonth,
    checks,
    requiredN: required.length > 0 ? Math.max(...required) : null,
  };
}

/** Linear trend of engaged members over the last six months, extrapolated to the end of the period. */
function projectEngaged(reader: StreamReader, month: string, endMonth: string | null, current: number | null): number | null {
  if (endMonth === null || current === null) return null;
  const ahead = monthsBetween(month, endMonth);
  if (ahead <= 0) return current;
  const points = monthsEndingAt(month, PROJECTION_WINDOW_MONTHS)
    .map((at, i) => [i, reader.metric('vbc_engaged_members', at).input?.value] as const)
    .filter((point): point is readonly [number, number] => point[1] !== undefined)
    .map(([x, y]) => [x, y]);
  if (points.length < 3) return current;
  const { m: slope } = linearRegression(points);
  const eligible = reader.metric('vbc_eligible_members', month).input?.value ?? Infinity;
  return Math.round(Math.min(eligible, Math.max(0, current + slope * ahead)));
}
