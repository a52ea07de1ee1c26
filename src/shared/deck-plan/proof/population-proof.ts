import { pmpmEngagementChart } from '../../charts/kpi-charts';
import { monthLabel } from '../deck-period';
import type { AudienceMember, DeckPlanStream } from '../deck-plan-types';
import { changeCell, kpiSentence, kpiValueText } from '../kpi-sentence';
import { speakerNotes } from '../likely-questions';
import { chartFootnote, kpiFootnote, quarterFootnote, type SlideContext } from '../slide-context';
import { joinPhrases, peopleCount, periodTotalText, periodTotalTile } from '../value-format';
import { numericTerm, outcomeValue, pmpmFeePerActiveMember, pmpmQuarterFees, savingsEvidence, type SavingsEvidence } from '../value-numbers';
import type { KpiTile } from '../../deck/deck-document';
import { storyFor } from '../framework-reading';
import type { ProofView } from './proof-view';
import { kpiTileStanding } from '../kpi-standing';
import { evidenceCaption, evidenceNote } from '../evidence-words';
import { formatQuantity, groupDigits, NOT_AVAILABLE } from '../../format/quantity';

/*
 * Evidence for population programs (PMPM / PEPM and the population side of hybrids): the buyer
 * pays per eligible member whatever the engagement, so the renewal rests on visible engagement now
 * and on savings that usually need claims the vendor does not hold.
 */

/** The savings tile: "Savings vs matched cohort" when proven, else "Estimated savings" marked Not yet proven. */
function savingsTile(period: string, savings: SavingsEvidence): KpiTile {
  const value = periodTotalText(savings.total, (amount) => formatQuantity(amount, 'usd'));
  if (savings.proven) return { label: `Savings vs matched cohort, ${period}`, value, status: savings.total!.value! > 0 ? 'good' : 'risk' };
  return { label: `Estimated savings, ${period}`, value, status: savings.total ? 'watch' : 'neutral', ...(savings.total ? { caption: 'Not yet proven' } : {}) };
}

/** A tile with the line that says where its figure comes from or why it has none, when there is one. */
function withCaption(tile: KpiTile, caption: string | undefined): KpiTile {
  return caption ? { ...tile, caption } : tile;
}

/** The footnote's word on the savings method, with the caveats when the figure is not yet proof. */
function savingsNote(savings: SavingsEvidence): string {
  const method = 'Savings need a pre-specified matched-cohort method on complete claims with run-out.';
  return savings.total && !savings.proven ? `${method} Not yet proven: ${joinPhrases(savings.caveats)}.` : method;
}

