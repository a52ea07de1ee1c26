import { rpmEngagementVsBillingChart } from '../../charts/kpi-charts';
import type { ChartSpec, DeckBullet } from '../../deck/deck-document';
import { RPM_CODES, type RpmCode } from '../../framework/keys';
import { rpmClaimMetricKey } from '../../framework/metric-keys';
import { dayLabel, monthLabel } from '../deck-period';
import type { AudienceMember, DeckPlanStream } from '../deck-plan-types';
import { kpiSentence, kpiValueText } from '../kpi-sentence';
import { speakerNotes } from '../likely-questions';
import { chartFootnote, quarterFootnote, type SlideContext } from '../slide-context';
import { COMPLEMENT_NOTE, isSmallCell, suppressedCellText, tableSuppression, type CellSuppression } from '../../metrics/small-cells';
import type { DeckFacts, PeriodTotal } from '../deck-facts';
import { joinPhrases, lowerFirst, peopleCount, peopleShare, periodTotalText, SUPPRESSED_SHARE_TEXT } from '../value-format';
import { readmissionComparison, rpmPracticeNet, rpmQuarterReimbursement, rpmReimbursementPerEnrolled, type PracticeNet } from '../value-numbers';
import { MANAGEMENT_CAPTURE_TARGET, managementCodeLeakage } from '../../metrics/rpm-leakage';
import { kpiTarget } from '../kpi-standing';
import type { ProofView } from './proof-view';
import { storyFor } from '../framework-reading';
import { formatQuantity, formatQuantityRange, groupDigits, INCOMPLETE, NOT_AVAILABLE, quantityOrMissing } from '../../format/quantity';
import { monthlyCategories } from '../../charts/chart-spec';

/*
 * RPM evidence. Under fee-for-service the program generates reimbursement the practice would not
 * otherwise have; under capitation (Medicare Advantage, ACO) it avoids readmissions and ER visits
 * and lifts Star Ratings. Since 2026, 2 device days bill like 25, so billing is never shown as proof
 * of clinical value on its own.
 */

/** Claim counts per CPT code over the deck's period, and the code-months whose counts are missing. */
interface ClaimTotals {
  rows: { code: RpmCode; submitted: PeriodTotal | null; paid: PeriodTotal | null; denied: PeriodTotal | null }[];
  /** "99457 paid claims for Nov 2026": counts missing in a month of the period for a code in use. */
  gaps: string[];
}

function claimTotals(facts: DeckFacts, stream: DeckPlanStream): ClaimTotals {
  const rows = RPM_CODES.map((code) => ({
    code,
    submitted: facts.quarterTotal(stream.id, rpmClaimMetricKey('submitted', code)),
    paid: facts.quarterTotal(stream.id, rpmClaimMetricKey('paid', code)),
    denied: facts.quarterTotal(stream.id, rpmClaimMetricKey('denied', code)),
  })).filter((row) => row.submitted !== null || row.paid !== null);
  const gaps = facts.quarterMonths.flatMap((month) =>
    (['submitted', 'paid', 'denied'] as const).flatMap((stage) => {
      const codes = rows.filter((row) => row[stage]?.missingMonths.includes(month)).map((row) => row.code);
      return codes.length === 0 ? [] : [`${joinPhrases(codes)} ${stage} claims for ${monthLabel(month)}`];
    }),
  );
  return { rows, gaps };
}

/**
 * The management-code leakage row of the revenue slide: the estimate with the assumptions that
 * produce it and the practice's part after our fee, or null when capture is at target or the
 * estimate cannot be priced. The same estimate the early-warning signal quotes.
 */
