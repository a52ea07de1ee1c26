import type PptxGenJS from 'pptxgenjs';
import type { ChartSpec } from '../../../shared/charts/chart-spec';
import type { BrandSettings, DeckBullet, FunnelSlide } from '../../../shared/deck/deck-document';
import { addChartWithPanel } from './render-chart-slide';
import { addSlideChrome } from './slide-chrome';

/** A stage funnel as a native horizontal bar chart (first stage on top) with conversion notes beside it. */
export function renderFunnelSlide(slide: PptxGenJS.Slide, source: FunnelSlide, brand: BrandSettings): void {
  addSlideChrome(slide, source, brand);
  const chart: ChartSpec = {
    id: 'funnel',
    type: 'bar',
    title: source.title,
    labels: source.stages.map((s) => s.label),
    series: [{ id: 'stages', label: source.title, values: source.stages.map((s) => s.value), unit: source.unit }],
    axisTitles: {},
    targetLines: [],
  };
  const side = source.sideBullets ?? (source.callout ? undefined : conversionBullets(source));
  addChartWithPanel(slide, chart, source.altText, brand, source.callout, side, { horizontal: true, showValues: true });
}

/** "Activated: 71% of enrolled" per step; a missing stage is named, never computed as zero. */
export function conversionBullets(source: FunnelSlide): DeckBullet[] {
  return source.stages.slice(1).map((stage, i) => {
    const previous = source.stages[i]!;
    if (stage.value === null || previous.value === null || previous.value === 0) {
      return { emphasis: `${stage.label}:`, text: `conversion not available (${stage.value === null ? stage.label : previous.label} not measured)` };
    }
    return { emphasis: `${stage.label}:`, text: `${Math.round((stage.value / previous.value) * 100)}% of ${previous.label.toLowerCase()}` };
  });
}