/** Dollar figure: what the program cost this quarter, per engaged member, against savings if known. */
export function pmpmSpendView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView {
  const { facts } = ctx;
  const fees = pmpmQuarterFees(facts, stream);
  const perActive = pmpmFeePerActiveMember(facts, stream);
  const savingsCase = savingsEvidence(facts, stream);
  const savings = savingsCase.total?.value ?? null;
  const costTrend = outcomeValue(facts, stream, 'outcome_cost_trend_vs_benchmark_pct', 'last');
  const feesText = periodTotalText(fees.total, (value) => formatQuantity(value, 'usd'));
  const perActiveText = formatQuantity(perActive.value, 'usd');
  const savingsClause =
    savingsCase.proven
      ? `; a matched-cohort analysis shows ${formatQuantity(savings, 'usd')} saved`
      : savingsCase.total
        ? `; matched-cohort savings of ${periodTotalText(savingsCase.total, (value) => formatQuantity(value, 'usd'))} are an estimate, not yet proven`
        : '; savings are not yet validated on claims';
  const title = fees.total?.value != null
    ? `The program cost ${feesText} in ${facts.period}, ${perActiveText ?? 'an unknown amount'} per engaged member per month${savingsClause}`
    : fees.total
      ? `Program fees for ${facts.period} cannot be totalled: ${feesText}; ${perActiveText ?? 'an unknown amount'} per engaged member in ${monthLabel(facts.reportMonth)}${savingsClause}`
    : 'Program cost per engaged member cannot be shown: the contract rate or member counts are missing';
  // The assumptions behind each dollar figure sit on the slide, next to the figure.
  const rate = numericTerm(stream, 'ratePerMonthUsd');
  const unit = stream.terms.unit === 'employee' ? 'employee' : 'member';
  const active = facts.observed(stream.id, 'pmpm_active_members', facts.reportMonth);
  const eligible = facts.observed(stream.id, 'pmpm_eligible_members', facts.reportMonth) ?? numericTerm(stream, 'eligiblePopulation');
  // Short enough for the line under a tile's value, and multiplying out to the period's total: the
  // members are named only when every month of the period billed the same number, and the months are counted.
  const monthsBilled = facts.quarterMonths.length;
  const eligibleEachMonth = facts.quarterMonths.map((month) => facts.observed(stream.id, 'pmpm_eligible_members', month) ?? numericTerm(stream, 'eligiblePopulation'));
  const sameEachMonth = eligibleEachMonth.every((count) => count !== null && count === eligibleEachMonth[0]);
  const members = sameEachMonth && eligible ? peopleCount(eligible) : `eligible ${unit}s`;
  const feeBasis = rate !== null ? `${formatQuantity(rate, 'usd')}${monthsBilled > 1 ? ` × ${members} × ${monthsBilled} mo` : `/mo × ${members}`}` : 'rate not recorded';
  const perActiveBasis = active ? `fee ÷ ${peopleCount(active)} active` : 'active members not recorded';
  const assumptions = savingsCase.total ? savingsNote(savingsCase) : 'No savings are assumed until a matched-cohort analysis on claims exists.';
  return {
    key: 'pmpm-spend',
    content: {
      kind: 'kpis',
      title,
      subtitle: `${storyFor(stream, member.archetype).costFrame} · for ${member.label}`,
      tiles: [
        // A missing month's note wins the line under the value; otherwise it carries the fee's basis.
        { label: `Fees, ${facts.period}`, delta: feeBasis, ...periodTotalTile(fees.total, (value) => formatQuantity(value, 'usd')), status: 'neutral' },
        { label: `Per engaged member, ${monthLabel(facts.reportMonth)}`, value: perActiveText, delta: perActiveBasis, status: 'neutral' },
        savingsTile(facts.period, savingsCase),
        { label: 'Cost trend vs benchmark', value: costTrend === null ? null : `${costTrend > 0 ? '+' : costTrend < 0 ? '−' : ''}${groupDigits(Math.abs(costTrend), 1)} pts`, status: costTrend === null ? 'neutral' : costTrend < 0 ? 'good' : 'risk' },
      ],
      footnote: quarterFootnote(ctx, ['pmpm_eligible_members', 'pmpm_active_members', 'outcome_matched_cohort_savings_usd', 'outcome_cost_trend_vs_benchmark_pct'], assumptions),
      notes: speakerNotes(
        [
          `The fee is paid per eligible member whatever the engagement: ${feesText ?? 'fees not available'} in ${facts.period}.`,
          perActiveText ? `Per engaged member that is ${perActiveText} a month; raising engagement lowers this number without changing the invoice.` : 'Active members are not recorded, so cost per engaged member is unknown.',
          savings === null ? 'Say plainly that savings are not yet validated; offer the claims-extract and matched-cohort plan on the evidence-gaps slide.' : 'Walk through how the matched cohort was built before quoting the savings.',
        ],
        member,
        'value',
      ),
    },
  };
}

