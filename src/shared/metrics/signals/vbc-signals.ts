import { addMonths } from '../../calendar';
import { vbcEvaluationReadiness } from '../vbc-evaluation';
import type { SignalDraft, SignalEvidence } from './signal';
import { count, kpiEvidence, kpiValueAt, pct, type SignalDataContext, type StreamSignalInput } from './signal-context';
import type { KpiKey } from '../kpis/kpi-definition';

/*
 * Value-based signals: the payment depends on an evaluation that needs enough engaged members,
 * complete data, and a target that was realistic to begin with.
 */

export const VBC_SIGNAL_THRESHOLDS = {
  /** A month-over-month fall of this many points in a data-quality percentage fires. */
  dataQualityDropPoints: 2,
  /** A fall from the best of the previous six months of this many points fires. */
  dataQualityDropFromBestPoints: 3,
  /** Below this percentage, or a fall of criticalDropPoints, the drop is critical. */
  dataQualityCriticalPct: 90,
  dataQualityCriticalDropPoints: 5,
  /** A target at least this multiple of the benchmark, and this many points above it, is far above. */
  targetOverBenchmarkRatio: 1.5,
  targetOverBenchmarkPoints: 15,
  targetOverBenchmarkCriticalRatio: 1.75,
} as const;

function vbcStreams(context: SignalDataContext): StreamSignalInput[] {
  return context.streams.filter((input) => input.kpiKeys.has('vbc_clinical_goal_achievement_rate'));
}

/** Too few engaged members, now or projected, for the contracted outcome to be provable. */
export function vbcEnrollmentTooSmallSignals(context: SignalDataContext): SignalDraft[] {
  return vbcStreams(context).flatMap((input): SignalDraft[] => {
    const readiness = vbcEvaluationReadiness(input.reader, context.month, context.contractStartDate);
    const engaged = readiness.engagedNow.value;
    if (engaged === null || readiness.requiredN === null) return [];
    const projected = readiness.projectedEngaged;
    const shortNow = engaged < readiness.requiredN;
    const shortAtEnd = projected !== null && projected < readiness.requiredN;
    if (!shortNow && !shortAtEnd) return [];
    const binding = readiness.checks.find((check) => check.sampleSize.requiredN === readiness.requiredN)!;
    const enrolled = input.reader.metric('vbc_enrolled_members', context.month).input;
    const eligible = input.reader.metric('vbc_eligible_members', context.month).input;
    const { alpha, power, zAlpha, zBeta } = binding.sampleSize;
    return [
      {
        key: 'vbc_enrollment_too_small',
        headlineIndex: 1,
        severity: shortAtEnd || projected === null ? 'critical' : 'warning',
        streamId: input.stream.id,
        headline: 'Enrollment too small to prove the outcome',
        explanation:
          `Proving "${binding.outcome}" needs at least ${count(readiness.requiredN)} engaged members (two-sided α = ${alpha}, ${Math.round(power * 100)}% power). ` +
          `${count(engaged)} are engaged now` +
          (projected === null
            ? ' and the measurement period end is unknown'
            : readiness.measurementEndMonth! <= context.month
              ? ` and the measurement period ended in ${readiness.measurementEndMonth}`
              : ` and the current trend reaches about ${count(projected)} by ${readiness.measurementEndMonth}`) +
          `. If the sample is too small the evaluator cannot show significance and the performance payment can be denied even if participants improved.` +
          (binding.expectedBasis === 'default_assumption' ? ' The cost effect and its spread are app defaults; replace them with the evaluator\'s numbers.' : ''),
        play: {
          summary: 'Treat activation as the revenue driver for this contract.',
          steps: ['Run targeted enrollment campaigns in the attributed population.', 'Agree the evaluation design and minimum sample with the buyer and the evaluator now.', 'Report the projected engaged count every month.'],
        },
        evidence: [
          { label: 'Minimum engaged members needed', value: readiness.requiredN, unit: 'count' },
          { label: 'Engaged members now', value: engaged, unit: 'count', inputs: readiness.engagedNow.inputs },
          { label: 'Projected engaged members at end of measurement period', value: projected, unit: 'count' },
          { label: 'Measurement period ends', value: readiness.measurementEndMonth, unit: 'date' },
          { label: 'Enrolled members', value: enrolled?.value ?? null, unit: 'count', inputs: enrolled ? [enrolled] : [] },
          { label: 'Eligible members', value: eligible?.value ?? null, unit: 'count', inputs: eligible ? [eligible] : [] },
          ...readiness.checks.map((check): SignalEvidence => ({
            label: `Required n — ${check.outcome} (${check.kind === 'proportion_vs_benchmark' ? `p0 ${pct(check.benchmark!)} → p1 ${pct(check.expected)}, ${check.expectedBasis.replace(/_/g, ' ')}` : check.expectedBasis.replace(/_/g, ' ')})`,
            value: check.sampleSize.requiredN,
            unit: 'count',
          })),
          { label: 'z(1−α/2)', value: Number(zAlpha.toFixed(6)), unit: 'score' },
          { label: 'z(1−β)', value: Number(zBeta.toFixed(6)), unit: 'score' },
        ],
      },
    ];
  });
}