function leakageBullet(ctx: SlideContext, stream: DeckPlanStream, net: PracticeNet | null): { bullet: DeckBullet; rateNote: string } | null {
  const reader = ctx.facts.reader(stream.id);
  // Sized to the target the scorecard judges capture against: the customer's own goal when there is one.
  const capture = ctx.facts.kpi(stream.id, 'rpm_management_capture_rate');
  const target = capture ? kpiTarget(capture, stream, ctx.facts.input.goals) : null;
  const leakage = reader ? managementCodeLeakage(reader, ctx.facts.reportMonth, target?.value ?? MANAGEMENT_CAPTURE_TARGET) : null;
  if (!leakage || !leakage.monthlyUsd || !leakage.practiceMonthlyUsd || leakage.missedClaims === 0 || leakage.captureRate === null) return null;
  const rate = formatQuantity(leakage.targetRate, 'fraction');
  const atTarget = target?.source === 'goal' ? `at your ${rate} goal` : `at ${rate}`;
  const rates = formatQuantityRange(leakage.lowRate!.rateCents / 100, leakage.highRate!.rateCents / 100, 'usd');
  const practice = formatQuantityRange(leakage.practiceMonthlyUsd.low, leakage.practiceMonthlyUsd.high, 'usd');
  return {
    bullet: {
      figure: formatQuantityRange(leakage.monthlyUsd.low, leakage.monthlyUsd.high, 'usd')!,
      emphasis: `Uncaptured management time, ${monthLabel(leakage.month)}:`,
      text:
        `in ${monthLabel(leakage.month)}, ${peopleCount(leakage.managedPatients)} of ${peopleCount(leakage.deviceBilledPatients)} device-billed patients (${peopleShare(leakage.managedPatients, leakage.deviceBilledPatients) ?? NOT_AVAILABLE}) had a 99470/99457 claim; ` +
        `${atTarget}, ~${peopleCount(leakage.missedClaims)} more claims at ${rates} each` +
        (net && leakage.revenueShare ? `. Yours ${net.basis}: ${practice}.` : '.'),
    },
    // The rates' date goes under the slide, so the bullet fits its box.
    rateNote: `The management-time range uses the 99470 and 99457 rates of ${dayLabel(leakage.highRate!.asOf)}.`,
  };
}

