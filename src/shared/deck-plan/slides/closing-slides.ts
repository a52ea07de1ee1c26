import { addDays } from '../../calendar';
import { findMetricDefinition, METRIC_CATALOG } from '../../metrics/metric-catalog';
import { dayLabel, monthLabel, monthSpanLabel, quarterLabel } from '../deck-period';
import type { AudienceMember } from '../deck-plan-types';
import { speakerNotes } from '../likely-questions';
import { missingProof } from '../missing-proof';
import type { SlideContext, SlideDraft } from '../slide-context';
import { countWord, firstSentence, joinPhrases } from '../value-format';
import { watchPoints } from '../watch-points';
import { decisionsFor } from './opening-slides';
import { SMALL_CELL_NOTE } from '../../metrics/small-cells';
import { kpiFormulaInWords } from '../../metrics/kpis/formula-words';
import { isFeeKpi } from '../../metrics/kpis/kpi-catalog';
import { kpiTitleName } from '../kpi-sentence';
import type { CommitmentOwnerSide } from '../../commitments/commitment';

/*
 * The close (next 90 days with owners) and the appendix reference slides: KPI definitions, data
 * sources with date ranges, and methodology.
 */

/** One row of the next-90-days plan: what, who (and on which side), by when. */
export interface PlannedAction {
  /** Stable within a quarter's plan, so accepting it again updates the same ledger entry. */
  key: string;
  action: string;
  owner: string;
  side: CommitmentOwnerSide;
  /** The mapped person on the customer's side, when there is one. */
  stakeholderId: string | null;
  /** YYYY-MM-DD. */
  dueDate: string;
}

/** Our side's owner: the CSM by name when settings have it. */
export function ourOwner(ctx: SlideContext): string {
  const { preparer } = ctx.facts.input;
  return preparer?.csmName ? `${preparer.csmName} (CSM)` : 'Customer Success (us)';
}

export function theirOwner(member: AudienceMember | undefined): string {
  return member ? (member.personName ?? member.archetypeName) : 'Your program lead';
}

/** The mapped stakeholder an audience member stands for, if any. */
export function stakeholderIdOf(ctx: SlideContext, member: AudienceMember | undefined): string | null {
  if (!member?.personName) return null;
  return ctx.facts.input.stakeholders.find((p) => p.archetype === member.archetype && p.personName === member.personName)?.id ?? null;
}

/** The next-90-days actions the data proposes: the steps on the top watch points, closing the top gaps, and the decisions' follow-through. */
export function nextNinetyDaysActions(ctx: SlideContext): PlannedAction[] {
  const us = ourOwner(ctx);
  const today = ctx.facts.input.today;
  const primaryId = stakeholderIdOf(ctx, ctx.primary);
  const actions: Omit<PlannedAction, 'dueDate'>[] = [];
  for (const point of watchPoints(ctx).slice(0, 2)) {
    actions.push({ key: `watch:${point.signal.key}:${point.signal.streamId ?? ''}`, action: point.step, owner: `${us} with ${theirOwner(ctx.primary)}`, side: 'joint', stakeholderId: primaryId });
  }
  // One action per step: two people asking for the same proof share it (the first one asked owns it with us).
  const memberOf = (gap: (typeof ctx.gaps)[number]) => ctx.audience.find((m) => m.archetype === gap.archetype);
  for (const proof of missingProof(ctx.gaps.filter((g) => g.proofKind !== null)).slice(0, 2)) {
    const gap = proof.gaps[0]!;
    const owners = [...new Set(proof.gaps.map((g) => theirOwner(memberOf(g))))];
    const member = memberOf(gap);
    actions.push({ key: `gap:${gap.archetype}:${gap.proofKind}`, action: firstSentence(gap.howToClose), owner: `${us} with ${joinPhrases(owners)}`, side: 'joint', stakeholderId: stakeholderIdOf(ctx, member) });
  }
  // A decision carried over from last quarter is already on the ledger with its own owner and date.
  for (const decision of decisionsFor(ctx).filter((d) => d.carriedFrom === undefined && d.followUp !== undefined).slice(0, 2)) {
    actions.push({ key: `follow-up:${decision.short}`, action: decision.followUp!, owner: `${theirOwner(ctx.primary)}; ${us}`, side: 'joint', stakeholderId: primaryId });
  }
  if (actions.length === 0) actions.push({ key: 'monthly-review', action: 'Keep the monthly review of engagement and evidence', owner: us, side: 'ours', stakeholderId: null });
  // Spread due dates over the window: the first two at 30 days, the next two at 60, the rest at 90.
  return actions.slice(0, 7).map((a, i) => ({ ...a, dueDate: addDays(today, i < 2 ? 30 : i < 4 ? 60 : 90) }));
}