/** The observed goal-achievement rate is not above the benchmark: no enrollment can prove it. */
export function vbcOutcomeBelowBenchmarkSignals(context: SignalDataContext): SignalDraft[] {
  return vbcStreams(context).flatMap((input): SignalDraft[] => {
    const readiness = vbcEvaluationReadiness(input.reader, context.month, context.contractStartDate);
    const check = readiness.checks.find((candidate) => candidate.notAboveBenchmark && candidate.expectedBasis === 'observed_rate');
    if (!check) return [];
    const achievement = kpiValueAt(input, 'vbc_clinical_goal_achievement_rate', context.month);
    return [
      {
        key: 'vbc_outcome_below_benchmark',
        headlineIndex: 0,
        severity: 'warning',
        streamId: input.stream.id,
        headline: 'Clinical outcome tracking at or below benchmark',
        explanation: `${pct(check.expected)} of engaged members meet "${check.outcome}", against a benchmark of ${pct(check.benchmark!)}. At this rate no sample size will show an improvement; the clinical trajectory has to change before the measurement period ends.`,
        play: {
          summary: 'Review the clinical pathway with the clinical lead.',
          steps: ['Find which engaged members are off track.', 'Agree the interventions that move them: titration, coaching intensity, targeting higher-risk members.'],
        },
        evidence: [kpiEvidence('Clinical goal achievement rate', achievement, 'fraction'), { label: 'Benchmark', value: check.benchmark, unit: 'fraction' }],
      },
    ];
  });
}

