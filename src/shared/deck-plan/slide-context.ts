import type { ChartSpec, DeckSlide, SlideFootnote } from '../deck/deck-document';
import type { KpiResult } from '../metrics/kpi-engine';
import { findMetricDefinition } from '../metrics/metric-catalog';
import type { ProofCheck } from './audience-evidence';
import type { DeckFacts } from './deck-facts';
import { comparisonRangeLabel, monthLabel, monthSpanLabel } from './deck-period';
import type { AudienceMember, DeckType, PlanEvidenceGap, SlideSection } from './deck-plan-types';
import type { FrameworkReading } from './framework-reading';
import { isMetricKey, type MetricKey } from '../framework/metric-keys';
import type { MissingProof } from './missing-proof';

/*
 * What every slide builder receives, and what it returns before the slide budget decides which
 * drafts are presented and which go to the appendix.
 */

export interface SlideContext {
  facts: DeckFacts;
  reading: FrameworkReading;
  audience: AudienceMember[];
  /** The first person in the room: the value story is told in their terms. */
  primary: AudienceMember;
  deckType: DeckType;
  gaps: PlanEvidenceGap[];
  /** `gaps` as the deck counts and lists them, one per step that closes it (missing-proof.ts). */
  missingProof: MissingProof[];
  proofChecks: ProofCheck[];
}

/**
 * A slide before budgeting. `priority` orders what stays in the main body when there are too many
 * (lower is more important); `placement` is where it would go with room to spare.
 */
export interface SlideDraft {
  id: string;
  reason: string;
  content: DeckSlide;
  priority: number;
  placement: SlideSection;
}

/** Sources of the metrics a slide shows, from the metric catalog, de-duplicated. */
export function metricSources(metricKeys: readonly MetricKey[]): string {
  // Catalog sources list alternatives ("Our platform … or The buyer's claims data"); a footnote names each once.
  const parts = metricKeys
    .map((key) => findMetricDefinition(key)?.source)
    .filter((s): s is string => !!s)
    .flatMap((source) => source.split(/;\s*|\s+or\s+(?=[A-Z])/))
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const sources = [...new Set(parts)];
  return sources.length > 0 ? sources.join('; ') : 'Account data recorded monthly';
}

/** The metric keys a KPI read or needed. */
export function kpiMetricKeys(kpi: KpiResult): MetricKey[] {
  const read = kpi.current.inputs.flatMap((input) => (input.kind === 'observation' ? [input.metricKey] : []));
  return [...read, ...kpi.current.missingInputs.filter(isMetricKey)];
}

/** Footnote for a slide showing KPI values at the report month with their comparisons. */
export function kpiFootnote(ctx: SlideContext, kpis: readonly KpiResult[], note?: string): SlideFootnote {
  return {
    source: metricSources(kpis.flatMap(kpiMetricKeys)),
    dateRange: comparisonRangeLabel(ctx.facts.reportMonth),
    ...(note ? { note } : {}),
  };
}

/** Footnote for a chart over its labelled months. */
export function chartFootnote(chart: ChartSpec, metricKeys: readonly MetricKey[], note?: string): SlideFootnote {
  const months = chart.months ?? [];
  const dateRange = months.length > 0 ? monthSpanLabel(months[0]!, months[months.length - 1]!) : 'See chart labels';
  const text = [note, chart.footnote].filter(Boolean).join(' ');
  return { source: metricSources(metricKeys), dateRange, ...(text ? { note: text.slice(0, 480) } : {}) };
}

/** Footnote for values summed over the deck's period: dated with the same label as the slide ("Q4 2026 to date (Oct–Nov)"). */
export function quarterFootnote(ctx: SlideContext, metricKeys: readonly MetricKey[], note?: string): SlideFootnote {
  return { source: metricSources(metricKeys), dateRange: ctx.facts.period, ...(note ? { note } : {}) };
}

/** Footnote for values of the report month alone (a funnel, a snapshot). */
export function reportMonthFootnote(ctx: SlideContext, metricKeys: readonly MetricKey[], note?: string): SlideFootnote {
  return { source: metricSources(metricKeys), dateRange: monthLabel(ctx.facts.reportMonth), ...(note ? { note } : {}) };
}