/** The next-90-days plan; `actions` are the proposed ones unless the CSM agreed their own in the deck builder. */
export function nextNinetyDaysSlide(ctx: SlideContext, actions: readonly PlannedAction[] = nextNinetyDaysActions(ctx)): SlideDraft {
  const today = ctx.facts.input.today;
  // Every action dropped in the deck builder: the close still names who keeps the account under review.
  const shown = actions.length > 0 ? actions.slice(0, 7) : [{ key: 'monthly-review', action: 'Keep the monthly review of engagement and evidence', owner: ourOwner(ctx), side: 'ours' as const, stakeholderId: null, dueDate: addDays(today, 30) }];
  const firstDue = [...shown.map((a) => a.dueDate)].sort()[0]!;
  const firstDueCount = shown.filter((a) => a.dueDate === firstDue).length;
  return {
    id: 'next-90-days',
    reason: 'Closes with owned, dated actions so the review ends in commitments.',
    priority: 4,
    placement: 'main',
    content: {
      kind: 'table',
      title: `${countWord(shown.length, true)} action${shown.length === 1 ? '' : 's'} over the next 90 days, ${shown.some((a) => a.side !== 'ours') ? 'owned jointly' : 'owned by us'}; ${firstDueCount === 1 ? (shown.length === 1 ? 'it is' : 'the first is') : firstDueCount === shown.length ? (shown.length === 2 ? 'both are' : `all ${countWord(firstDueCount)} are`) : `the first ${countWord(firstDueCount)} are`} due ${dayLabel(firstDue)}`,
      subtitle: `Next 90 days · ${dayLabel(today)} – ${dayLabel(addDays(today, 90))}`,
      columns: [{ header: 'Action', weight: 3.6 }, { header: 'Owner', weight: 1.8 }, { header: 'By', align: 'center', weight: 1 }],
      rows: shown.map((a) => [a.action, a.owner, dayLabel(a.dueDate)]),
      footnote: { source: 'The watch points, evidence gaps and decisions in this deck', dateRange: `${dayLabel(today)} – ${dayLabel(addDays(today, 90))}` },
      notes: speakerNotes(['Confirm each owner in the room; send the table the same day.'], ctx.primary, 'plan'),
    },
  };
}

/** Appendix: how each KPI on the slides is computed. */
export function kpiDefinitionsSlide(ctx: SlideContext): SlideDraft | null {
  const kpis = ctx.facts.input.insights.streams.flatMap((stream) => stream.kpis);
  const unique = [...new Map(kpis.map((kpi) => [kpi.key, kpi])).values()];
  if (unique.length === 0) return null;
  const fees = unique.filter((kpi) => isFeeKpi(kpi.key)).length;
  return {
    id: 'kpi-definitions',
    reason: 'Reference: how every KPI in the deck is computed, so any number can be traced.',
    priority: 30,
    placement: 'appendix',
    content: {
      kind: 'table',
      title:
        fees === 0
          ? `${countWord(unique.length, true)} KPIs and the formula behind each`
          : fees === unique.length
            ? `${fees === 1 ? 'Our fee' : 'Our fees'} and the formula behind ${fees === 1 ? 'it' : 'each'}`
            : `${countWord(unique.length - fees, true)} KPIs and ${fees === 1 ? 'our fee' : 'our fees'}: the formula behind each`,
      subtitle: 'KPI definitions',
      columns: [{ header: 'KPI', weight: 2 }, { header: 'Formula', weight: 3.4 }, { header: 'Better when', align: 'center', weight: 1 }],
      // A fee (what the customer pays us) is named as one and judged by neither side.
      rows: unique.map((kpi) => (isFeeKpi(kpi.key) ? [kpiTitleName(kpi), kpiFormulaInWords(kpi), 'Set by contract'] : [kpi.label, kpiFormulaInWords(kpi), kpi.higherIsBetter ? 'Higher' : 'Lower'])),
      footnote: { source: 'KPI definitions used throughout this review', dateRange: `Values in this deck for ${monthLabel(ctx.facts.reportMonth)}` },
      notes: 'Reference slide. A KPI whose input is missing is shown as "Not available", never as zero.',
    },
  };
}