/** Generating revenue: reimbursement collected, what the practice keeps after our fee, revenue left uncaptured, device days. */
export function rpmRevenueView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView {
  const { facts } = ctx;
  const { period } = facts;
  const month = monthLabel(facts.reportMonth);
  const quarter = rpmQuarterReimbursement(facts, stream);
  const perPatient = rpmReimbursementPerEnrolled(facts, stream);
  const net = rpmPracticeNet(facts, stream);
  const paidRate = facts.kpi(stream.id, 'rpm_claims_paid_rate');
  const deviceDays = facts.kpi(stream.id, 'rpm_avg_device_days_per_patient');
  const usd = (value: number) => formatQuantity(value, 'usd');
  const quarterText = periodTotalText(quarter.total, usd);
  const netText = periodTotalText(net?.total ?? null, usd);
  const perPatientText = formatQuantity(perPatient.value, 'usd');
  const gaps = claimTotals(facts, stream).gaps;
  const complete = quarter.total?.value != null;
  const title = complete
    ? net?.total?.value != null
      ? `The practice kept ${netText} of ${quarterText} RPM reimbursement in ${period} ${net.basis}`
      : `The practice collected ${quarterText} in RPM reimbursement in ${period}, ${perPatientText ?? 'an unknown amount'} per enrolled patient in ${month}`
    : quarter.total
      ? `RPM reimbursement for ${period} cannot be totalled yet: ${gaps.length > 0 ? `${joinPhrases(gaps)} are not recorded` : `${joinPhrases(quarter.total.missingMonths.map(monthLabel))} ${quarter.total.missingMonths.length === 1 ? 'is' : 'are'} incomplete`}`
      : 'RPM reimbursement collected cannot be shown yet: paid-claim counts are not recorded';
  const incompleteNote = (total: PeriodTotal | null) => (total && total.value === null ? `; ${joinPhrases(gaps.length > 0 ? gaps : total.missingMonths.map(monthLabel))} not recorded yet` : '');
  const leakage = leakageBullet(ctx, stream, net);
  const bullets: DeckBullet[] = [
    {
      figure: quarterText === null ? NOT_AVAILABLE : quarter.total?.value === null ? INCOMPLETE : quarterText,
      emphasis: `Collected, ${period}:`,
      text: `paid claims per CPT code × the rate for the date of service${incompleteNote(quarter.total)}; per enrolled patient in ${month}: ${perPatientText ?? NOT_AVAILABLE.toLowerCase()}.`,
    },
    ...(net
      ? [
          {
            figure: netText === null ? NOT_AVAILABLE : net.total?.value === null ? INCOMPLETE : netText,
            emphasis: `Yours ${net.basis}, ${period}:`,
            text: `per enrolled patient in ${month}: ${formatQuantity(net.perEnrolled, 'usd') ?? NOT_AVAILABLE.toLowerCase()}${incompleteNote(net.total)}.`,
          },
        ]
      : []),
    ...(leakage ? [leakage.bullet] : []),
    {
      figure: quantityOrMissing(deviceDays?.current.value ?? null, 'days'),
      emphasis: `Device days per patient, ${month}:`,
      text: `${deviceDays?.current.value != null ? `${deviceDays.current.value >= 16 ? 'at or above' : 'below'} the 16-day clinical threshold; ` : ''}claims paid in ${month}: ${quantityOrMissing(paidRate?.current.value ?? null, 'fraction').toLowerCase()}.`,
    },
  ];
  return {
    key: 'rpm-revenue',
    content: {
      kind: 'bullets',
      title,
      subtitle: `Revenue generated for the practice · for ${member.label}`,
      bullets,
      footnote: quarterFootnote(
        ctx,
        [...quarter.metricKeys, 'rpm_enrolled_patients', 'rpm_device_days_total', 'rpm_claims_submitted_99470', 'rpm_claims_submitted_99457'],
        `Reimbursement = paid claims per CPT code × the rate in settings for that date${net ? '; "yours" deducts our fee per the contract' : '; our fee is not deducted'}.${leakage ? ` ${leakage.rateNote}` : ''}`,
      ),
      notes: speakerNotes(
        [
          `Reimbursement collected in ${period}: ${quarterText ?? 'not available'}${quarter.total && quarter.total.value === null ? ` (the months recorded add up to ${formatQuantity(quarter.total.partialValue, 'usd')}, which is not the period's figure)` : ''}; per enrolled patient ${perPatientText ?? 'not available'} in ${month}.`,
          ...(net ? [`After your share: ${netText ?? 'not available'} in ${period}, ${formatQuantity(net.perEnrolled, 'usd') ?? 'not available'} per enrolled patient in ${month} (${net.basis}).`] : []),
          ...(leakage ? ['The management-code range is the strongest number on this slide: walk through its assumptions before quoting it.'] : []),
          'Billing is the evidence the program pays for itself, not the proof it works: since 2026, 2 device days bill the same as 25.',
          deviceDays ? `${kpiSentence(deviceDays)}.` : 'Device days are not recorded this month.',
        ],
        member,
        'value',
      ),
    },
  };
}

/** Readmission rates of monitored vs unmonitored patients over twelve months, as a chart. */
function readmissionChart(ctx: SlideContext, stream: DeckPlanStream): ChartSpec {
  const monitored = ctx.facts.history(stream.id, 'rpm_readmissions_monitored_pct', 12);
  const unmonitored = ctx.facts.history(stream.id, 'rpm_readmissions_unmonitored_pct', 12);
  return {
    id: 'rpm_readmissions',
    type: 'line',
    title: '30-day readmissions',
    ...monthlyCategories(monitored.months),
    series: [
      { id: 'monitored', label: 'Monitored patients', values: monitored.values, unit: 'percent' },
      { id: 'unmonitored', label: 'Unmonitored patients', values: unmonitored.values, unit: 'percent' },
    ],
    axisTitles: { y: '30-day readmission rate' },
    targetLines: [],
  };
}

/** Reducing costs: readmissions avoided, ER visits avoided and Star Ratings, led by the monitored vs unmonitored gap. */
export function rpmCostAvoidanceView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream, framing: 'costs' | 'outcomes'): ProofView {
  const { facts } = ctx;
  const comparison = readmissionComparison(facts, stream);
  const erTotal = facts.quarterTotal(stream.id, 'outcome_er_visits_avoided');
  const costTotal = facts.quarterTotal(stream.id, 'outcome_readmission_cost_avoided_usd');
  const erAvoided = periodTotalText(erTotal, (value) => peopleCount(value));
  const costAvoided = periodTotalText(costTotal, (value) => formatQuantity(value, 'usd'));
  const stars = facts.latest(stream.id, 'outcome_star_rating_measures');
  const chart = readmissionChart(ctx, stream);
  const gap = comparison ? comparison.unmonitoredPct - comparison.monitoredPct : null;
  const title = comparison
    ? `In ${monthLabel(comparison.month)}, monitored patients were readmitted at ${groupDigits(comparison.monitoredPct, 1)}% vs ${groupDigits(comparison.unmonitoredPct, 1)}% unmonitored: ${groupDigits(Math.abs(gap!), 1)} points ${gap! >= 0 ? 'lower' : 'higher'}`
    : 'Readmissions avoided cannot be shown yet: monitored vs unmonitored readmission rates are not recorded';
  // Star Ratings belong to a Medicare Advantage story and capitation to a capitated buyer's: a
  // fee-for-service practice hears neither (framework/value-story.ts).
  const { concepts } = storyFor(stream, member.archetype);
  // "Avoided" says what would have happened otherwise: until matched-cohort savings are recorded, a
  // figure is what its source reported, and the slide says so.
  const matched = facts.latest(stream.id, 'outcome_matched_cohort_savings_usd') !== null;
  const reported = (label: string, shown: boolean) => (matched || !shown ? label : `Reported ${lowerFirst(label)}`);
  const side: DeckBullet[] = [
    { emphasis: reported('ER visits avoided:', erAvoided !== null), text: erAvoided === null ? 'not recorded yet' : `${erAvoided}, ${facts.period}` },
    { emphasis: reported('Readmission cost avoided:', costAvoided !== null), text: costAvoided === null ? 'not valued yet' : `${costAvoided}, ${facts.period}` },
    ...(concepts.starRatings ? [{ emphasis: 'Star Ratings:', text: stars === null ? 'not recorded yet' : `${groupDigits(stars.value)} measures moving the right way (${monthLabel(stars.month)})` }] : []),
  ];
  const leadPoint = concepts.capitation
    ? 'Lead with events prevented, not CPT revenue: under capitation the plan already holds the cost of every readmission.'
    : concepts.cptBillingRevenue
      ? 'Lead with patients kept out of hospital: the outcome that justifies the program, with billing as evidence it pays for itself.'
      : 'Lead with events prevented, not CPT revenue: avoided readmissions are where the savings come from.';
  return {
    key: 'rpm-readmissions',
    content: {
      kind: 'chart',
      title,
      subtitle: `${framing === 'costs' ? (concepts.capitation ? 'Costs avoided under capitation' : 'Costs avoided') : 'Clinical outcomes: readmissions'} · for ${member.label}`,
      chart: chart,
      altText: comparison
        ? `Line chart of 30-day readmission rates over twelve months: monitored patients ${formatQuantity(comparison.monitoredPct, 'percent')} and unmonitored ${formatQuantity(comparison.unmonitoredPct, 'percent')} in ${monthLabel(comparison.month)}.`
        : 'Line chart of 30-day readmission rates for monitored and unmonitored patients; no values recorded.',
      ...(gap !== null ? { callout: { figure: `${gap >= 0 ? '−' : '+'}${groupDigits(Math.abs(gap), 1)} pts`, label: 'readmission rate, monitored vs unmonitored' } } : {}),
      sideBullets: side,
      footnote: chartFootnote(
        chart,
        ['rpm_readmissions_monitored_pct', 'rpm_readmissions_unmonitored_pct', 'outcome_er_visits_avoided'],
        [
          comparison?.enrolled ? `Monitored group: ${peopleCount(comparison.enrolled)} enrolled patients; unmonitored group size not recorded, so no confidence interval is shown.` : '',
          !matched && (erAvoided !== null || costAvoided !== null) ? '“Reported” figures are as their sources recorded them, without a matched control group.' : '',
        ]
          .filter((sentence) => sentence !== '')
          .join(' ') || undefined,
      ),
      notes: speakerNotes(
        [
          leadPoint,
          erAvoided === null ? 'ER visits avoided need claims or the hospital admission feed for monitored vs unmonitored patients.' : `ER visits avoided in ${facts.period}: ${erAvoided}.`,
          costAvoided === null ? 'Readmission cost avoided needs an agreed cost per readmission before we put a dollar figure on it.' : `Readmission cost avoided in ${facts.period}: ${costAvoided}.`,
          'One avoided readmission is often worth $15,000 or more (framework reference figure; agree your own cost before quoting a total).',
          '7-10 days of post-discharge monitoring now bills like a month of chronic monitoring: transitional episodes are viable to enrol.',
          ...(concepts.starRatings
            ? [stars === null ? 'Star Ratings are the revenue side of this story; we need the plan\'s quality team to share measure movement.' : 'Star Ratings drive CMS bonus payments: quality gains are the revenue side of this story.']
            : []),
        ],
        member,
        'value',
      ),
    },
  };
}

