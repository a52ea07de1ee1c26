import { kpiLineChart, saasAdoptionChart } from '../../charts/kpi-charts';
import type { ChartSpec } from '../../deck/deck-document';
import { monthLabel } from '../deck-period';
import type { AudienceMember, DeckPlanStream } from '../deck-plan-types';
import { kpiSentence, kpiValueText } from '../kpi-sentence';
import { speakerNotes } from '../likely-questions';
import { chartFootnote, quarterFootnote, type SlideContext } from '../slide-context';
import { numericTerm, outcomeValue, saasCostPerActiveUser } from '../value-numbers';
import { storyFor } from '../framework-reading';
import { peopleCount } from '../value-format';
import type { KpiTile } from '../../deck/deck-document';
import type { ProofView } from './proof-view';
import { periodTotalText, periodTotalTile } from '../value-format';
import { formatQuantity, groupDigits } from '../../format/quantity';

/*
 * Evidence for licensed platforms: the executive sponsor needs usage translated into cost per
 * active user and capacity, IT needs uptime and security, and a pharma buyer needs adherence and
 * real-world evidence rather than efficiency.
 */

/**
 * Dollar figure as a usage-to-value bridge: what the platform does for the budget holder's own
 * measures — care gaps closed, care-manager capacity, cost per patient — rather than cost per
 * active user, which is procurement's case for cutting seats (kept in the notes for the CSM). A
 * drug maker gets the same bridge in its terms: cost per patient supported, evidence, prescribers.
 */
export function saasValueBridgeView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView {
  const { facts } = ctx;
  const { concepts, environment } = storyFor(stream, member.archetype);
  const pharma = environment === 'pharma';
  const annualFee = numericTerm(stream, 'annualFeeUsd');
  const month = monthLabel(facts.reportMonth);
  const patients = facts.observed(stream.id, 'outcome_patients_on_platform', facts.reportMonth);
  const activeUsers = facts.observed(stream.id, 'saas_weekly_active_users', facts.reportMonth);
  const perPatient = annualFee === null || !patients ? null : annualFee / 12 / patients;
  const capacity = !patients || !activeUsers ? null : patients / activeUsers;
  // Summed over the deck's period, with any missing month named (deck-facts.ts).
  const gapsTotal = facts.quarterTotal(stream.id, 'outcome_care_gaps_closed');
  const gapsClosed = gapsTotal?.value ?? null;
  const enabledTotal = concepts.careManagementBilling ? facts.quarterTotal(stream.id, 'outcome_enabled_billing_revenue_usd') : null;
  const enabledRevenue = enabledTotal?.value ?? null;
  const rwePatients = facts.observed(stream.id, 'outcome_rwe_patients', facts.reportMonth);
  const prescribers = facts.observed(stream.id, 'outcome_prescribers_engaged', facts.reportMonth);
  const perPatientText = formatQuantity(perPatient, 'usd');
  const title = pharma
    ? perPatientText
      ? `The companion program costs ${perPatientText} per supported patient a month across ${peopleCount(patients)} patients${rwePatients !== null ? `, ${peopleCount(rwePatients)} of them in the real-world-evidence data set` : ''}`
      : 'Cost per supported patient cannot be shown yet: patients on the companion app are not recorded'
    : [
        gapsClosed !== null ? `Care managers closed ${peopleCount(gapsClosed)} care gaps in ${facts.period}` : null,
        capacity !== null ? `each active care manager carries ${groupDigits(capacity, 0)} patients` : null,
        perPatientText ? `the platform costs ${perPatientText} per patient a month` : null,
      ]
        .filter((part): part is string => part !== null)
        .join('; ')
        .replace(/^./, (first) => first.toUpperCase()) || 'The usage-to-value bridge cannot be built yet: care gaps closed and patients on the platform are not recorded';
  const tiles: KpiTile[] = pharma
    ? [
        { label: 'Patients supported', value: peopleCount(patients), status: 'neutral' },
        { label: 'Cost per patient a month', value: perPatientText, status: 'neutral', ...(annualFee === null ? {} : { delta: `${formatQuantity(annualFee, 'usd')} a year` }) },
        { label: 'In the evidence data set', value: peopleCount(rwePatients), status: 'neutral' },
        { label: 'Prescribers engaged', value: formatQuantity(prescribers, 'count'), status: 'neutral' },
      ]
    : [
        { label: `Care gaps closed, ${facts.period}`, ...(gapsTotal === null ? { value: null, delta: 'not recorded yet' } : periodTotalTile(gapsTotal, (value) => peopleCount(value))), status: 'neutral' },
        { label: 'Care-manager capacity', value: capacity === null ? null : `${groupDigits(capacity, 0)} patients`, status: 'neutral', delta: capacity === null ? 'patients not recorded' : 'per active care manager' },
        { label: 'Cost per patient a month', value: perPatientText, status: 'neutral', ...(annualFee === null ? {} : { delta: `${formatQuantity(annualFee, 'usd')} a year` }) },
        ...(concepts.careManagementBilling
          ? [{ label: `Billing enabled, ${facts.period}`, ...(enabledTotal === null ? { value: null, delta: 'not recorded yet' } : periodTotalTile(enabledTotal, (value) => formatQuantity(value, 'usd'))), status: enabledRevenue === null ? ('neutral' as const) : ('good' as const) }]
          : []),
      ];
  // Procurement's number, for the CSM only: what the license costs per weekly active user.
  const cost = saasCostPerActiveUser(facts, stream);
  const rate = facts.kpi(stream.id, 'saas_weekly_active_rate');
  const multiple = cost.perActive !== null && cost.perSeat ? cost.perActive / cost.perSeat : null;
  return {
    key: 'saas-value-bridge',
    content: {
      kind: 'kpis',
      title,
      subtitle: `${pharma ? 'What the companion program delivers' : 'Usage to value'} · for ${member.label}`,
      tiles,
      footnote: quarterFootnote(
        ctx,
        ['outcome_patients_on_platform', 'saas_weekly_active_users', 'outcome_care_gaps_closed', ...(pharma ? (['outcome_rwe_patients', 'outcome_prescribers_engaged'] as const) : [])],
        `Assumptions: cost per patient = annual fee ÷ 12 ÷ patients on the platform in ${month}${pharma ? '' : '; capacity = patients on the platform ÷ weekly active users'}.`,
      ),
      notes: speakerNotes(
        [
          pharma
            ? 'Value reaches a drug maker indirectly: cost per patient supported, the evidence the program generates and the prescribers it engages.'
            : 'Translate usage into the budget holder\'s measures: care gaps closed, patients each care manager can carry, cost per patient.',
          ...(cost.perActive !== null && rate
            ? [`Procurement's view (for you, not the slide): at ${kpiValueText(rate)} weekly active use the license works out at ${formatQuantity(cost.perActive, 'usd')} per active user a month${multiple !== null && multiple >= 1.15 ? `, ${groupDigits(multiple, 1)}× full adoption` : ''}; the answer is adoption, not fewer seats.`]
            : []),
          ...(concepts.careManagementBilling && enabledTotal === null ? ['If the platform supports CCM/TCM billing, that revenue belongs in the value: ask billing for the paid totals.'] : []),
        ],
        member,
        'value',
      ),
    },
  };
}

