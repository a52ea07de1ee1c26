import { kpiLineChart, saasAdoptionChart } from '../../charts/kpi-charts';
import type { ChartSpec } from '../../deck/deck-document';
import { monthLabel } from '../deck-period';
import type { AudienceMember, DeckPlanStream } from '../deck-plan-types';
import { kpiSentence, kpiValueText } from '../kpi-sentence';
import { speakerNotes } from '../likely-questions';
import { chartFootnote, quarterFootnote, type SlideContext } from '../slide-context';
import { numericTerm, outcomeValue, saasCostPerActiveUser } from '../value-numbers';
import { kpiStatus, type ProofView } from './proof-view';
import { periodTotalText, periodTotalTile } from '../value-format';
import { formatQuantity, groupDigits } from '../../format/quantity';

/*
 * Evidence for licensed platforms: the executive sponsor needs usage translated into cost per
 * active user and capacity, IT needs uptime and security, and a pharma buyer needs adherence and
 * real-world evidence rather than efficiency.
 */

/** Dollar figure: what the license costs per weekly active user, against full adoption. */
export function saasCostView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView {
  const { facts } = ctx;
  const cost = saasCostPerActiveUser(facts, stream);
  const rate = facts.kpi(stream.id, 'saas_weekly_active_rate');
  const enabledTotal = facts.quarterTotal(stream.id, 'outcome_enabled_billing_revenue_usd');
  const enabledRevenue = enabledTotal?.value ?? null;
  const timeSaved = outcomeValue(facts, stream, 'outcome_time_saved_minutes_per_encounter', 'last');
  const annualFee = numericTerm(stream, 'annualFeeUsd');
  const multiple = cost.perActive !== null && cost.perSeat ? cost.perActive / cost.perSeat : null;
  const title =
    cost.perActive !== null && rate
      ? `At ${kpiValueText(rate)} weekly active use, the license costs ${formatQuantity(cost.perActive, 'usd')} per active user per month${multiple !== null && multiple >= 1.15 ? `, ${groupDigits(multiple, 1)}× the cost at full adoption` : ''}`
      : 'Cost per active user cannot be shown: the annual fee or weekly active users are not recorded';
  return {
    key: 'saas-cost',
    content: {
      kind: 'kpis',
      title,
      subtitle: `Return on the platform investment · for ${member.label}`,
      tiles: [
        { label: 'Annual license fee', value: formatQuantity(annualFee, 'usd'), status: 'neutral' },
        { label: 'Weekly active users', value: cost.activeUsers === null ? null : `${groupDigits(cost.activeUsers)} of ${cost.seats === null ? '?' : groupDigits(cost.seats)}`, status: kpiStatus(rate) },
        { label: 'Per active user a month', value: formatQuantity(cost.perActive, 'usd'), status: multiple !== null && multiple >= 2 ? 'risk' : multiple !== null && multiple >= 1.3 ? 'watch' : 'neutral', caption: cost.perSeat === null ? undefined : `${formatQuantity(cost.perSeat, 'usd')} at full use` },
        { label: `Billing enabled, ${facts.period}`, ...periodTotalTile(enabledTotal, (value) => formatQuantity(value, 'usd')), status: enabledRevenue === null ? 'neutral' : 'good', ...(enabledTotal === null ? { caption: 'CCM/TCM not recorded' } : {}) },
        { label: 'Time saved / encounter', value: formatQuantity(timeSaved, 'minutes'), status: timeSaved === null ? 'neutral' : 'good', caption: timeSaved === null ? 'No time study' : undefined },
      ],
      footnote: quarterFootnote(ctx, ['saas_licensed_seats', 'saas_weekly_active_users', 'outcome_enabled_billing_revenue_usd', 'outcome_time_saved_minutes_per_encounter'], 'Cost per active user = annual fee ÷ 12 ÷ weekly active users in the report month.'),
      notes: speakerNotes(
        [
          '"Weekly active users" means nothing to a budget holder; cost per active user and care-manager capacity do.',
          rate ? `${kpiSentence(rate)}.` : 'Weekly active use is not recorded.',
          enabledTotal === null ? 'If the platform supports CCM/TCM billing, that revenue belongs in the ROI: ask billing for the paid totals.' : 'Put enabled billing revenue into the ROI, not just the efficiency savings.',
        ],
        member,
        'value',
      ),
    },
  };
}