/** Claims completeness or eligibility accuracy falling month over month. */
export function vbcDataQualityDropSignals(context: SignalDataContext): SignalDraft[] {
  const t = VBC_SIGNAL_THRESHOLDS;
  const measures: { key: KpiKey; label: string }[] = [
    { key: 'vbc_claims_completeness_pct', label: 'Claims-data completeness' },
    { key: 'vbc_eligibility_accuracy_pct', label: 'Eligibility-file accuracy' },
  ];
  return vbcStreams(context).flatMap((input): SignalDraft[] => {
    const drops = measures.flatMap((measure) => {
      const now = kpiValueAt(input, measure.key, context.month);
      const previous = kpiValueAt(input, measure.key, addMonths(context.month, -1));
      if (now.value === null) return [];
      const prior = [1, 2, 3, 4, 5, 6].map((back) => kpiValueAt(input, measure.key, addMonths(context.month, -back)).value).filter((v): v is number => v !== null);
      const best = prior.length > 0 ? Math.max(...prior) : null;
      const monthDrop = previous.value !== null ? previous.value - now.value : null;
      const fromBest = best !== null ? best - now.value : null;
      const fires = (monthDrop !== null && monthDrop >= t.dataQualityDropPoints) || (fromBest !== null && fromBest >= t.dataQualityDropFromBestPoints);
      return fires ? [{ measure, now, previous, best, monthDrop, fromBest }] : [];
    });
    if (drops.length === 0) return [];
    const critical = drops.some((d) => d.now.value! < t.dataQualityCriticalPct || (d.fromBest ?? 0) >= t.dataQualityCriticalDropPoints);
    return [
      {
        key: 'vbc_data_quality_drop',
        headlineIndex: 0,
        severity: critical ? 'critical' : 'warning',
        streamId: input.stream.id,
        headline: 'Outcome data quality dropping',
        explanation:
          drops
            .map((d) => `${d.measure.label} is ${d.now.value!.toFixed(1)}%` + (d.best !== null ? `, down ${(d.fromBest ?? 0).toFixed(1)} points from ${d.best.toFixed(1)}% in the last six months` : ''))
            .join('; ') +
          '. Gaps in the data the evaluator uses (often after a warehouse migration or file change) can make the savings unprovable and put the performance payment into dispute — and nobody notices until the period ends.',
        play: {
          summary: 'Get the data gap fixed this month, before it decides the evaluation.',
          steps: ['Raise the drop with the buyer\'s data owner and the evaluator.', 'Find the cause (warehouse migration, feed change) and agree a backfill.', 'Add completeness and accuracy to the monthly operating review.'],
        },
        evidence: drops.flatMap((d) => [
          kpiEvidence(`${d.measure.label} this month`, d.now, 'percent'),
          kpiEvidence(`${d.measure.label} last month`, d.previous, 'percent'),
          { label: `${d.measure.label}, best of previous six months`, value: d.best, unit: 'percent' as const },
        ]),
      },
    ];
  });
}

/** The contracted target sits far above the stated benchmark for the population. */
export function vbcTargetAboveBenchmarkSignals(context: SignalDataContext): SignalDraft[] {
  const t = VBC_SIGNAL_THRESHOLDS;
  return context.streams
    .filter((input) => input.stream.revenueModel === 'value_based' || input.stream.revenueModel === 'hybrid')
    .flatMap((input): SignalDraft[] => {
      const targets = Array.isArray(input.stream.terms.targets) ? (input.stream.terms.targets as { metric: string; targetPct?: number; benchmarkPct?: number }[]) : [];
      return targets.flatMap((target): SignalDraft[] => {
        if (target.targetPct === undefined || target.benchmarkPct === undefined || target.benchmarkPct <= 0) return [];
        const ratio = target.targetPct / target.benchmarkPct;
        const points = target.targetPct - target.benchmarkPct;
        if (ratio < t.targetOverBenchmarkRatio || points < t.targetOverBenchmarkPoints) return [];
        return [
          {
            key: 'vbc_target_above_benchmark',
            headlineIndex: 0,
            severity: ratio >= t.targetOverBenchmarkCriticalRatio ? 'critical' : 'warning',
            streamId: input.stream.id,
            headline: 'Contract target far above the benchmark',
            explanation: `The contract promises ${target.targetPct}% for "${target.metric}" where the benchmark for this population is ${target.benchmarkPct}% (${ratio.toFixed(1)}× the benchmark). The program can deliver exceptional results and still "fail" contractually.`,
            play: {
          summary: 'Reset expectations on the target with the benchmark evidence.',
          steps: ['Walk the clinical lead and the CFO through the benchmark for this population.', 'Propose a tiered target (payment for lift over the benchmark) for the next amendment.', 'Report lift against the benchmark alongside the contract target.'],
        },
            evidence: [
              { label: 'Contract target', value: target.targetPct, unit: 'percent' },
              { label: 'Benchmark', value: target.benchmarkPct, unit: 'percent' },
              { label: 'Target ÷ benchmark', value: Number(ratio.toFixed(2)), unit: 'score' },
            ],
          },
        ];
      });
    });
}
