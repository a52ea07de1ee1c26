import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { formatChartValue, type ChartSpec, type ChartUnit } from '../../../shared/charts/chart-spec';
import { AXIS_TITLE_FONT_PX, axisTitleLines, categoryLabels, drawnSeries, paletteColour, TARGET_LINE_COLOR } from './chart-layout';

/*
 * Maps the shared ChartSpec onto a chart.js configuration. Pure, so the mapping is tested without
 * a canvas. Nulls stay null (chart.js leaves a gap; spanGaps is off), targets are dashed line
 * datasets, combo bars sit under lines, and every tick and tooltip is formatted by the same
 * formatChartValue the decks use.
 */

type AnyDataset = ChartDataset<'bar' | 'line' | 'doughnut', (number | null)[]>;

/** The chart.js configuration that draws `spec` like its slide counterpart, in a chart `heightPx` tall. */
export function chartJsConfig(spec: ChartSpec, heightPx = 220): ChartConfiguration<'bar' | 'line' | 'doughnut', (number | null)[], string> {
  const labels = categoryLabels(spec);
  if (spec.type === 'doughnut') {
    const series = spec.series[0];
    return {
      type: 'doughnut',
      data: {
        labels,
        datasets: [{ label: series?.label ?? spec.title, data: series?.values ?? [], backgroundColor: spec.labels.map((_, i) => paletteColour(i)), borderColor: '#ffffff' }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => `${item.label}: ${formatChartValue(item.raw as number | null, series?.unit ?? 'count')}` } },
        },
      },
    };
  }

  const series = drawnSeries(spec);
  const unitOf = (axis: 'primary' | 'secondary'): ChartUnit => (series.find((s) => s.axis === axis) ?? series[0])?.unit ?? 'count';
  const hasSecondary = series.some((s) => s.axis === 'secondary') || spec.targetLines.some((t) => t.axis === 'secondary');
  const stacked = spec.type === 'stacked-bar';

  const datasets: AnyDataset[] = series.map((s, order) => ({
    type: s.render,
    label: s.label,
    data: s.values,
    yAxisID: s.axis === 'secondary' ? 'y2' : 'y',
    backgroundColor: s.color,
    borderColor: s.color,
    borderWidth: s.render === 'line' ? 2.5 : 0,
    pointRadius: s.render === 'line' ? 2.5 : 0,
    spanGaps: false,
    // Lower order draws on top: lines above bars, as on the slide.
    order: s.render === 'line' ? order : series.length + order,
    ...(stacked ? { stack: 'total' } : {}),
  }));
  for (const target of spec.targetLines) {
    datasets.push({
      type: 'line',
      label: `${target.label} (${formatChartValue(target.value, target.unit)})`,
      data: spec.labels.map(() => target.value),
      yAxisID: target.axis === 'secondary' ? 'y2' : 'y',
      borderColor: TARGET_LINE_COLOR,
      backgroundColor: TARGET_LINE_COLOR,
      borderDash: [6, 4],
      borderWidth: 1.5,
      pointRadius: 0,
      order: -1,
    });
  }

  const axis = (unit: ChartUnit, title: string | undefined, position: 'left' | 'right') => ({
    position,
    stacked,
    beginAtZero: true,
    // Turned along the axis, a long title would run past the chart: it breaks into lines that fit.
    title: { display: Boolean(title), text: axisTitleLines(title ?? '', heightPx), font: { size: AXIS_TITLE_FONT_PX } },
    ticks: { callback: (value: string | number) => formatChartValue(Number(value), unit), maxTicksLimit: 6 },
    grid: { drawOnChartArea: position === 'left' },
  });

  return {
    type: spec.type === 'line' ? 'line' : 'bar',
    data: { labels, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { stacked, title: { display: Boolean(spec.axisTitles.x), text: spec.axisTitles.x ?? '', font: { size: AXIS_TITLE_FONT_PX } }, grid: { display: false } },
        y: axis(unitOf('primary'), spec.axisTitles.y, 'left'),
        ...(hasSecondary ? { y2: axis(unitOf('secondary'), spec.axisTitles.y2, 'right') } : {}),
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => {
              const drawn = series[item.datasetIndex];
              const value = item.raw as number | null;
              if (!drawn) return String(item.dataset.label ?? '');
              return `${drawn.label}: ${value === null ? 'Not available' : formatChartValue(value, drawn.unit)}`;
            },
          },
        },
      },
    },
  };
}