/** Workflow adoption: weekly active use against the 50% weekly-use floor. */
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
      altText: `Line chart of weekly active users as a share of licensed seats over twelve months, ${kpiValueText(rate)} in ${monthLabel(ctx.facts.reportMonth)}, against a 50% weekly-use floor.`,
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

/** Pharma: medication adherence, real-world evidence and prescribers engaged, the indirect route to product revenue. */
export function adherenceView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView | null {
  const adherence = outcomeValue(ctx.facts, stream, 'outcome_medication_adherence_pct', 'last');
  const rwePatients = outcomeValue(ctx.facts, stream, 'outcome_rwe_patients', 'last');
  const prescribers = outcomeValue(ctx.facts, stream, 'outcome_prescribers_engaged', 'last');
  if (adherence === null && prescribers === null && rwePatients === null) return null;
  const history = ctx.facts.history(stream.id, 'outcome_medication_adherence_pct', 12);
  const yearAgo = history.values.find((value) => value !== null) ?? null;
  const movement = adherence !== null && yearAgo !== null && Math.abs(adherence - yearAgo) >= 0.5 ? `, ${adherence > yearAgo ? 'up' : 'down'} ${groupDigits(Math.abs(adherence - yearAgo), 1)} points in a year` : '';
  return {
    key: 'adherence',
    content: {
      kind: 'kpis',
      title:
        adherence !== null
          ? `${formatQuantity(adherence, 'percent')} of patients using the companion app met the adherence threshold${movement}`
          : 'Adherence is not recorded yet; real-world evidence and prescriber engagement are',
      subtitle: `Adherence and real-world evidence · for ${member.label}`,
      tiles: [
        { label: 'Patients meeting the adherence threshold', value: formatQuantity(adherence, 'percent'), status: adherence === null ? 'neutral' : 'good' },
        { label: 'Patients in the real-world-evidence data set', value: peopleCount(rwePatients), status: 'neutral' },
        { label: 'Prescribers engaged', value: formatQuantity(prescribers, 'count'), status: 'neutral' },
      ],
      footnote: quarterFootnote(ctx, ['outcome_medication_adherence_pct', 'outcome_rwe_patients', 'outcome_prescribers_engaged'], 'Adherence = share of patients using the companion app at the agreed threshold (e.g. PDC ≥ 80%); before/after, not a causal effect.'),
      notes: speakerNotes(['Value reaches a drug maker indirectly: adherence, real-world evidence and prescriber engagement.', 'The Engagement Gate still governs: no patient use, no adherence data.'], member, 'proof'),
    },
  };
}
