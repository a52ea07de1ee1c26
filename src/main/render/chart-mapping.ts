import type PptxGenJS from 'pptxgenjs';
import type { ChartSeries, ChartSpec, ChartUnit } from '../../shared/charts/chart-spec';
import type { BrandSettings } from '../../shared/deck/deck-document';
import { GRID, HAIRLINE, INK, MUTED, TARGET_LINE_COLOR, seriesPalette } from './deck-theme';

/** Where a chart goes on the slide, in inches. */
export interface ChartBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Arguments for `slide.addChart`: a single chart type, or several groups for a combo. */
export type PptxChartCall =
  | { multi: false; type: PptxGenJS.CHART_NAME; data: PptxGenJS.OptsChartData[]; options: PptxGenJS.IChartOpts }
  | { multi: true; types: PptxGenJS.IChartMulti[]; options: PptxGenJS.IChartOpts };

/**
 * Excel number format for a chart unit, matching formatChartValue: fractions (0-1) as percent,
 * percent values (0-100) with a literal '%', days and scores to one decimal.
 */
export function numberFormat(unit: ChartUnit): string {
  switch (unit) {
    case 'fraction':
      return '0%';
    case 'percent':
      return '0"%"';
    case 'usd':
      return '$#,##0';
    case 'days':
    case 'score':
      return '#,##0.0';
    default:
      return '#,##0';
  }
}

/** Renderer-only choices a ChartSpec does not carry (funnels are horizontal bars with values). */
export interface ChartRenderOptions {
  /** Bars only: left-to-right bars with the first label on top. */
  horizontal?: boolean;
  /** Print values on bars / points; default on for doughnuts and horizontal bars. */
  showValues?: boolean;
}

const AXIS_PT = 11;
const LEGEND_PT = 11;

/**
 * Maps the shared ChartSpec to a native, editable pptxgenjs chart. Missing values stay null (the repair
 * step turns them into real gaps), targets become dashed line series, combos become bar + line
 * groups with an optional secondary axis.
 */
