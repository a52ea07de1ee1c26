import { kpiLineChart, vbcGoalAchievementChart } from '../../charts/kpi-charts';
import type { ChartSpec } from '../../deck/deck-document';
import { monthLabel } from '../deck-period';
import type { AudienceMember, DeckPlanStream } from '../deck-plan-types';
import { kpiSentence, kpiValueText } from '../kpi-sentence';
import { speakerNotes } from '../likely-questions';
import { chartFootnote, kpiFootnote, type SlideContext } from '../slide-context';
import { isSmallCell } from '../../metrics/small-cells';
import { lowerFirst, peopleCount } from '../value-format';
import { vbcGoalEstimate, vbcTarget } from '../value-numbers';
import { outcomesTermsOf } from '../../api/schemas/stream-terms-adapters';
import type { StreamTerms } from '../../api/schemas/stream-terms-schemas';
import type { ProofView } from './proof-view';
import { kpiTileStanding } from '../kpi-standing';
import { formatQuantity, formatQuantityRange, groupDigits } from '../../format/quantity';
import type { KpiResult } from '../../metrics/kpi-engine';
import { borrowedEvidenceNote, evidenceGapPhrase } from '../evidence-words';

/*
 * Evidence for outcomes-based contracts: revenue is contingent on results measured late, so the
 * room needs the payment at risk, clinical achievement with its sample and interval, and proof the
 * data feeding the evaluation is complete.
 */

/** Dollar figure: performance payment earned against the amount at risk, and goal achievement vs target. */
export function performancePaymentView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView {
  const { facts } = ctx;
  // The contract's amount first, read as the readiness slide reads it; the recorded metric otherwise.
  const contractAtRisk = outcomesTermsOf(stream.terms as StreamTerms['value_based']).performanceComponent?.atRiskAmountUsd ?? null;
  const recordedAtRisk = facts.latest(stream.id, 'vbc_at_risk_revenue_usd');
  const atRisk = contractAtRisk ?? recordedAtRisk?.value ?? null;
  const earnedLatest = facts.latest(stream.id, 'vbc_earned_revenue_usd');
  const earned = earnedLatest?.value ?? null;
  const month = monthLabel(facts.reportMonth);
  const realization = facts.kpi(stream.id, 'vbc_performance_payment_realization');
  const achievement = facts.kpi(stream.id, 'vbc_clinical_goal_achievement_rate');
  const enrollment = facts.kpi(stream.id, 'vbc_enrollment_rate');
  const target = vbcTarget(stream);
  const achievementText = achievement ? kpiValueText(achievement) : 'not available';
  const title =
    atRisk !== null && earned !== null
      ? `${formatQuantity(earned, 'usd')} of the ${formatQuantity(atRisk, 'usd')} performance payment is earned so far; clinical goal achievement is ${achievementText}${target?.targetPct != null ? ` vs a ${target.targetPct}% target` : ''}`
      : `Performance payment earned is not recorded; clinical goal achievement is ${achievementText}`;
  const kpis = [realization, achievement, enrollment].filter((k) => k !== undefined);
  return {
    key: 'performance-payment',
    content: {
      kind: 'kpis',
      title,
      subtitle: `Performance payment on outcomes · for ${member.label}`,
      tiles: [
        { label: contractAtRisk !== null ? 'Payment at risk (contract)' : `Payment at risk${recordedAtRisk ? `, ${monthLabel(recordedAtRisk.month)}` : ''}`, value: formatQuantity(atRisk, 'usd'), status: 'neutral' },
        { label: `Earned${earnedLatest ? ` as of ${monthLabel(earnedLatest.month)}` : ' to date'}`, value: formatQuantity(earned, 'usd'), status: earned === null ? 'neutral' : earned > 0 ? 'good' : 'watch', caption: 'After run-out' },
        // Judged as the scorecard judges them (kpi-standing.ts), so both slides say the same.
        { label: `At clinical goal, ${month}`, value: achievement ? formatQuantity(achievement.current.value, 'fraction') : null, ...kpiTileStanding(achievement, stream, facts.input.goals) },
        { label: `Eligible members enrolled, ${month}`, value: enrollment ? formatQuantity(enrollment.current.value, 'fraction') : null, ...kpiTileStanding(enrollment, stream, facts.input.goals) },
      ],
      footnote: kpis.length > 0 ? kpiFootnote(ctx, kpis) : { source: 'Contract terms', dateRange: monthLabel(facts.reportMonth) },
      notes: speakerNotes(
        [
          'In an outcomes contract the payment can be zero: enrolment too small for significance is a mathematical failure, not a relationship one.',
          achievement ? `${kpiSentence(achievement)}.` : 'Clinical goal achievement is not recorded.',
          target?.targetPct != null && target.benchmarkPct != null ? `The contract target (${target.targetPct}%) against a ${target.benchmarkPct}% benchmark decides whether strong work still "fails" contractually.` : 'Confirm the target and its benchmark in writing.',
        ],
        member,
        'value',
      ),
    },
  };
}