/** Engagement depth: device days against billing eligibility (the decoupling chart). */
export function rpmEngagementDepthView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView | null {
  const streamKpis = ctx.facts.streamKpis(stream.id);
  const chart = streamKpis ? rpmEngagementVsBillingChart(streamKpis) : null;
  const days = ctx.facts.kpi(stream.id, 'rpm_avg_device_days_per_patient');
  const eligibility = ctx.facts.kpi(stream.id, 'rpm_billing_eligibility_rate');
  if (!chart || !days) return null;
  return {
    key: 'rpm-engagement-depth',
    content: {
      kind: 'chart',
      title: `${kpiSentence(days, 'year')}`,
      subtitle: `Engagement depth vs billing eligibility · for ${member.label}`,
      chart: chart,
      altText: `Combo chart: average device days per patient (bars) and billing-eligible share (line) over twelve months; ${kpiValueText(days)} and ${kpiValueText(eligibility)} in ${monthLabel(ctx.facts.reportMonth)}.`,
      callout: { figure: kpiValueText(eligibility), label: 'of enrolled patients still bill (2+ device days)' },
      footnote: chartFootnote(chart, ['rpm_device_days_total', 'rpm_enrolled_patients', 'rpm_patients_2_15_days', 'rpm_patients_16_30_days']),
      notes: speakerNotes(
        [
          'Billing eligibility trends toward 100% because 2 device days now bill; device days tell us whether the data is clinically useful.',
          'The gap between the two lines is billing without the device use outcomes depend on: the leading indicator of renewal risk.',
        ],
        member,
        'engagement',
      ),
    },
  };
}

