import { linearRegression } from 'simple-statistics';
import { daysBetween, monthsEndingAt } from '../../calendar';
import type { KpiValue } from '../kpi-value';
import type { SignalDraft } from './signal';
import { count, kpiEvidence, kpiValueAt, pct, type DayRule } from './signal-context';

/*
 * Phased hybrid contracts flip from activation-critical to retention-critical at the switchover
 * threshold; the CSM needs to know which side they are on and how far the line is.
 */

const AVERAGE_DAYS_PER_MONTH = 30.44;

/** A phased stream before or past its switchover, with the numbers the signal shows. */
interface SwitchoverStream {
  streamId: string;
  progress: KpiValue & { value: number };
  users: number;
  threshold: number;
  /** Activations per month over the last 6 months (null: fewer than 3 months known). */
  pacePerMonth: number | null;
}

/** Phase and distance to the switchover threshold, with the pace needed before renewal. */
export const hybridSwitchoverSignals: DayRule<{ renewalDate: string | null; streams: SwitchoverStream[] }> = {
  gather(context) {
    const streams = context.streams
      .filter((input) => input.kpiKeys.has('hybrid_switchover_progress'))
      .flatMap((input): SwitchoverStream[] => {
        const progress = kpiValueAt(input, 'hybrid_switchover_progress', context.month);
        const threshold = input.reader.term('switchoverThresholdUsers').input?.value;
        const users = input.reader.metric('hybrid_activated_users', context.month).input?.value;
        if (progress.value === null || threshold === undefined || users === undefined) return [];
        const points = monthsEndingAt(context.month, 6)
          .map((month, i) => [i, input.reader.metric('hybrid_activated_users', month).input?.value] as const)
          .filter((p): p is readonly [number, number] => p[1] !== undefined)
          .map(([x, y]) => [x, y]);
        const pacePerMonth = points.length >= 3 ? linearRegression(points).m : null;
        return [{ streamId: input.stream.id, progress: { ...progress, value: progress.value }, users, threshold, pacePerMonth }];
      });
    return { renewalDate: context.renewalDate, streams };
  },
  decide({ renewalDate, streams }, today) {
    return streams.map(({ streamId, progress, users, threshold, pacePerMonth }): SignalDraft => {
      if (progress.value >= 1) {
        return {
          key: 'hybrid_switchover_phase',
          headlineIndex: 0,
          severity: 'info',
          streamId,
          headline: 'Past the switchover: retention mode',
          explanation: `${count(users)} activated users has crossed the ${count(threshold)} switchover. Revenue is now population-based, so sustained engagement and demonstrated value decide the renewal, not new activations.`,
          play: {
            summary: 'Shift from activation to retention and an executive ROI narrative.',
            steps: ['Move effort from activation campaigns to sustained engagement.', 'Build the executive ROI narrative for the CFO.', 'Confirm how the financial reconciliation at switchover is calculated.'],
          },
          evidence: [kpiEvidence('Progress to switchover', progress, 'fraction'), { label: 'Activated users', value: users, unit: 'count' }, { label: 'Switchover threshold', value: threshold, unit: 'count' }],
        };
      }
      const remaining = threshold - users;
      const monthsToSwitchover = pacePerMonth !== null && pacePerMonth > 0 ? remaining / pacePerMonth : null;
      const monthsToRenewal = renewalDate ? daysBetween(today, renewalDate) / AVERAGE_DAYS_PER_MONTH : null;
      const late = monthsToRenewal !== null && (monthsToSwitchover === null || monthsToSwitchover > monthsToRenewal);
      return {
        key: 'hybrid_switchover_phase',
        headlineIndex: 0,
        severity: late ? 'warning' : 'info',
        streamId,
        headline: 'Before the switchover: activation mode',
        explanation:
          `${count(users)} of ${count(threshold)} users activated (${pct(progress.value)}); ${count(remaining)} to go. ` +
          (monthsToSwitchover !== null ? `At the recent pace of about ${Math.round(pacePerMonth!)} a month that is ${monthsToSwitchover.toFixed(1)} months` : 'Activations are not growing') +
          (monthsToRenewal !== null ? `, with renewal in ${monthsToRenewal.toFixed(1)} months.` : '.') +
          (late ? ' At this pace the switchover will not happen before renewal.' : ''),
        play: {
          summary: 'Run the activation engine hard until the switchover.',
          steps: ['Run activation campaigns, co-branded assets and manager toolkits.', 'Prepare the buyer for what the switchover changes in pricing and in how we work together.'],
        },
        evidence: [
          kpiEvidence('Progress to switchover', progress, 'fraction'),
          { label: 'Activated users', value: users, unit: 'count' },
          { label: 'Switchover threshold', value: threshold, unit: 'count' },
          { label: 'Activations per month (6-month trend)', value: pacePerMonth === null ? null : Math.round(pacePerMonth), unit: 'count' },
          { label: 'Months to switchover at this pace', value: monthsToSwitchover === null ? null : Number(monthsToSwitchover.toFixed(1)), unit: 'months' },
          { label: 'Months to renewal', value: monthsToRenewal === null ? null : Number(monthsToRenewal.toFixed(1)), unit: 'months' },
        ],
      };
    });
  },
};
