import { addMonths } from '../../calendar';
import { monthsBetween } from '../month-span';
import type { SignalDraft } from './signal';
import { kpiEvidence, kpiValueAt, pct, type SignalDataContext } from './signal-context';

/*
 * SaaS adoption erosion: weekly active users below half the licensed seats three months after
 * go-live is a structural problem (workflow friction, integration depth), not a training gap.
 */

export const SAAS_SIGNAL_THRESHOLDS = {
  /** Weekly active users ÷ licensed seats below this after month three fires. */
  weeklyActiveRateFloor: 0.5,
  /** Below this, critical. */
  weeklyActiveRateCritical: 0.4,
  /** Months after go-live before the floor applies. */
  monthsAfterGoLive: 3,
  /** A fall of this many points over six months is erosion even above the floor. */
  erosionPointsIn6Months: 0.15,
} as const;

/** Weekly active users under 50% of seats from month three after go-live, or falling fast. */
export function saasAdoptionErosionSignals(context: SignalDataContext): SignalDraft[] {
  const t = SAAS_SIGNAL_THRESHOLDS;
  return context.streams
    .filter((input) => input.kpiKeys.has('saas_weekly_active_rate'))
    .flatMap((input): SignalDraft[] => {
      const rate = kpiValueAt(input, 'saas_weekly_active_rate', context.month);
      if (rate.value === null) return [];
      const termGoLive = input.stream.terms.goLiveDate;
      const goLive = typeof termGoLive === 'string' ? termGoLive : (input.stream.startDate ?? context.contractStartDate);
      const goLiveSource = typeof termGoLive === 'string' ? 'terms.goLiveDate' : input.stream.startDate ? 'stream start date' : 'contract start date';
      const months = goLive ? monthsBetween(goLive, context.month) : null;
      if (months !== null && months < t.monthsAfterGoLive) return [];
      const earlier = kpiValueAt(input, 'saas_weekly_active_rate', addMonths(context.month, -6));
      const fall = earlier.value !== null ? earlier.value - rate.value : null;
      const belowFloor = rate.value < t.weeklyActiveRateFloor;
      const eroding = fall !== null && fall >= t.erosionPointsIn6Months;
      if (!belowFloor && !eroding) return [];
      const severity = rate.value < t.weeklyActiveRateCritical || (belowFloor && eroding) ? 'critical' : 'warning';
      return [
        {
          key: 'saas_adoption_erosion',
          headlineIndex: 0,
          severity,
          streamId: input.stream.id,
          headline: 'Adoption eroding',
          explanation:
            `${pct(rate.value)} of licensed seats are active weekly` +
            (earlier.value !== null ? `, down from ${pct(earlier.value)} six months ago` : '') +
            (months !== null ? `, ${months} months after go-live (from the ${goLiveSource})` : ' (go-live date unknown)') +
            `. Below ${pct(t.weeklyActiveRateFloor)} past month ${t.monthsAfterGoLive} is structural — usually workflow friction such as copy-pasting between the EHR and the platform — and procurement will cut seats at renewal.`,
          play: {
          summary: 'Treat falling adoption as a structural problem, not a training gap.',
          steps: ['Find where users fall back to spreadsheets or copy data between systems.', 'Fix integration depth with the IT lead.', 'Give the executive sponsor a usage-to-value bridge (e.g. care gaps closed per active user) on a cadence separate from the operational meetings.'],
        },
          evidence: [
            kpiEvidence('Weekly active users ÷ licensed seats', rate, 'fraction'),
            kpiEvidence('Six months earlier', earlier, 'fraction'),
            { label: 'Months since go-live', value: months, unit: 'months' },
            { label: 'Go-live date used', value: goLive ?? null, unit: 'date' },
          ],
        },
      ];
    });
}
