import { addDays } from '../../calendar';
import { findKpiDefinition } from '../../metrics/kpis/kpi-catalog';
import { findMetricDefinition } from '../../metrics/metric-catalog';
import { dayLabel, monthLabel, monthSpanLabel, quarterLabel } from '../deck-period';
import type { AudienceMember } from '../deck-plan-types';
import { speakerNotes } from '../likely-questions';
import type { SlideContext, SlideDraft } from '../slide-context';
import { countWord, firstSentence } from '../value-format';
import { watchPoints } from '../watch-points';
import { decisionsFor } from './opening-slides';
import { SMALL_CELL_NOTE } from '../../metrics/small-cells';
import { formulaInWords } from '../../metrics/kpis/formula-words';

/*
 * The close (next 90 days with owners) and the appendix reference slides: KPI definitions, data
 * sources with date ranges, and methodology.
 */

interface Action {
  action: string;
  owner: string;
}

/** Our side's owner: the CSM by name when settings have it. */
function ourOwner(ctx: SlideContext): string {
  const { preparer } = ctx.facts.input;
  return preparer?.csmName ? `${preparer.csmName} (CSM)` : 'Customer Success (us)';
}

function theirOwner(member: AudienceMember | undefined): string {
  return member ? (member.personName ?? member.archetypeName) : 'Your program lead';
}

/** The next-90-days plan: the steps on the top watch points, closing the top gaps, and the decisions' follow-through. */
export function nextNinetyDaysSlide(ctx: SlideContext): SlideDraft {
  const us = ourOwner(ctx);
  const actions: Action[] = [];
  for (const point of watchPoints(ctx).slice(0, 2)) actions.push({ action: point.step, owner: `${us} with ${theirOwner(ctx.primary)}` });
  for (const gap of ctx.gaps.filter((g) => g.proofKind !== null).slice(0, 2)) {
    const member = ctx.audience.find((m) => m.archetype === gap.archetype);
    actions.push({ action: firstSentence(gap.howToClose), owner: `${us} with ${theirOwner(member)}` });
  }
  for (const decision of decisionsFor(ctx).slice(0, 2)) {
    actions.push({ action: `Record your decision on ${decision.short} and report against it`, owner: `${theirOwner(ctx.primary)}; ${us}` });
  }
  if (actions.length === 0) actions.push({ action: 'Keep the monthly review of engagement and evidence', owner: us });
  const shown = actions.slice(0, 7);
  const today = ctx.facts.input.today;
  // Spread due dates over the window: the first two at 30 days, the next two at 60, the rest at 90.
  const due = (i: number) => addDays(today, i < 2 ? 30 : i < 4 ? 60 : 90);
  return {
    id: 'next-90-days',
    reason: 'Closes with owned, dated actions so the review ends in commitments.',
    priority: 4,
    placement: 'main',
    content: {
      kind: 'table',
      title: `${countWord(shown.length, true)} actions over the next 90 days, ${shown.filter((a) => a.owner !== us).length > 0 ? 'owned jointly' : 'owned by us'}; the first two are due ${dayLabel(due(0))}`,
      subtitle: `Next 90 days · ${dayLabel(today)} – ${dayLabel(addDays(today, 90))}`,
      columns: [{ header: 'Action', weight: 3.6 }, { header: 'Owner', weight: 1.8 }, { header: 'By', align: 'center', weight: 1 }],
      rows: shown.map((a, i) => [a.action, a.owner, dayLabel(due(i))]),
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
  return {
    id: 'kpi-definitions',
    reason: 'Reference: how every KPI in the deck is computed, so any number can be traced.',
    priority: 30,
    placement: 'appendix',
    content: {
      kind: 'table',
      title: `${countWord(unique.length, true)} KPIs and the formula behind each`,
      subtitle: 'KPI definitions',
      columns: [{ header: 'KPI', weight: 2 }, { header: 'Formula', weight: 3.4 }, { header: 'Better when', align: 'center', weight: 1 }],
      rows: unique.map((kpi) => [kpi.label, formulaInWords(findKpiDefinition(kpi.key)?.formula ?? kpi.current.formula), kpi.higherIsBetter ? 'Higher' : 'Lower']),
      footnote: { source: 'KPI definitions used throughout this review', dateRange: `Values in this deck for ${monthLabel(ctx.facts.reportMonth)}` },
      notes: 'Reference slide. A KPI whose input is missing is shown as "Not available", never as zero.',
    },
  };
}

/** Appendix: where the numbers come from and which months each source covers. */
export function dataSourcesSlide(ctx: SlideContext): SlideDraft | null {
  const bySource = new Map<string, { metrics: Set<string>; first: string; last: string }>();
  for (const observation of ctx.facts.input.observations) {
    if (observation.month > ctx.facts.reportMonth) continue;
    const definition = findMetricDefinition(observation.metricKey);
    const source = definition?.source ?? 'Recorded monthly for this account';
    const entry = bySource.get(source) ?? { metrics: new Set<string>(), first: observation.month, last: observation.month };
    entry.metrics.add(definition?.label.replace(/ – CPT \d+$/, ' (per CPT code)') ?? observation.metricKey);
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
      rows: rows.map(([source, entry]) => [source, [...entry.metrics].slice(0, 8).join(', ') + (entry.metrics.size > 8 ? ` and ${entry.metrics.size - 8} more` : ''), monthSpanLabel(entry.first, entry.last)]),
      footnote: { source: 'Metric catalog sources for each recorded metric', dateRange: rows.length > 0 ? monthSpanLabel(rows.map(([, e]) => e.first).sort()[0]!, ctx.facts.reportMonth) : monthLabel(ctx.facts.reportMonth) },
      notes: 'Reference slide. Use it when someone asks where a number came from.',
    },
  };
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
      title: 'How this deck was built: recorded data only, missing values named, never estimated',
      subtitle: 'Methodology',
      bullets: [
        { emphasis: 'KPIs:', text: `values for ${monthLabel(ctx.facts.reportMonth)}, compared with three and twelve months earlier.` },
        { emphasis: 'Missing data:', text: 'a missing input is shown as not available, never as zero.' },
        { emphasis: 'Value framing:', text: assessmentText },
        { emphasis: 'Watch points:', text: 'fixed thresholds, such as device days under 16 or weekly use under half the seats.' },
        { emphasis: 'Statistics:', text: 'proportions with their sample size and Wilson 95% intervals; before/after changes are not causal effects.' },
        { emphasis: 'Benchmarks:', text: 'at least three anonymised customers on the same model.' },
        { emphasis: 'Small numbers:', text: SMALL_CELL_NOTE },
      ],
      notes: shift ? `Reference slide. Why value is framed this way: ${shift.reason}` : 'Reference slide.',
    },
  };
}