export function mapChartSpec(spec: ChartSpec, brand: BrandSettings, box: ChartBox, altText: string, render: ChartRenderOptions = {}): PptxChartCall {
  const palette = seriesPalette(brand);
  const primaryUnit = (spec.series.find((s) => s.axis !== 'secondary') ?? spec.series[0]!).unit;
  const format = numberFormat(primaryUnit);
  const horizontal = !!render.horizontal && (spec.type === 'bar' || spec.type === 'stacked-bar');
  // A horizontal bar chart cannot carry a horizontal reference line; doughnuts have no value axis.
  const targets = spec.type === 'doughnut' || horizontal ? [] : spec.targetLines;
  const legendEntries = spec.type === 'doughnut' ? spec.labels.length : spec.series.length + targets.length;
  const base: PptxGenJS.IChartOpts = {
    ...box,
    altText,
    displayBlanksAs: 'gap',
    showLegend: legendEntries > 1,
    legendPos: spec.type === 'doughnut' ? 'r' : 'b',
    legendFontSize: LEGEND_PT,
    legendFontFace: brand.fontBody,
    legendColor: INK,
    catAxisLabelFontSize: AXIS_PT,
    catAxisLabelFontFace: brand.fontBody,
    catAxisLabelColor: INK,
    catAxisLineColor: HAIRLINE,
    catAxisMajorTickMark: 'none',
    valAxisLabelFontSize: AXIS_PT,
    valAxisLabelFontFace: brand.fontBody,
    valAxisLabelColor: MUTED,
    valAxisLabelFormatCode: format,
    valAxisLineShow: false,
    valAxisMajorTickMark: 'none',
    valGridLine: { color: GRID, size: 0.75, style: 'solid' },
    catGridLine: { style: 'none' },
    valLabelFormatCode: format,
    dataLabelFormatCode: format,
    dataLabelFontFace: brand.fontBody,
    dataLabelFontSize: AXIS_PT,
    dataLabelColor: INK,
    ...axisTitles(spec, brand),
  };
  const showValues = render.showValues ?? (spec.type === 'doughnut' || horizontal);

  if (spec.type === 'doughnut') {
    const series = spec.series[0]!;
    return {
      multi: false,
      type: 'doughnut',
      data: [{ name: series.label, labels: [...spec.labels], values: gapValues(series.values) }],
      options: {
        ...base,
        holeSize: 55,
        // One colour per slice: pptxgenjs picks a random one when the list is shorter than the data.
        chartColors: spec.labels.map((_, i) => palette[i % palette.length]!),
        showPercent: showValues,
        showValue: false,
        // Percent labels take their own format; the unit's format would print 0.62 as "1".
        dataLabelFormatCode: '0%',
        dataLabelColor: 'FFFFFF',
        dataLabelFontBold: true,
        dataNoEffects: true,
      },
    };
  }

  const barOptions: PptxGenJS.IChartOpts = {
    barDir: horizontal ? 'bar' : 'col',
    barGrouping: spec.type === 'stacked-bar' ? 'stacked' : 'clustered',
    barGapWidthPct: horizontal ? 40 : 70,
    showValue: showValues,
    dataLabelPosition: spec.type === 'stacked-bar' ? 'ctr' : 'outEnd',
    ...(spec.type === 'stacked-bar' && showValues ? { dataLabelColor: 'FFFFFF' } : {}),
    ...(horizontal ? { catAxisOrientation: 'maxMin' as 'minMax', valAxisHidden: true, valGridLine: { style: 'none' as const } } : {}),
  };
  const lineOptions: PptxGenJS.IChartOpts = { lineSize: 2.25, lineDataSymbol: 'circle', lineDataSymbolSize: 6, showValue: showValues, dataLabelPosition: 't' };

  // Plain single-type charts without targets: one group, no combo machinery.
  if ((spec.type === 'line' || spec.type === 'bar' || spec.type === 'stacked-bar') && targets.length === 0) {
    const isLine = spec.type === 'line';
    return {
      multi: false,
      type: isLine ? 'line' : 'bar',
      data: spec.series.map((s) => seriesData(s, spec.labels)),
      options: { ...base, ...(isLine ? lineOptions : barOptions), chartColors: palette.slice(0, Math.max(1, spec.series.length)) },
    };
  }

  // Combo: bars first (drawn underneath), then lines, then targets; pptxgenjs numbers series across groups.
  type Drawn = { label: string; values: (number | null)[]; axis?: 'primary' | 'secondary'; render?: 'bar' | 'line' };
  const groups: { render: 'bar' | 'line'; secondary: boolean; series: Drawn[]; target?: boolean }[] = [];
  if (spec.type === 'combo') {
    const bars = spec.series.filter((s) => (s.render ?? 'bar') === 'bar');
    const lines = spec.series.filter((s) => s.render === 'line');
    for (const secondary of [false, true]) {
      const b = bars.filter((s) => (s.axis === 'secondary') === secondary);
      if (b.length) groups.push({ render: 'bar', secondary, series: b });
    }
    for (const secondary of [false, true]) {
      const l = lines.filter((s) => (s.axis === 'secondary') === secondary);
      if (l.length) groups.push({ render: 'line', secondary, series: l });
    }
  } else {
    groups.push({ render: spec.type === 'line' ? 'line' : 'bar', secondary: false, series: spec.series });
  }
  for (const secondary of [false, true]) {
    const lines = targets.filter((t) => (t.axis === 'secondary') === secondary);
    if (lines.length) groups.push({ render: 'line', secondary, target: true, series: lines.map((t) => ({ label: t.label, values: spec.labels.map(() => t.value) })) });
  }
  const usesSecondary = groups.some((g) => g.secondary);
  const total = groups.reduce((n, g) => n + g.series.length, 0);
  let offset = 0;
  let colourIndex = 0;
  const types: PptxGenJS.IChartMulti[] = groups.map((group) => {
    const colours = group.target ? group.series.map(() => TARGET_LINE_COLOR) : group.series.map(() => palette[colourIndex++ % palette.length]!);
    const options: PptxGenJS.IChartOpts =
      group.render === 'bar'
        ? { ...barOptions, chartColors: colours }
        : { ...lineOptions, ...lineGroupColours(colours, offset, total), ...(group.target ? { lineDash: 'dash', lineSize: 1.5, lineDataSymbol: 'none', showValue: false } : {}) };
    if (group.secondary) Object.assign(options, { secondaryValAxis: true, secondaryCatAxis: true });
    offset += group.series.length;
    return { type: group.render, data: group.series.map((s) => seriesData(s, spec.labels)), options };
  });
  const options: PptxGenJS.IChartOpts = { ...base };
  if (usesSecondary) {
    const secondaryUnit = spec.series.find((s) => s.axis === 'secondary')?.unit ?? primaryUnit;
    // Both value axes start at zero: an auto-scaled 97-98% axis makes noise look like a trend.
    options.valAxes = [
      { ...axisTitles(spec, brand), valAxisLabelFormatCode: format, ...zeroBased(spec, 'primary') },
      {
        showValAxisTitle: !!spec.axisTitles.y2,
        valAxisTitle: spec.axisTitles.y2,
        valAxisLabelFormatCode: numberFormat(secondaryUnit),
        valGridLine: { style: 'none' },
        ...zeroBased(spec, 'secondary'),
      },
    ];
    // The hidden secondary category axis must not repeat the x-axis title above the plot.
    options.catAxes = [{ catAxisTitle: spec.axisTitles.x, showCatAxisTitle: !!spec.axisTitles.x }, { catAxisHidden: true, showCatAxisTitle: false }];
  }
  return { multi: true, types, options };
}

