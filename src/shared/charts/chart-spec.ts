import { monthLabel } from '../calendar';
import { quantityOrMissing } from '../format/quantity';

/*
 * One description of a chart that both renderers read: chart.js in the app and pptxgenjs in decks.
 * It says what to draw (type, labels, series, units, targets), never how a library draws it, so a
 * chart looks the same on screen and on a slide. Missing values are null and drawn as gaps, never 0.
 */

/** The chart types both renderers support. */
export type ChartType = 'line' | 'bar' | 'stacked-bar' | 'combo' | 'doughnut';

/** How values are formatted on axes, labels and tooltips. Fractions are 0-1 and shown as percent. */
export type ChartUnit = 'fraction' | 'percent' | 'days' | 'usd' | 'count' | 'score';

export interface ChartSeries {
  /** Stable id (e.g. a KPI key) so renderers can keep colours consistent across charts. */
  id: string;
  label: string;
  /** One value per category label; null where unknown. */
  values: (number | null)[];
  unit: ChartUnit;
  /** For combo charts: how this series is drawn. */
  render?: 'line' | 'bar';
  /** Which value axis the series uses; combo charts with two units put the second on the right. */
  axis?: 'primary' | 'secondary';
}

/** A horizontal reference line, e.g. a contract target or a signal threshold. */
export interface ChartTargetLine {
  label: string;
  value: number;
  unit: ChartUnit;
  axis?: 'primary' | 'secondary';
}

export interface ChartSpec {
  /** Stable id of the chart kind, e.g. 'rpm_engagement_vs_billing'. */
  id: string;
  type: ChartType;
  title: string;
  /** Category labels as printed ("Jul 2026", or segment names for doughnuts). */
  labels: string[];
  /** For a chart over time: the month (YYYY-MM) of each category, so nothing parses the labels back. */
  months?: string[];
  series: ChartSeries[];
  axisTitles: { x?: string; y?: string; y2?: string };
  targetLines: ChartTargetLine[];
  /** A sentence under the chart: the source and formula, so the number is traceable on a slide. */
  footnote?: string;
}

/** The categories of a chart over months: printed labels and the months behind them. */
export function monthlyCategories(months: readonly string[]): Pick<ChartSpec, 'labels' | 'months'> {
  return { labels: months.map(monthLabel), months: [...months] };
}

/** Formats a value in a chart unit for labels and tooltips: the shared quantity formatter, as everywhere. */
export function formatChartValue(value: number | null, unit: ChartUnit): string {
  return quantityOrMissing(value, unit);
}