/** Billing compliance: claims submitted, paid and denied per CPT code over the deck's period. */
export function rpmBillingComplianceView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView | null {
  const { facts } = ctx;
  const { period } = facts;
  const { rows, gaps } = claimTotals(facts, stream);
  if (rows.length === 0) return null;
  // A column total is the period's figure only when every row's total is complete.
  const total = (pick: (row: (typeof rows)[number]) => PeriodTotal | null) => rows.reduce<number | null>((sum, row) => (sum === null || pick(row)?.value == null ? null : sum + pick(row)!.value!), 0);
  const submitted = total((row) => row.submitted);
  const paid = total((row) => row.paid);
  const denied = total((row) => row.denied);
  const denial = facts.kpi(stream.id, 'rpm_denial_rate');
  const capture = facts.kpi(stream.id, 'rpm_management_capture_rate');
  const title =
    gaps.length > 0
      ? `RPM claim totals for ${period} are incomplete: ${joinPhrases(gaps)} are not recorded`
      : submitted === null || paid === null
        ? `Claims paid against submitted cannot be shown for every code in ${period}`
        : isSmallCell(submitted) || isSmallCell(paid)
          ? `RPM claims in ${period} are counts of 1–10, which are suppressed under the CMS cell-size rule`
          : isSmallCell(denied)
            ? // Paid and submitted side by side would give the small denied total away (their difference).
              `In ${period}, ${groupDigits(submitted)} RPM claims were submitted; 1–10 were denied (suppressed)`
            : `In ${period}, ${groupDigits(paid)} of ${groupDigits(submitted)} RPM claims were paid (${peopleShare(paid, submitted) ?? 'not available'}); ${peopleShare(denied, submitted) ?? 'not available'} were denied`;
  // Paid + denied = submitted in every row and the title gives the totals: a small count hides a second one (small-cells.ts).
  const counts = rows.map((row) => [row.submitted?.value ?? null, row.paid?.value ?? null, row.denied?.value ?? null]);
  const marks = tableSuppression(counts);
  const anyComplement = marks.some((row) => row.includes('complement'));
  const codeNames: Record<string, string> = { '99453': 'setup', '99445': 'device 2-15 days', '99454': 'device 16-30 days', '99470': 'mgmt 10-19 min', '99457': 'mgmt first 20 min', '99458': 'mgmt add-on 20 min' };
  const count = (value: number) => peopleCount(value);
  return {
    key: 'rpm-billing',
    content: {
      kind: 'table',
      title,
      subtitle: `Billing compliance by CPT code · for ${member.label}`,
      columns: [{ header: `CPT code, ${period}`, weight: 1.8 }, { header: 'Submitted', align: 'right' }, { header: 'Paid', align: 'right' }, { header: 'Denied', align: 'right' }, { header: 'Denial rate', align: 'right' }],
      rows: rows.map((row, i) => {
        const [submittedMark, paidMark, deniedMark] = marks[i]!;
        const cell = (total: PeriodTotal | null, mark: CellSuppression) => periodTotalText(total, (value) => suppressedCellText(value, mark, count));
        return [
          `${row.code} (${codeNames[row.code]})`,
          cell(row.submitted, submittedMark!),
          cell(row.paid, paidMark!),
          cell(row.denied, deniedMark!),
          submittedMark || deniedMark ? SUPPRESSED_SHARE_TEXT : peopleShare(row.denied?.value ?? null, row.submitted?.value ?? null),
        ];
      }),
      footnote: quarterFootnote(
        ctx,
        ['rpm_claims_submitted_99454', 'rpm_claims_paid_99454'],
        `Claim lines per billed unit, by service month.${gaps.length > 0 ? ' "Incomplete" marks a count missing for a month; the months recorded are not shown as the period\'s total.' : ''}${anyComplement ? ` ${COMPLEMENT_NOTE}` : ''}`,
      ),
      notes: speakerNotes(
        [
          ...(gaps.length > 0 ? [`Ask billing for the missing counts (${joinPhrases(gaps)}) before quoting a paid rate for ${period}.`] : []),
          denial ? `${kpiSentence(denial)}.` : 'The denial rate is not available this month.',
          capture ? `${kpiSentence(capture)}: management codes (99470/99457/99458) are where revenue leaks when interactions go undocumented.` : 'Management-code capture is not available.',
          'Check code selection between 99445 (2-15 days) and 99454 (16-30 days); both pay the same rate.',
        ],
        member,
        'proof',
      ),
    },
  };
}

