import type { KpiChange } from '../../../shared/metrics/kpi-change';
import type { KpiInput } from '../../../shared/metrics/kpi-value';
import type { KpiUnit } from '../../../shared/metrics/kpis/kpi-definition';
import { findMetricDefinition } from '../../../shared/metrics/metric-catalog';
import type { MetricUnit } from '../../../shared/metrics/metric-definition';
import { isSuppressedInDecks, SUPPRESSED_COUNT_TEXT } from '../../../shared/metrics/small-cells';
import type { SignalEvidence } from '../../../shared/metrics/signals/signal';
import { formatCalendarDate } from '../format';
import { formatQuantityChange, NOT_AVAILABLE, quantityOrMissing, type QuantityUnit } from '../../../shared/format/quantity';

/*
 * How the metrics screens write numbers. A missing value is "Not available" (with what is missing
 * said next to it), never 0 or a blank; fractions (0-1) show as percent, percents (0-100) as stored.
 */

export { NOT_AVAILABLE };

/** A KPI value in its unit: "97%", "10.6 days", "$20.67", or "Not available" (the shared formatter). */
export function formatKpiValue(value: number | null, unit: KpiUnit): string {
  return quantityOrMissing(value, unit);
}

/** A change between two months in the KPI's unit; fractions change in percentage points. "+2.8 pts", "−1.6 days", "Not available". */
export function formatKpiChange(change: KpiChange, unit: KpiUnit): string {
  return formatQuantityChange(change.delta, unit) ?? NOT_AVAILABLE;
}

/** A stored metric value in its catalog unit. */
export function formatMetricValue(value: number | null, unit: MetricUnit): string {
  return quantityOrMissing(value, unit);
}

/** A signal's evidence number in its unit. */
export function formatEvidence(evidence: SignalEvidence): string {
  const { value, unit } = evidence;
  if (value === null) return NOT_AVAILABLE;
  if (typeof value === 'string') return unit === 'date' ? formatCalendarDate(value) : value;
  if (unit === 'date' || unit === 'text') return String(value);
  return quantityOrMissing(value, unit);
}

/** "2026-06" → "Jun 2026". */
export function formatMonth(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : date.toLocaleDateString(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** The catalog label of a metric key, or the key itself when the catalog does not know it. */
export function metricLabel(metricKey: string): string {
  return findMetricDefinition(metricKey)?.label ?? metricKey;
}

/** One input a number was computed from, as a line of a trace: what, when, how much. */
export interface InputLine {
  what: string;
  /** Month, date or source the value belongs to. */
  when: string;
  value: string;
}

export function describeInput(input: KpiInput, streamName: (streamId: string) => string | null = () => null): InputLine {
  switch (input.kind) {
    case 'observation': {
      const definition = findMetricDefinition(input.metricKey);
      const scope = input.streamId === '' ? 'account level' : streamName(input.streamId);
      const value = quantityOrMissing(input.value, definition?.unit ?? 'count');
      return {
        what: `${definition?.label ?? input.metricKey}${scope ? ` (${scope})` : ''}`,
        when: formatMonth(input.month),
        // The app shows the CSM's exact numbers, and says which ones a deck will suppress (small-cells.ts).
        value: isSuppressedInDecks(input.metricKey, input.value) ? `${value} (decks: ${SUPPRESSED_COUNT_TEXT})` : value,
      };
    }
    case 'term':
      return { what: `Contract term: ${humanise(input.term)}`, when: 'Stream terms', value: quantityOrMissing(input.value, 'count') };
    case 'rate':
      return { what: `CPT ${input.code} rate`, when: `as of ${formatCalendarDate(input.asOf)} (${input.source})`, value: quantityOrMissing(input.rateCents / 100, 'usd') };
    case 'stakeholder':
      return { what: `${input.personName}, days since last engaged`, when: `last engaged ${formatCalendarDate(input.lastEngagedOn)}`, value: quantityOrMissing(input.value, 'count') };
  }
}

/** A missing input's name ("rpm_enrolled_patients", "terms.revenueSharePct", "rate.99454") in words. */
export function describeMissingInput(name: string): string {
  if (name.startsWith('terms.')) return `the contract term "${humanise(name.slice(6))}"`;
  if (name.startsWith('rate.')) return `the CPT ${name.slice(5)} rate in settings`;
  return findMetricDefinition(name)?.label ?? humanise(name);
}

/** "revenueSharePct" / "rpm_enrolled" → "revenue share pct" / "rpm enrolled". */
function humanise(name: string): string {
  return name
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** A health component's measured value; `ratio` units (achieved ÷ needed) show as "0.82×". */
export function formatMeasured(value: number | null, unit: QuantityUnit): string {
  return quantityOrMissing(value, unit);
}

/** A health score: "49.7", or "Not available". */
export function formatScore(score: number | null): string {
  return quantityOrMissing(score, 'score');
}
