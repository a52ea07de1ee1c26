import { daysBetween } from '../../calendar';
import { engagementBenchmark, GENERIC_ENGAGEMENT_LINE } from '../../framework/value-story';
import type { KpiValue } from '../kpi-value';
import { kpiEvidence, kpiValueAt, pct, usd, type DayRule } from './signal-context';

/*
 * The guaranteed-revenue trap: a flat PMPM/PEPM invoice is paid whatever the engagement, so revenue
 * looks healthy until the renewal, when the sponsor must justify the spend with outcomes.
 */

export const PMPM_SIGNAL_THRESHOLDS = {
  /**
   * Engagement (active ÷ eligible) below this is "a fraction of the eligible population" — the
   * generic line; a population-calibrated benchmark replaces it (framework/value-story.ts).
   */
  engagementLow: GENERIC_ENGAGEMENT_LINE,
  /** Renewal within this many days counts as approaching. */
  renewalWindowDays: 180,
  /** Within this many days, critical. */
  renewalCriticalDays: 90,
} as const;

/** A guaranteed-fee stream whose engagement is under its population's line, with the numbers the signal shows. */
interface UnderEngagedStream {
  streamId: string;
  engagement: KpiValue & { value: number };
  enrollment: KpiValue;
  revenue: KpiValue;
}

/** Low engagement of the eligible population on a guaranteed PMPM/PEPM fee, with renewal approaching. */
export const pmpmGuaranteedRevenueTrapSignals: DayRule<{ renewalDate: string | null; streams: UnderEngagedStream[] }> = {
  gather(context) {
    if (!context.renewalDate) return { renewalDate: null, streams: [] };
    const streams = context.streams
      .filter((input) => input.stream.revenueModel === 'pmpm_pepm' && input.stream.terms.enrollmentBased !== true)
      .flatMap((input): UnderEngagedStream[] => {
        const engagement = kpiValueAt(input, 'pmpm_engagement_rate', context.month);
        // Judged against the line that fits the population: a Medicaid plan is never held to the generic one.
        const line = engagementBenchmark(input.stream.paymentEnvironment, input.stream.terms).value;
        if (engagement.value === null || line === null || engagement.value >= line) return [];
        return [
          {
            streamId: input.stream.id,
            engagement: { ...engagement, value: engagement.value },
            enrollment: kpiValueAt(input, 'pmpm_enrollment_rate', context.month),
            revenue: kpiValueAt(input, 'pmpm_monthly_revenue_usd', context.month),
          },
        ];
      });
    return { renewalDate: context.renewalDate, streams };
  },
  decide({ renewalDate, streams }, today) {
    const t = PMPM_SIGNAL_THRESHOLDS;
    if (!renewalDate) return [];
    const daysToRenewal = daysBetween(today, renewalDate);
    if (daysToRenewal < 0 || daysToRenewal > t.renewalWindowDays) return [];
    return streams.map(({ streamId, engagement, enrollment, revenue }) => ({
      key: 'pmpm_guaranteed_revenue_trap',
      headlineIndex: 0,
      severity: daysToRenewal <= t.renewalCriticalDays ? 'critical' : 'warning',
      streamId,
      headline: 'Guaranteed revenue, unproven value, renewal approaching',
      explanation:
        `Only ${pct(engagement.value)} of the eligible population is active, yet the ${revenue.value !== null ? `${usd(revenue.value)} monthly ` : ''}invoice is paid regardless. ` +
        `Renewal is ${daysToRenewal} days away: the sponsor will have to justify the spend to their CFO, and low engagement with no outcomes story reads as an expensive line item.`,
      play: {
        summary: 'Run a multichannel activation push now and build the outcomes story for the renewal.',
        steps: ['Build personas and A/B-tested campaigns for the eligible population.', 'Give the client manager, intranet and email toolkits they can deploy themselves.', 'Build an outcomes story from the engaged members for the renewal meeting.'],
      },
      evidence: [
        kpiEvidence('Engagement rate (active ÷ eligible)', engagement, 'fraction'),
        kpiEvidence('Enrollment rate', enrollment, 'fraction'),
        kpiEvidence('Monthly contract revenue', revenue, 'usd'),
        { label: 'Days to renewal', value: daysToRenewal, unit: 'days' },
        { label: 'Renewal date', value: renewalDate, unit: 'date' },
      ],
    }));
  },
};
