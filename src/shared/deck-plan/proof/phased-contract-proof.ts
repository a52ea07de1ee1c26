import { hybridSwitchoverChart } from '../../charts/kpi-charts';
import { monthLabel } from '../deck-period';
import type { AudienceMember, DeckPlanStream } from '../deck-plan-types';
import { speakerNotes } from '../likely-questions';
import { chartFootnote, type SlideContext } from '../slide-context';
import { isSmallCell } from '../../metrics/small-cells';
import { peopleCount, SUPPRESSED_SHARE_TEXT } from '../value-format';
import { numericTerm } from '../value-numbers';
import type { ProofView } from './proof-view';
import { formatQuantity, groupDigits } from '../../format/quantity';

/*
 * Phased hybrid contracts (annual minimum → case rate → PEPM switchover): before switchover every
 * activation earns revenue; after it, fees are per eligible employee and retention wins renewal.
 * The buyer's finance team wants to know what the switchover will cost before it happens.
 */

/** Activated users against the switchover threshold, and the monthly fee after switchover. */
export function switchoverView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView | null {
  const { facts } = ctx;
  const activated = facts.latest(stream.id, 'hybrid_activated_users');
  const threshold = numericTerm(stream, 'switchoverThresholdUsers');
  const pepm = numericTerm(stream, 'pepmRateUsd');
  const eligible = numericTerm(stream, 'eligiblePopulation');
  const minimum = numericTerm(stream, 'annualMinimumUsd');
  const caseRate = numericTerm(stream, 'caseRateUsd');
  const streamKpis = facts.streamKpis(stream.id);
  const chart = streamKpis ? hybridSwitchoverChart(streamKpis) : null;
  if (!activated || threshold === null || !chart) return null;
  const progress = activated.value / threshold;
  const monthlyAfter = pepm !== null && eligible !== null ? pepm * eligible : null;
  const remaining = Math.max(0, threshold - activated.value);
  // 1-10 activated users would be given away by the count, the share of the threshold and what remains.
  const small = isSmallCell(activated.value);
  // "Under the contract": the count toward the switchover, not the Engagement Gate's members active in the month.
  const asOf = `By ${monthLabel(activated.month)}`;
  const title = small
    ? `${asOf}, ${peopleCount(activated.value)} users had activated under the contract, against a ${groupDigits(threshold)}-user switchover threshold; progress is ${SUPPRESSED_SHARE_TEXT}`
    : progress >= 1
      ? `${asOf}, ${groupDigits(activated.value)} users had activated under the contract: it has switched to PEPM${monthlyAfter !== null ? ` at ${formatQuantity(monthlyAfter, 'usd')} a month` : ''}`
      : `${asOf}, ${groupDigits(activated.value)} of ${groupDigits(threshold)} users had activated under the contract (${formatQuantity(progress, 'fraction')}); ${groupDigits(remaining)} more trigger the PEPM switchover${monthlyAfter !== null ? ` at ${formatQuantity(monthlyAfter, 'usd')} a month` : ''}`;
  return {
    key: 'hybrid-switchover',
    content: {
      kind: 'chart',
      title,
      subtitle: `Phased contract economics · for ${member.label}`,
      chart: { ...chart, title: 'Progress to switchover' },
      altText: `Column chart of activated users as a share of the ${groupDigits(threshold)}-user switchover threshold over twelve months${small ? '' : `, ${formatQuantity(progress, 'fraction')} in ${monthLabel(activated.month)}`}.`,
      sideBullets: [
        { emphasis: 'Annual minimum:', text: formatQuantity(minimum, 'usd') ?? 'not recorded' },
        { emphasis: 'Case rate:', text: caseRate === null ? 'not recorded' : `${formatQuantity(caseRate, 'usd')} per activated user above the minimum` },
        { emphasis: 'After switchover:', text: monthlyAfter === null ? 'PEPM rate or eligible population not recorded' : `${formatQuantity(pepm, 'usd')} × ${groupDigits(eligible!)} employees = ${formatQuantity(monthlyAfter, 'usd')} a month (${formatQuantity(monthlyAfter * 12, 'usd')} a year)` },
      ],
      footnote: chartFootnote(chart, ['hybrid_activated_users'], 'Fees after switchover computed from the contract terms recorded for this stream.'),
      notes: speakerNotes(
        [
          'Protect the base revenue first, then pursue the upside.',
          progress >= 1 ? 'Past switchover, CS shifts from activation to sustained engagement and an ROI story for the CFO.' : 'Before switchover the quarter is activation-critical: every activation above the minimum earns the case rate.',
          'Walk finance through the reconciliation at switchover so the step in fees is expected, not a surprise.',
        ],
        member,
        'value',
      ),
    },
  };
}