/** Provider adoption: logins per month. */
export function rpmProviderAdoptionView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView | null {
  const logins = ctx.facts.history(stream.id, 'rpm_provider_logins', 12);
  if (logins.values.every((value) => value === null)) return null;
  const latest = logins.values[logins.values.length - 1] ?? null;
  const earlier = logins.values[logins.values.length - 4] ?? null;
  const change = latest !== null && earlier ? Math.round(((latest - earlier) / earlier) * 100) : null;
  const chart: ChartSpec = {
    id: 'rpm_provider_logins',
    type: 'bar',
    title: 'Provider logins',
    ...monthlyCategories(logins.months),
    series: [{ id: 'logins', label: 'Provider logins', values: logins.values, unit: 'count' }],
    axisTitles: { y: 'Logins per month' },
    targetLines: [],
  };
  return {
    key: 'rpm-provider-adoption',
    content: {
      kind: 'chart',
      title:
        latest === null
          ? 'Provider logins are not recorded for the report month'
          : `Providers logged in ${groupDigits(latest)} times in ${monthLabel(ctx.facts.reportMonth)}${change === null ? '' : `, ${change >= 0 ? 'up' : 'down'} ${Math.abs(change)}% in three months`}`,
      subtitle: `Clinician workflow adoption · for ${member.label}`,
      chart: chart,
      altText: `Column chart of provider logins per month over twelve months; ${latest === null ? 'latest month missing' : `${groupDigits(latest)} in the latest month`}.`,
      footnote: chartFootnote(chart, ['rpm_provider_logins']),
      notes: speakerNotes(['Falling logins predict fewer documented interactions, which predicts unbillable management time next month.'], member, 'engagement'),
    },
  };
}