/** Clinical outcomes with statistics: goal achievement with its sample size and 95% interval. */
export function goalAchievementView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView | null {
  const streamKpis = ctx.facts.streamKpis(stream.id);
  const target = vbcTarget(stream);
  const chart = streamKpis ? vbcGoalAchievementChart(streamKpis, target ? { ...(target.targetPct != null ? { targetPct: target.targetPct } : {}), ...(target.benchmarkPct != null ? { benchmarkPct: target.benchmarkPct } : {}) } : undefined) : null;
  const estimate = vbcGoalEstimate(ctx.facts, stream);
  if (!chart) return null;
  const interval = estimate ? formatQuantityRange(estimate.low, estimate.high, 'fraction') : null;
  // A share of 1-10 members (or out of 1-10) would give the count away: suppressed, with its interval.
  const suppressed = estimate !== null && (isSmallCell(estimate.successes) || isSmallCell(estimate.n));
  const title = !estimate
    ? 'Clinical goal achievement cannot be shown: members at target or engaged members are not recorded'
    : suppressed
      ? `Clinical goal achievement rests on counts of 1–10 members, which are suppressed (n = ${peopleCount(estimate.n)})`
      : `${formatQuantity(estimate.share, 'fraction')} of engaged members are at ${target?.metric ? 'the clinical target' : 'target'} (n = ${groupDigits(estimate.n)}, 95% CI ${interval})${target?.targetPct != null ? ` against a ${target.targetPct}% target` : ''}`;
  return {
    key: 'goal-achievement',
    content: {
      kind: 'chart',
      title,
      subtitle: `Clinical outcomes${target?.metric ? `: ${lowerFirst(target.metric)}` : ''} · for ${member.label}`,
      chart: chart,
      altText: `Line chart of the share of engaged members at clinical target over twelve months${estimate && !suppressed ? `, ${formatQuantity(estimate.share, 'fraction')} in ${monthLabel(ctx.facts.reportMonth)}` : ''}, with contract target and benchmark lines.`,
      ...(estimate && !suppressed ? { callout: { figure: `n = ${groupDigits(estimate.n)}`, label: `engaged members; 95% CI ${interval}` } } : {}),
      footnote: chartFootnote(chart, ['vbc_members_at_clinical_target', 'vbc_engaged_members'], 'Interval: Wilson score, 95%. Before/after within the engaged group; no matched comparison group.'),
      notes: speakerNotes(
        [
          'Give the sample size and interval with the rate; the clinical lead will ask for both.',
          'This is achievement among engaged members, not a causal effect: the independent evaluation will use the contract\'s comparison method.',
        ],
        member,
        'proof',
      ),
    },
  };
}

/** Method and data completeness: the claims feed and eligibility file the evaluation depends on. */
export function dataCompletenessView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView | null {
  const { facts } = ctx;
  // Contract-wide data quality, read across the account's streams by the one evidence rule (the value slides quote the same).
  const recorded = facts.kpisRecorded('vbc_claims_completeness_pct');
  if (recorded.length === 0) return null;
  const completeness = facts.kpi(stream.id, 'vbc_claims_completeness_pct');
  const accuracy = facts.kpi(stream.id, 'vbc_eligibility_accuracy_pct');
  const completenessEvidence = facts.evidence(stream.id, 'vbc_claims_completeness_pct', facts.reportMonth);
  const accuracyEvidence = facts.evidence(stream.id, 'vbc_eligibility_accuracy_pct', facts.reportMonth);
  /** One series per stream when the streams' values conflict, so the chart shows both rather than one. */
  const seriesOf = (key: 'vbc_claims_completeness_pct' | 'vbc_eligibility_accuracy_pct', kpi: KpiResult | undefined, conflicting: boolean) =>
    conflicting
      ? facts.kpisRecorded(key).map((entry) => ({ id: `${entry.kpi.key}_${entry.stream.id}`, label: `${entry.kpi.label} · ${entry.stream.name}`, values: entry.kpi.history.map((p) => p.value), unit: 'percent' as const }))
      : kpi
        ? [{ id: kpi.key, label: kpi.label, values: kpi.history.map((p) => p.value), unit: 'percent' as const }]
        : [];
  const base = kpiLineChart(completeness ?? recorded[0]!.kpi);
  const chart: ChartSpec = {
    ...base,
    id: 'data_completeness',
    title: 'Evaluation data quality',
    series: [...seriesOf('vbc_claims_completeness_pct', completeness, completenessEvidence.status === 'conflict'), ...seriesOf('vbc_eligibility_accuracy_pct', accuracy, accuracyEvidence.status === 'conflict')],
    axisTitles: { y: 'Percent complete / accurate' },
    targetLines: [{ label: 'Critical line (90%)', value: 90, unit: 'percent' }],
  };
  const completenessGap = evidenceGapPhrase(facts, completenessEvidence, 'percent');
  const accuracyGap = evidenceGapPhrase(facts, accuracyEvidence, 'percent');
  const completenessClause = completenessGap || !completeness ? `Claims-data completeness ${completenessGap ?? `is not recorded for ${monthLabel(facts.reportMonth)}`}` : kpiSentence(completeness);
  const accuracyClause = `eligibility-file accuracy ${accuracyGap ?? `is ${kpiValueText(accuracy)}`}`;
  // The title names any conflict; the footnote says where figures recorded on another stream come from.
  const source = borrowedEvidenceNote(facts, stream, [
    { label: 'Claims-data completeness', evidence: completenessEvidence, unit: 'percent' },
    { label: 'Eligibility-file accuracy', evidence: accuracyEvidence, unit: 'percent' },
  ]);
  return {
    key: 'data-completeness',
    content: {
      kind: 'chart',
      title: `${completenessClause}; ${accuracyClause}`,
      subtitle: `Method and data completeness · for ${member.label}`,
      chart: chart,
      altText: `Line chart of claims-data completeness${accuracy ? ' and eligibility-file accuracy' : ''} over twelve months; completeness ${completenessGap ?? `${kpiValueText(completeness)} in ${monthLabel(facts.reportMonth)}`}.`,
      footnote: chartFootnote(chart, ['vbc_claims_completeness_pct', 'vbc_eligibility_accuracy_pct'], source),
      notes: speakerNotes(
        [
          'A data gap found at the end of the measurement period cannot be fixed; found now, it can.',
          'Check claims completeness, eligibility accuracy and risk scores every month as part of the operating rhythm.',
        ],
        member,
        'proof',
      ),
    },
  };
}
