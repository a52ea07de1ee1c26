import { addMonths } from '../../calendar';
import { formatQuantityRange } from '../../format/quantity';
import { valueStory } from '../../framework/value-story';
import { MANAGEMENT_CAPTURE_TARGET, managementCodeLeakage } from '../rpm-leakage';
import type { SignalDraft, SignalPlay } from './signal';
import { kpiEvidence, kpiValueAt, pct, type SignalDataContext, type StreamSignalInput } from './signal-context';

/*
 * RPM signals. Under the 2026 codes billing eligibility drifts toward 100% however little patients
 * use their devices, so healthy billing can hide shallow engagement (decoupling), and device codes
 * can be billed while the management codes that need documented clinician time are missed (leakage).
 */

/** Thresholds for the RPM signals; documented defaults. */
export const RPM_SIGNAL_THRESHOLDS = {
  /** Billing eligibility at or above this counts as "near 100%". */
  billingEligibilityHigh: 0.8,
  /** Average device days below this is shallow engagement (the 99454 tier starts at 16). */
  deviceDaysShallow: 16,
  /** Below this, too little data to act on clinically: critical. */
  deviceDaysCritical: 12,
  /** Management-code capture the leakage estimate aims for (share of device-billed patients). */
  managementCaptureTarget: MANAGEMENT_CAPTURE_TARGET,
  /** Capture below this raises a warning; below the critical level, a critical signal. */
  managementCaptureWarning: 0.7,
  managementCaptureCritical: 0.5,
} as const;

function rpmStreams(context: SignalDataContext): StreamSignalInput[] {
  return context.streams.filter((input) => input.kpiKeys.has('rpm_billing_eligibility_rate'));
}

/**
 * The decoupling told in the buyer's story: a practice billing per service hears "revenue without
 * clinical value"; a capitated or shared-savings buyer pays for the program and needs it to prevent
 * events, so it hears "monitoring too shallow to prevent readmissions" (framework/value-story.ts).
 */
function decouplingFraming(
  stream: StreamSignalInput['stream'],
  eligibility: number,
  days: number,
  earlierDays: number | null,
  gap: number,
): { headline: string; explanation: string; play: SignalPlay } {
  const story = valueStory({ model: stream.revenueModel, environment: stream.paymentEnvironment });
  const trend = earlierDays !== null ? ` (down from ${earlierDays.toFixed(1)} six months ago)` : '';
  if (story.orientation !== 'reducing_costs') {
    return {
      headline: 'Billing looks healthy, engagement does not',
      explanation:
        `${pct(eligibility)} of enrolled patients are billing-eligible, but they average only ${days.toFixed(1)} device days a month${trend}. ` +
        `Since 2026 two days of data bills the same as 25, so revenue no longer shows whether patients are engaged enough to improve. ` +
        `The ${pct(gap)} gap is panel generating revenue without clinical value — the renewal risk.`,
      play: {
        summary: 'Lead the engagement conversation with average device days, not billing eligibility.',
        steps: ['Segment the patients averaging under 8 device days a month.', 'Run an adherence outreach: reminders, device troubleshooting and provider nudges.', 'Review the device-day trend with the clinical lead before the renewal conversation.'],
      },
    };
  }
  const holder = story.concepts.capitation ? 'The plan carries the cost of every readmission and ER visit' : 'Avoided readmissions and ER visits are where the savings come from';
  return {
    headline: 'Monitoring too shallow to prevent readmissions',
    explanation:
      `Patients average only ${days.toFixed(1)} device days a month${trend}, although ${pct(eligibility)} transmit enough to count as monitored. ` +
      `${holder}; a few days of readings a month is too little to catch a deterioration early, so the program costs money without protecting against the events it is paid to avoid. ` +
      `The ${pct(gap)} gap between monitored and clinically useful monitoring is the renewal risk.`,
    play: {
      summary: 'Raise monitoring depth where readmission risk is highest, and report events avoided.',
      steps: [
        'List recently discharged and high-risk patients averaging under 8 device days a month.',
        'Run outreach for them first: reminders, device troubleshooting and a care-manager call in the 7-14 days after discharge.',
        'Agree with the plan how readmissions and ER visits of monitored vs unmonitored patients are reported each month.',
      ],
    },
  };
}