/** Engagement and satisfaction trends of the eligible population. */
export function pmpmEngagementView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView | null {
  const streamKpis = ctx.facts.streamKpis(stream.id);
  const chart = streamKpis ? pmpmEngagementChart(streamKpis) : null;
  const engagement = ctx.facts.kpi(stream.id, 'pmpm_engagement_rate');
  if (!chart || !engagement) return null;
  const nps = ctx.facts.kpi(stream.id, 'pmpm_nps');
  const retention = ctx.facts.kpi(stream.id, 'pmpm_retention_30d_rate');
  return {
    key: 'pmpm-engagement',
    content: {
      kind: 'chart',
      title: kpiSentence(engagement, 'year'),
      subtitle: `Engagement and satisfaction · for ${member.label}`,
      chart: chart,
      altText: `Line chart of enrollment and engagement as shares of the eligible population over twelve months; engagement ${kpiValueText(engagement)} in ${monthLabel(ctx.facts.reportMonth)}.`,
      callout: { figure: kpiValueText(engagement), label: engagement.judgedAgainst?.calibrated ? `engaged, against ${engagement.judgedAgainst.phrase}` : `of the eligible population engaged in ${monthLabel(ctx.facts.reportMonth)}` },
      sideBullets: [
        { emphasis: 'Member NPS:', text: nps ? `${kpiValueText(nps)}${changeCell(nps, 'quarter') !== null ? ` (${changeCell(nps, 'quarter')} in three months)` : ''}` : 'not recorded' },
        { emphasis: '30-day retention:', text: retention ? kpiValueText(retention) : 'not recorded' },
      ],
      footnote: chartFootnote(chart, ['pmpm_eligible_members', 'pmpm_enrolled_members', 'pmpm_active_members', 'pmpm_nps']),
      notes: speakerNotes(
        [
          'The invoice arrives whether or not members engage; renewal is decided on whether engagement is visible enough to justify the spend.',
          nps ? `${kpiSentence(nps)}.` : 'No satisfaction measure is recorded; propose an in-app NPS.',
        ],
        member,
        'engagement',
      ),
    },
  };
}

/** Clinical outcomes of engaged members (biometrics, HEDIS) with the sample behind them. */
export function populationOutcomesView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView | null {
  const { facts } = ctx;
  const biometric = outcomeValue(facts, stream, 'outcome_biometric_improvement_pct', 'last');
  const hedis = outcomeValue(facts, stream, 'outcome_hedis_measure_lift_pct', 'last');
  if (biometric === null && hedis === null) return null;
  const active = facts.observed(stream.id, 'pmpm_active_members', facts.reportMonth);
  return {
    key: 'population-outcomes',
    content: {
      kind: 'kpis',
      title:
        biometric !== null
          ? `${formatQuantity(biometric, 'percent')} of engaged members improved their tracked biometric${active ? ` (n = ${peopleCount(active)})` : ''}`
          : `The targeted HEDIS measure moved ${groupDigits(hedis!, 1)} points against baseline`,
      subtitle: `Clinical outcomes · for ${member.label}`,
      tiles: [
        { label: 'Biometric improvement', value: formatQuantity(biometric, 'percent'), status: biometric === null ? 'neutral' : 'good' },
        { label: 'HEDIS measure lift', value: hedis === null ? null : `${groupDigits(hedis, 1)} pts`, status: hedis === null ? 'neutral' : hedis > 0 ? 'good' : 'risk' },
        { label: 'Engaged members (sample size)', value: peopleCount(active), status: 'neutral' },
      ],
      footnote: quarterFootnote(ctx, ['outcome_biometric_improvement_pct', 'outcome_hedis_measure_lift_pct', 'pmpm_active_members'], 'No comparison group is recorded, so these are before/after changes, not causal effects.'),
      notes: speakerNotes(['State the sample size with every outcome figure, and that there is no matched comparison group yet.'], member, 'proof'),
    },
  };
}