/** Workflow adoption: weekly active use against the 50% escalation floor. */
export function saasAdoptionView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView | null {
  const streamKpis = ctx.facts.streamKpis(stream.id);
  const chart = streamKpis ? saasAdoptionChart(streamKpis) : null;
  const rate = ctx.facts.kpi(stream.id, 'saas_weekly_active_rate');
  if (!chart || !rate) return null;
  return {
    key: 'saas-adoption',
    content: {
      kind: 'chart',
      title: kpiSentence(rate, 'year'),
      subtitle: `Clinician workflow adoption · for ${member.label}`,
      chart: { ...chart, title: 'Weekly active users ÷ licensed seats' },
      altText: `Line chart of weekly active users as a share of licensed seats over twelve months, ${kpiValueText(rate)} in ${monthLabel(ctx.facts.reportMonth)}, against a 50% escalation floor.`,
      callout: { figure: kpiValueText(rate), label: `of licensed seats active weekly in ${monthLabel(ctx.facts.reportMonth)}` },
      footnote: chartFootnote(chart, ['saas_weekly_active_users', 'saas_licensed_seats']),
      notes: speakerNotes(
        [
          'Below 50% of seats after month three is a structural problem (integration friction, workflow fit), not a training gap.',
          'Care managers drift back to spreadsheets when data must be copied between systems.',
        ],
        member,
        'engagement',
      ),
    },
  };
}

/** Integration uptime and security incidents. */
export function integrationView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView | null {
  const uptime = ctx.facts.kpi(stream.id, 'saas_integration_uptime_pct');
  if (!uptime || uptime.history.every((point) => point.value === null)) return null;
  const incidentTotal = ctx.facts.quarterTotal(stream.id, 'outcome_security_incidents');
  const incidents = incidentTotal?.value ?? null;
  const incidentText = incidents === null && incidentTotal ? periodTotalText(incidentTotal, (value) => groupDigits(value)) : null;
  const chart: ChartSpec = { ...kpiLineChart(uptime), id: 'integration_uptime', title: 'Integration uptime' };
  return {
    key: 'integration-uptime',
    content: {
      kind: 'chart',
      title: `${kpiSentence(uptime, 'year')}; ${incidents === null ? (incidentText ? `security incidents for ${ctx.facts.period} are incomplete` : 'security incidents are not reported yet') : `${groupDigits(incidents)} security incident${incidents === 1 ? '' : 's'} in ${ctx.facts.period}`}`,
      subtitle: `Integration and security · for ${member.label}`,
      chart: chart,
      altText: `Line chart of monthly integration uptime over twelve months, ${kpiValueText(uptime)} in ${monthLabel(ctx.facts.reportMonth)}.`,
      sideBullets: [
        { emphasis: 'Uptime:', text: `${kpiValueText(uptime)} in ${monthLabel(ctx.facts.reportMonth)}` },
        { emphasis: 'Security incidents:', text: incidents === null ? (incidentText ?? 'not reported; we will report the count (including zero) every quarter') : `${groupDigits(incidents)}, ${ctx.facts.period}` },
      ],
      footnote: chartFootnote(chart, ['saas_integration_uptime_pct', 'outcome_security_incidents']),
      notes: speakerNotes(
        ['IT judges us by how little of their time we take: show uptime, sync accuracy and incidents, and what we fixed without paging them.'],
        member,
        'proof',
      ),
    },
  };
}

/** Pharma: medication adherence and prescribers engaged, the indirect route to product revenue. */
export function adherenceView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView | null {
  const adherence = outcomeValue(ctx.facts, stream, 'outcome_medication_adherence_pct', 'last');
  const prescribers = outcomeValue(ctx.facts, stream, 'outcome_prescribers_engaged', 'last');
  if (adherence === null && prescribers === null) return null;
  return {
    key: 'adherence',
    content: {
      kind: 'kpis',
      title: adherence !== null ? `${formatQuantity(adherence, 'percent')} of engaged patients met the adherence threshold` : `${groupDigits(prescribers!)} prescribers are engaged with the program`,
      subtitle: `Adherence and real-world evidence · for ${member.label}`,
      tiles: [
        { label: 'Patients meeting the adherence threshold', value: formatQuantity(adherence, 'percent'), status: adherence === null ? 'neutral' : 'good' },
        { label: 'Prescribers engaged', value: formatQuantity(prescribers, 'count'), status: 'neutral' },
      ],
      footnote: quarterFootnote(ctx, ['outcome_medication_adherence_pct', 'outcome_prescribers_engaged']),
      notes: speakerNotes(['Value reaches a drug maker indirectly: adherence, real-world evidence and prescriber engagement.'], member, 'proof'),
    },
  };
}