/** Billing eligibility near 100% while average device days is low. */
export function rpmDecouplingSignals(context: SignalDataContext): SignalDraft[] {
  const t = RPM_SIGNAL_THRESHOLDS;
  return rpmStreams(context).flatMap((input): SignalDraft[] => {
    const eligibility = kpiValueAt(input, 'rpm_billing_eligibility_rate', context.month);
    const days = kpiValueAt(input, 'rpm_avg_device_days_per_patient', context.month);
    const gap = kpiValueAt(input, 'rpm_engagement_gap', context.month);
    if (eligibility.value === null || days.value === null || gap.value === null) return [];
    if (eligibility.value < t.billingEligibilityHigh || days.value >= t.deviceDaysShallow) return [];
    const earlier = kpiValueAt(input, 'rpm_avg_device_days_per_patient', addMonths(context.month, -6));
    const shortTier = kpiValueAt(input, 'rpm_short_tier_share', context.month);
    const severity = days.value < t.deviceDaysCritical ? 'critical' : 'warning';
    const framing = decouplingFraming(input.stream, eligibility.value, days.value, earlier.value, gap.value);
    return [
      {
        key: 'rpm_billing_engagement_decoupling',
        headlineIndex: 1,
        severity,
        streamId: input.stream.id,
        headline: framing.headline,
        explanation: framing.explanation,
        play: framing.play,
        evidence: [
          kpiEvidence('Billing-eligibility rate', eligibility, 'fraction'),
          kpiEvidence('Average device days per patient', days, 'days'),
          kpiEvidence('Gap (eligibility − days ÷ 30)', gap, 'fraction'),
          kpiEvidence('Average device days six months earlier', earlier, 'days'),
          kpiEvidence('Share of device claims on the 2-15 day code (99445)', shortTier, 'fraction'),
        ],
      },
    ];
  });
}

/**
 * Device codes billed, management codes under-captured: estimated revenue left on the table — only
 * where the buyer earns CPT reimbursement (a capitated plan does not).
 */
export function rpmManagementLeakageSignals(context: SignalDataContext): SignalDraft[] {
  const t = RPM_SIGNAL_THRESHOLDS;
  return rpmStreams(context).flatMap((input): SignalDraft[] => {
    if (!valueStory({ model: input.stream.revenueModel, environment: input.stream.paymentEnvironment }).concepts.cptBillingRevenue) return [];
    const capture = kpiValueAt(input, 'rpm_management_capture_rate', context.month);
    if (capture.value === null || capture.value >= t.managementCaptureWarning) return [];
    const leakage = managementCodeLeakage(input.reader, context.month);
    if (!leakage) return [];
    const { deviceBilledPatients: deviceBilled, managedPatients: managed, missedClaims: missedPatients, lowRate: briefRate, highRate: fullRate, monthlyUsd, ourMonthlyUsd, revenueShare: sharePct } = leakage;
    const rateDate = fullRate ? fullRate.asOf : 'unknown';
    const range = monthlyUsd ? formatQuantityRange(monthlyUsd.low, monthlyUsd.high, 'usd')! : 'an unknown amount (rates not set)';
    return [
      {
        key: 'rpm_management_code_leakage',
        headlineIndex: 0,
        severity: capture.value < t.managementCaptureCritical ? 'critical' : 'warning',
        streamId: input.stream.id,
        headline: 'Management codes under-captured',
        explanation:
          `Only ${pct(capture.value)} of the ${deviceBilled} device-billed patients had a management code (99470/99457) billed this month. ` +
          `Reaching ${pct(t.managementCaptureTarget)} would add about ${missedPatients} management claims — roughly ${range} a month to the practice at rates as of ${rateDate}` +
          (sharePct ? `, of which our ${sharePct.value}% share is ${formatQuantityRange(ourMonthlyUsd?.low ?? 0, ourMonthlyUsd?.high ?? 0, 'usd')}` : '') +
          '. Clinicians are usually doing the work but not documenting the qualifying time.',
        play: {
          summary: 'Close the management-code documentation gap with billing and the clinicians.',
          steps: ['Sit with billing and two clinicians to see where qualifying time goes undocumented.', 'Add documentation templates for 99470 (10-19 minutes) and 99457/99458 (20-minute blocks), and an EHR shortcut.', 'Show providers the reimbursement their documented time earns.', 'Re-check management-code capture next month.'],
        },
        evidence: [
          kpiEvidence('Management-code capture per device-billed patient', capture, 'fraction'),
          { label: 'Device-billed patients (99445 + 99454)', value: deviceBilled, unit: 'count' },
          { label: 'Patients with a management code (99470 + 99457)', value: managed, unit: 'count' },
          { label: 'Capture target', value: t.managementCaptureTarget, unit: 'fraction' },
          { label: 'Management claims missed vs target', value: missedPatients, unit: 'count' },
          { label: 'Estimated monthly reimbursement left on the table (at 99470 rate)', value: briefRate ? monthlyUsd?.low ?? null : null, unit: 'usd', inputs: briefRate ? [briefRate] : [] },
          { label: 'Estimated monthly reimbursement left on the table (at 99457 rate)', value: fullRate ? monthlyUsd?.high ?? null : null, unit: 'usd', inputs: fullRate ? [fullRate] : [] },
          ...(sharePct ? [{ label: 'Our share of the upper estimate', value: ourMonthlyUsd?.high ?? null, unit: 'usd' as const, inputs: [sharePct] }] : []),
        ],
      },
    ];
  });
}