/** Savings validation: matched-cohort savings and the data that must be complete before anyone accepts them. */
export function savingsValidationView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView {
  const { facts } = ctx;
  const savingsCase = savingsEvidence(facts, stream);
  const savingsText = periodTotalText(savingsCase.total, (value) => formatQuantity(value, 'usd'));
  // Contract-wide data quality: read across the account's streams by the one evidence rule.
  const completeness = facts.kpi(stream.id, 'vbc_claims_completeness_pct');
  const accuracy = facts.kpi(stream.id, 'vbc_eligibility_accuracy_pct');
  const completenessEvidence = facts.evidence(stream.id, 'vbc_claims_completeness_pct', facts.reportMonth);
  const accuracyEvidence = facts.evidence(stream.id, 'vbc_eligibility_accuracy_pct', facts.reportMonth);
  const riskEvidence = facts.latestEvidence(stream.id, 'vbc_avg_risk_score');
  const risk = riskEvidence.status === 'recorded' ? riskEvidence : null;
  const enrolledKey = stream.revenueModel === 'value_based' ? 'vbc_enrolled_members' : 'pmpm_enrolled_members';
  const enrolled = facts.observed(stream.id, enrolledKey, facts.reportMonth);
  const completenessText = completeness ? kpiValueText(completeness) : null;
  const title = savingsCase.proven
    ? `${savingsText} saved against a matched cohort in ${facts.period}${completenessText ? `, on claims ${completenessText} complete` : ''}`
    : savingsCase.total
      ? `Matched-cohort savings of ${savingsText} in ${facts.period} are an estimate, not yet proven`
      : `Savings are not yet validated on claims${completeness && completeness.current.value !== null ? `: claims completeness is ${completenessText}` : ''} and no matched-cohort result exists`;
  // The footnote cites the feeds behind the tiles, a conflicting one included.
  const kpis = [completeness ?? facts.kpisRecorded('vbc_claims_completeness_pct')[0]?.kpi, accuracy ?? facts.kpisRecorded('vbc_eligibility_accuracy_pct')[0]?.kpi].filter((k) => k !== undefined);
  const sourceNote = evidenceNote(facts, stream, [
    { label: 'Claims-data completeness', evidence: completenessEvidence, unit: 'percent' },
    { label: 'Eligibility-file accuracy', evidence: accuracyEvidence, unit: 'percent' },
    { label: 'Average risk score', evidence: riskEvidence, unit: 'score' },
  ]);
  const note = [savingsNote(savingsCase), sourceNote].filter(Boolean).join(' ');
  // Judged as the scorecard judges it (kpi-standing.ts); a completeness the savings case cannot use stays red.
  const completenessTile = kpiTileStanding(completeness, stream, facts.input.goals);
  const completenessStanding = savingsCase.caveats.some((c) => c.startsWith('claims ')) ? { ...completenessTile, status: 'risk' as const } : completenessTile;
  return {
    key: 'savings-validation',
    content: {
      kind: 'kpis',
      title,
      subtitle: `Claims-validated method · for ${member.label}`,
      tiles: [
        savingsTile(facts.period, savingsCase),
        withCaption({ label: `Claims-data completeness, ${monthLabel(facts.reportMonth)}`, value: completeness ? formatQuantity(completeness.current.value, 'percent') : null, ...completenessStanding }, evidenceCaption(completenessEvidence)),
        withCaption({ label: `Eligibility-file accuracy, ${monthLabel(facts.reportMonth)}`, value: accuracy ? formatQuantity(accuracy.current.value, 'percent') : null, ...kpiTileStanding(accuracy, stream, facts.input.goals) }, evidenceCaption(accuracyEvidence)),
        withCaption({ label: `Average risk score, ${monthLabel(riskEvidence.month)}`, value: risk ? groupDigits(risk.value, 2) : null, status: 'neutral' }, evidenceCaption(riskEvidence)),
        ...(savingsCase.requiredSample !== null
          ? [{ label: `Engaged vs sample needed, ${monthLabel(facts.reportMonth)}`, value: `${peopleCount(savingsCase.engaged) ?? NOT_AVAILABLE} / ${peopleCount(savingsCase.requiredSample)}`, status: (savingsCase.engaged ?? 0) >= savingsCase.requiredSample ? 'good' : 'risk', caption: 'Power calculation' } satisfies KpiTile]
          : []),
        { label: `Enrolled members, ${monthLabel(facts.reportMonth)}`, value: peopleCount(enrolled), status: 'neutral' },
      ],
      footnote: kpis.length > 0 ? kpiFootnote(ctx, kpis, note) : quarterFootnote(ctx, ['outcome_matched_cohort_savings_usd', enrolledKey], note),
      notes: speakerNotes(
        [
          'Only savings validated on claims against a matched cohort will be accepted; do not quote engagement as a proxy for savings.',
          ...(savingsCase.total && !savingsCase.proven ? [`Call the savings figure an estimate until ${joinPhrases(savingsCase.caveats)} ${savingsCase.caveats.length === 1 ? 'is' : 'are'} resolved.`] : []),
          completeness && completeness.quarterOverQuarter.delta !== null && completeness.quarterOverQuarter.delta < 0
            ? `${kpiSentence(completeness)}: a data gap now becomes a dispute at settlement; ask for the fix this month.`
            : 'Check claims completeness and eligibility accuracy monthly from day one.',
          'Risk adjustment must be defined before measurement: a sicker population can hide real savings.',
        ],
        member,
        'proof',
      ),
    },
  };
}