/** Appendix: where the numbers come from and which months each source covers. */
export function dataSourcesSlide(ctx: SlideContext): SlideDraft | null {
  const bySource = new Map<string, { keys: Set<string>; first: string; last: string }>();
  for (const observation of ctx.facts.input.observations) {
    if (observation.month > ctx.facts.reportMonth) continue;
    const source = findMetricDefinition(observation.metricKey)?.source ?? 'Recorded monthly for this account';
    const entry = bySource.get(source) ?? { keys: new Set<string>(), first: observation.month, last: observation.month };
    entry.keys.add(observation.metricKey);
    if (observation.month < entry.first) entry.first = observation.month;
    if (observation.month > entry.last) entry.last = observation.month;
    bySource.set(source, entry);
  }
  if (bySource.size === 0) return null;
  const rows = [...bySource.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    id: 'data-sources',
    reason: 'Reference: the source and date range of every number, as the footnotes cite them.',
    priority: 31,
    placement: 'appendix',
    content: {
      kind: 'table',
      title: `The numbers in this deck come from ${countWord(rows.length)} source${rows.length === 1 ? '' : 's'}, recorded through ${monthLabel(ctx.facts.reportMonth)}`,
      subtitle: 'Data sources and date ranges',
      columns: [{ header: 'Source', weight: 2 }, { header: 'Metrics', weight: 3.2 }, { header: 'Months', align: 'center', weight: 1.4 }],
      rows: rows.map(([source, entry]) => {
        const metrics = metricLabelsInCatalogOrder(entry.keys);
        return [source, metrics.slice(0, 8).join(', ') + (metrics.length > 8 ? ` and ${metrics.length - 8} more` : ''), monthSpanLabel(entry.first, entry.last)];
      }),
      footnote: { source: 'The source recorded for each metric', dateRange: rows.length > 0 ? monthSpanLabel(rows.map(([, e]) => e.first).sort()[0]!, ctx.facts.reportMonth) : monthLabel(ctx.facts.reportMonth) },
      notes: 'Reference slide. Use it when someone asks where a number came from.',
    },
  };
}

/** The metrics' labels in the catalog's order (not the order the workspace returned its rows in), per-CPT metrics once. */
function metricLabelsInCatalogOrder(keys: ReadonlySet<string>): string[] {
  const position = (key: string) => {
    const index = METRIC_CATALOG.findIndex((definition) => definition.key === key);
    return index === -1 ? METRIC_CATALOG.length : index;
  };
  const ordered = [...keys].sort((a, b) => position(a) - position(b) || a.localeCompare(b));
  return [...new Set(ordered.map((key) => findMetricDefinition(key)?.label.replace(/ – CPT \d+$/, ' (per CPT code)') ?? key))];
}

/** Appendix: the method behind the deck. */
export function methodologySlide(ctx: SlideContext): SlideDraft {
  const { reading } = ctx;
  const shift = reading.lead.shift;
  const assessmentText =
    reading.source === 'assessment'
      ? `revenue earned or cost reduced, as agreed in the ${quarterLabel(ctx.facts.input.quarter)} contract review.`
      : 'revenue earned or cost reduced, from the contract\'s payment models and your payment environment.';
  return {
    id: 'methodology',
    reason: 'Reference: how the deck was built, for anyone who asks how a number or orientation was decided.',
    priority: 32,
    placement: 'appendix',
    content: {
      kind: 'bullets',
      title: 'How this deck was built: recorded data only, missing values named, never filled in',
      subtitle: 'Methodology',
      bullets: [
        { emphasis: 'KPIs:', text: `values for ${monthLabel(ctx.facts.reportMonth)}, compared with three and twelve months earlier.` },
        { emphasis: 'Missing data:', text: 'a missing input is shown as not available, never as zero.' },
        { emphasis: 'Value framing:', text: assessmentText },
        { emphasis: 'Watch points:', text: 'fixed thresholds, each named with the figure it judges.' },
        { emphasis: 'Estimates:', text: 'a dollar range is an estimate, shown beside the assumptions that produce it.' },
        { emphasis: 'Statistics:', text: 'a contracted outcome is shown with its sample size and Wilson 95% interval; before/after changes are not causal effects.' },
        { emphasis: 'Benchmarks:', text: 'each names its source: a benchmark calibrated for your population, a published one, or at least three anonymised customers on the same model and payment environment.' },
        { emphasis: 'Small numbers:', text: SMALL_CELL_NOTE },
      ],
      notes: shift ? `Reference slide. Why value is framed this way: ${shift.reason}` : 'Reference slide.',
    },
  };
}