/** Months an RPM stream's outcome measures may go unrecorded before cost avoidance counts as unmeasured. */
export const RPM_OUTCOME_LOOKBACK_MONTHS = 3;

/**
 * A cost-reducing RPM stream (capitated or shared-savings buyer) whose story's outcome measures —
 * readmissions, ER visits avoided, cost avoided, Star measures — have no value in the last three
 * months: the renewal rests on events prevented, and nothing shows them.
 */
export function rpmCostAvoidanceUnmeasuredSignals(context: SignalDataContext): SignalDraft[] {
  return rpmStreams(context).flatMap((input): SignalDraft[] => {
    const story = valueStory({ model: input.stream.revenueModel, environment: input.stream.paymentEnvironment });
    if (story.orientation !== 'reducing_costs') return [];
    const outcomeKeys = story.leadMetricKeys.filter((key) => key.startsWith('outcome_') || key.startsWith('rpm_readmissions_'));
    if (outcomeKeys.length === 0) return [];
    const months = Array.from({ length: RPM_OUTCOME_LOOKBACK_MONTHS }, (_, i) => addMonths(context.month, -i));
    const recorded = outcomeKeys.filter((key) => months.some((month) => Boolean(input.reader.metric(key, month).input)));
    if (recorded.length > 0) return [];
    return [
      {
        key: 'rpm_cost_avoidance_unmeasured',
        headlineIndex: null,
        severity: 'warning',
        streamId: input.stream.id,
        headline: 'Cost avoidance not measured',
        explanation:
          `This buyer pays for RPM to avoid costs, but none of the measures that show it (readmissions of monitored vs unmonitored patients, ER visits avoided, readmission cost avoided${story.concepts.starRatings ? ', Star measures' : ''}) ` +
          `has a value in the last ${RPM_OUTCOME_LOOKBACK_MONTHS} months. Device days and billing alone will not carry the renewal.`,
        play: {
          summary: 'Agree an outcomes feed with the buyer and report events avoided every month.',
          steps: [
            'Ask the plan for monthly 30-day readmission rates of monitored vs comparable unmonitored patients.',
            'Agree how ER visits avoided and readmission cost avoided are estimated, and who signs off the method.',
            'Import the outcomes each month so health, signals and the deck show them.',
          ],
        },
        evidence: outcomeKeys.map((key) => ({ label: `${key} recorded in the last ${RPM_OUTCOME_LOOKBACK_MONTHS} months`, value: 'no', unit: 'text' as const })),
      },
    ];
  });
}
