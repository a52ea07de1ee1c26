import type { ChartSeries, ChartSpec } from '../../../shared/charts/chart-spec';
import { DEFAULT_BRAND } from '../../../shared/deck/deck-document';
import { monthLabel } from '../../../shared/calendar';

/*
 * Pure helpers for ChartView: which colour each series gets and how categories are labelled.
 * Colours follow the deck's rule (the brand's two colours, then calm greys, in drawing order with
 * combo bars before lines; targets dark grey and dashed) so a chart reads the same on screen and on a slide.
 */

/** The deck's series palette for the default brand (see deck-theme.ts `seriesPalette`). */
export const SERIES_PALETTE = [DEFAULT_BRAND.primaryColor, DEFAULT_BRAND.secondaryColor, '6B7280', '374151', '94A3B8', '4B5563', '9CA3AF', '1F2937', '64748B', '52525B', 'A3A3A3', '334155'].map(
  (hex) => `#${hex}`,
);
export const TARGET_LINE_COLOR = '#374151';

/** The n-th colour in drawing order (doughnut slices take one each). */
export function paletteColour(index: number): string {
  return SERIES_PALETTE[index % SERIES_PALETTE.length]!;
}

export interface DrawnSeries extends ChartSeries {
  color: string;
  render: 'line' | 'bar';
  axis: 'primary' | 'secondary';
}

/** Series in drawing order with their colours: combo bars first (underneath), then lines, as in the deck. */
export function drawnSeries(spec: ChartSpec): DrawnSeries[] {
  const renderOf = (series: ChartSeries): 'line' | 'bar' =>
    spec.type === 'combo' ? (series.render ?? 'bar') : spec.type === 'line' ? 'line' : 'bar';
  const ordered = spec.type === 'combo' ? [...spec.series.filter((s) => renderOf(s) === 'bar'), ...spec.series.filter((s) => renderOf(s) === 'line')] : spec.series;
  return ordered.map((series, i) => ({
    ...series,
    color: paletteColour(i),
    render: renderOf(series),
    axis: spec.type === 'combo' && series.axis === 'secondary' ? 'secondary' : 'primary',
  }));
}

/** The axis labels of a chart: a chart over months shows "Jun 26" from its months; other labels pass through. */
export function categoryLabels(spec: Pick<ChartSpec, 'labels' | 'months'>): string[] {
  return spec.months ? spec.months.map((month) => `${monthLabel(month).slice(0, 3)} ${month.slice(2, 4)}`) : spec.labels;
}

/** Axis titles are drawn at this size (px); a character is about 0.56 of it wide in the system fonts, rounded up. */
export const AXIS_TITLE_FONT_PX = 11;
const AXIS_TITLE_CHAR_PX = 6.2;
/** What the x axis (ticks, turned on narrow charts, and its title) takes from the bottom of a chart, px. */
const X_AXIS_AREA_PX = 55;

/**
 * A y-axis title broken between words into lines that each fit the height of the plot, so a long
 * title ("Management-code capture per device-billed patient") is never cut off at the chart's edge.
 * @example axisTitleLines('Management-code capture per device-billed patient', 220) // ['Management-code capture', 'per device-billed patient']
 */
export function axisTitleLines(title: string, chartHeightPx: number): string[] {
  const maxChars = Math.max(8, Math.floor((chartHeightPx - X_AXIS_AREA_PX) / AXIS_TITLE_CHAR_PX));
  const lines: string[] = [];
  for (const word of title.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