/**
 * pptxgenjs colours a line group's strokes by position within the group but its markers by the
 * series' position in the whole chart (and picks a random colour past the end of the list). This
 * builds a list that satisfies both where it can, and drops markers where it cannot.
 */
function lineGroupColours(colours: string[], offset: number, total: number): Pick<PptxGenJS.IChartOpts, 'chartColors' | 'lineDataSymbol'> {
  const list = Array.from({ length: Math.max(total, colours.length) }, (_, i) => colours[i % colours.length]!);
  let clash = false;
  colours.forEach((colour, i) => {
    const global = offset + i;
    if (global < colours.length && colours[global] !== colour) clash = true;
    else list[global] = colour;
  });
  return clash ? { chartColors: list, lineDataSymbol: 'none' } : { chartColors: list };
}

/**
 * A zero minimum for an axis whose values are all non-negative (so the axis never starts
 * mid-range), and a 100% ceiling for a share axis rather than an automatic 120%.
 */
function zeroBased(spec: ChartSpec, axis: 'primary' | 'secondary'): PptxGenJS.IChartOpts {
  const series = spec.series.filter((s) => (s.axis ?? 'primary') === axis);
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  if (values.some((v) => v < 0)) return {};
  const unit = series[0]?.unit;
  const ceiling = unit === 'fraction' ? 1 : unit === 'percent' ? 100 : null;
  return ceiling !== null && values.every((v) => v <= ceiling) ? { valAxisMinVal: 0, valAxisMaxVal: ceiling } : { valAxisMinVal: 0 };
}

function axisTitles(spec: ChartSpec, brand: BrandSettings): PptxGenJS.IChartOpts {
  return {
    showValAxisTitle: !!spec.axisTitles.y,
    valAxisTitle: spec.axisTitles.y,
    valAxisTitleFontSize: AXIS_PT,
    valAxisTitleFontFace: brand.fontBody,
    valAxisTitleColor: MUTED,
    showCatAxisTitle: !!spec.axisTitles.x,
    catAxisTitle: spec.axisTitles.x,
    catAxisTitleFontSize: AXIS_PT,
    catAxisTitleFontFace: brand.fontBody,
    catAxisTitleColor: MUTED,
  };
}

/** A fresh data object per call: pptxgenjs mutates what it is given (adds indexes, nests labels). */
function seriesData(series: Pick<ChartSeries, 'label' | 'values'>, labels: string[]): PptxGenJS.OptsChartData {
  return { name: series.label, labels: [...labels], values: gapValues(series.values) };
}

/** pptxgenjs's types say number[], but it writes null as an empty point, which pptx-repair turns into a gap. */
function gapValues(values: (number | null)[]): number[] {
  return values.map((v) => (v === null || !Number.isFinite(v) ? null : v)) as number[];
}
