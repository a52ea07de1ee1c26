import { z } from 'zod';
import type { ChartSpec, ChartUnit } from '../charts/chart-spec';

export type { ChartSpec, ChartUnit } from '../charts/chart-spec';

/*
 * The render model: what a deck *looks like*, slide by slide, with every word and number already
 * decided. The deck plan (which slides, which numbers, per audience) produces it; the renderer in
 * src/main/render turns it into a .pptx without making any domain decision of its own.
 * Charts are the shared ChartSpec (src/shared/charts/chart-spec.ts), the same the app draws with chart.js.
 *
 * Missing data is `null` everywhere (a KPI value, a chart point, a table cell), never 0: the
 * renderer shows "Not available" or a gap, so a missing number can never be read as a zero.
 */

// ---------------------------------------------------------------------------------------------
// Brand
// ---------------------------------------------------------------------------------------------

/** Company look applied to every slide. Colours are 6-digit hex without '#'. */
export interface BrandSettings {
  companyName: string;
  primaryColor: string;
  secondaryColor: string;
  fontHeading: string;
  fontBody: string;
  /** PNG logo as base64 (no data: prefix); shown on the title slide and in the footer. */
  logoPng?: string;
}

/**
 * Defaults when nothing was set or read from a template. Calibri because every PowerPoint has it
 * (LibreOffice substitutes Carlito, which has the same metrics, so measured text fits in both).
 */
export const DEFAULT_BRAND: Omit<BrandSettings, 'companyName'> = {
  primaryColor: '1F4E79',
  secondaryColor: '5B9BD5',
  fontHeading: 'Calibri',
  fontBody: 'Calibri',
};

// ---------------------------------------------------------------------------------------------
// Slides
// ---------------------------------------------------------------------------------------------

/** Where a slide's numbers come from; required on every data slide (chart, table, KPI, funnel). */
export interface SlideFootnote {
  /** e.g. "Platform enrollment data; payer claims feed". */
  source: string;
  /** e.g. "Jul 1 – Sep 30, 2026". */
  dateRange: string;
  /** Anything else the audience must know (definitions, sample size). */
  note?: string;
}

/** One bullet; `emphasis` is a bold lead-in, `figure` a large number shown beside it. */
export interface DeckBullet {
  text: string;
  emphasis?: string;
  figure?: string;
  /** 0 = top level, 1 = sub-point. */
  level?: 0 | 1;
}

/** A large number with its label, shown beside a chart ("18% fewer ER visits"). */
export interface DeckCallout {
  figure: string;
  label: string;
}

interface SlideBase {
  /** Action title: the takeaway in words and numbers, not a topic label. */
  title: string;
  subtitle?: string;
  /** Talking points and the likely question; required on content slides. */
  notes?: string;
}

interface ContentSlideBase extends SlideBase {
  notes: string;
  footnote?: SlideFootnote;
}

interface DataSlideBase extends SlideBase {
  notes: string;
  footnote: SlideFootnote;
}

/** Opening slide: account, meeting and date. */
export interface TitleSlide extends SlideBase {
  kind: 'title';
  /** e.g. "Quarterly Business Review · Q3 2026". */
  meetingLabel: string;
  /** e.g. "Prepared for Northwind Health · October 14, 2026". */
  dateLabel?: string;
}

/** A divider between parts of the deck ("Appendix"). */
export interface SectionSlide extends SlideBase {
  kind: 'section';
}

export interface BulletsSlide extends ContentSlideBase {
  kind: 'bullets';
  bullets: DeckBullet[];
}

export interface ChartSlide extends DataSlideBase {
  kind: 'chart';
  chart: ChartSpec;
  /** What the chart shows, for screen readers ("Line chart: device days per month, Jan–Sep 2026, rising from 14 to 19"). */
  altText: string;
  sideBullets?: DeckBullet[];
  callout?: DeckCallout;
}

/** A table column; `weight` sets relative width (default 1). */
export interface DeckTableColumn {
  header: string;
  align?: 'left' | 'center' | 'right';
  weight?: number;
}

/** A table; rows that do not fit continue on further slides titled "… (cont.)". Null cells read "Not available". */
export interface TableSlide extends DataSlideBase {
  kind: 'table';
  columns: DeckTableColumn[];
  rows: (string | null)[][];
}

/** A KPI tile's state; the colour is never the only signal, the tile also prints the word. */
export type KpiStatus = 'good' | 'watch' | 'risk' | 'neutral';

export interface KpiTile {
  label: string;
  /** Formatted value ("19.2 days"); null renders "Not available", never 0. */
  value: string | null;
  /** The line under the value: a change ("+18% vs Q2") or a dollar figure's basis ("$3.10 × 14,000 employees a month"). */
  delta?: string;
  status: KpiStatus;
  /** The status's word when it is not the status's own ("Below target", "Improving": see deck-plan/kpi-standing.ts). */
  statusLabel?: string;
  /** e.g. "Target 16 days". */
  caption?: string;
}

export interface KpiSlide extends DataSlideBase {
  kind: 'kpis';
  /** 1-8 tiles; more than 4 wrap to a second row. */
  tiles: KpiTile[];
}

export interface DeckColumn {
  heading: string;
  bullets: DeckBullet[];
}

export interface TwoColumnSlide extends ContentSlideBase {
  kind: 'two-column';
  left: DeckColumn;
  right: DeckColumn;
}

export interface FunnelStage {
  label: string;
  /** null = not measured: drawn as a gap and named in the conversion notes. */
  value: number | null;
}

/** A stage funnel (eligible → enrolled → activated → adherent), drawn as a native horizontal bar chart. */
export interface FunnelSlide extends DataSlideBase {
  kind: 'funnel';
  stages: FunnelStage[];
  unit: ChartUnit;
  altText: string;
  /** Shown beside the chart; when absent the renderer lists stage-to-stage conversion rates. */
  sideBullets?: DeckBullet[];
  callout?: DeckCallout;
}

export type DeckSlide = TitleSlide | SectionSlide | BulletsSlide | ChartSlide | TableSlide | KpiSlide | TwoColumnSlide | FunnelSlide;

/** Everything the renderer needs to produce one .pptx. */
export interface DeckDocument {
  /** Document title (file properties). */
  title: string;
  brand: BrandSettings;
  slides: DeckSlide[];
  /** Author shown in file properties. */
  author?: string;
  /**
   * ISO timestamp written as the file's created/modified date; passed in so rendering never reads the
   * clock (same document, same slide and chart XML). Defaults to 2000-01-01T00:00:00Z.
   */
  createdAt?: string;
}

// ---------------------------------------------------------------------------------------------
// Validation: documents cross a worker / IPC boundary, so they are checked there.
// ---------------------------------------------------------------------------------------------

const hexColorSchema = z.string().regex(/^[0-9A-Fa-f]{6}$/, 'Use a 6-digit hex colour without #');
const unitSchema = z.enum(['fraction', 'percent', 'days', 'usd', 'count', 'score']);
const titleSchema = z.string().min(1).max(300);
const notesSchema = z.string().min(1, 'Content slides need speaker notes').max(20_000);
const axisSchema = z.enum(['primary', 'secondary']).optional();

const chartSpecSchema = z
  .object({
    id: z.string().max(200),
    type: z.enum(['line', 'bar', 'stacked-bar', 'combo', 'doughnut']),
    title: z.string().max(300),
    labels: z.array(z.string().max(200)).min(1).max(200),
    months: z.array(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)).max(200).optional(),
    series: z
      .array(z.object({ id: z.string().max(200), label: z.string().max(200), values: z.array(z.number().finite().nullable()), unit: unitSchema, render: z.enum(['line', 'bar']).optional(), axis: axisSchema }))
      .min(1)
      .max(12),
    axisTitles: z.object({ x: z.string().max(200).optional(), y: z.string().max(200).optional(), y2: z.string().max(200).optional() }),
    targetLines: z.array(z.object({ label: z.string().max(200), value: z.number().finite(), unit: unitSchema, axis: axisSchema })).max(4),
    footnote: z.string().max(500).optional(),
  })
  .refine((spec) => spec.series.every((s) => s.values.length === spec.labels.length), 'Every series needs one value per label')
  .refine((spec) => spec.months === undefined || spec.months.length === spec.labels.length, 'A chart over months needs one month per label');

const footnoteSchema = z.object({ source: z.string().min(1).max(500), dateRange: z.string().min(1).max(200), note: z.string().max(500).optional() });
const bulletSchema = z.object({
  text: z.string().max(2_000),
  emphasis: z.string().max(300).optional(),
  figure: z.string().max(40).optional(),
  level: z.union([z.literal(0), z.literal(1)]).optional(),
});
const calloutSchema = z.object({ figure: z.string().max(40), label: z.string().max(300) });
const base = { title: titleSchema, subtitle: z.string().max(300).optional() };
const content = { ...base, notes: notesSchema, footnote: footnoteSchema.optional() };
const data = { ...base, notes: notesSchema, footnote: footnoteSchema };
const columnSchema = z.object({ heading: z.string().max(200), bullets: z.array(bulletSchema).max(12) });

const slideSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('title'), ...base, notes: z.string().max(20_000).optional(), meetingLabel: z.string().max(300), dateLabel: z.string().max(300).optional() }),
  z.object({ kind: z.literal('section'), ...base, notes: z.string().max(20_000).optional() }),
  z.object({ kind: z.literal('bullets'), ...content, bullets: z.array(bulletSchema).min(1).max(12) }),
  z.object({ kind: z.literal('chart'), ...data, chart: chartSpecSchema, altText: z.string().min(1).max(2_000), sideBullets: z.array(bulletSchema).max(6).optional(), callout: calloutSchema.optional() }),
  z.object({
    kind: z.literal('table'),
    ...data,
    columns: z.array(z.object({ header: z.string().max(200), align: z.enum(['left', 'center', 'right']).optional(), weight: z.number().positive().max(20).optional() })).min(1).max(10),
    rows: z.array(z.array(z.string().max(2_000).nullable())).max(2_000),
  }),
  z.object({
    kind: z.literal('kpis'),
    ...data,
    tiles: z
      .array(z.object({ label: z.string().max(200), value: z.string().max(60).nullable(), delta: z.string().max(100).optional(), status: z.enum(['good', 'watch', 'risk', 'neutral']), statusLabel: z.string().max(40).optional(), caption: z.string().max(200).optional() }))
      .min(1)
      .max(8),
  }),
  z.object({ kind: z.literal('two-column'), ...content, left: columnSchema, right: columnSchema }),
  z.object({
    kind: z.literal('funnel'),
    ...data,
    stages: z.array(z.object({ label: z.string().max(200), value: z.number().finite().nullable() })).min(2).max(8),
    unit: unitSchema,
    altText: z.string().min(1).max(2_000),
    sideBullets: z.array(bulletSchema).max(6).optional(),
    callout: calloutSchema.optional(),
  }),
]);

/** Validates a DeckDocument arriving over a boundary (worker message, IPC). */
export const deckDocumentSchema: z.ZodType<DeckDocument> = z.object({
  title: z.string().min(1).max(300),
  brand: z.object({
    companyName: z.string().max(300),
    primaryColor: hexColorSchema,
    secondaryColor: hexColorSchema,
    fontHeading: z.string().min(1).max(100),
    fontBody: z.string().min(1).max(100),
    logoPng: z.string().max(5_000_000).optional(),
  }),
  slides: z.array(slideSchema).min(1).max(200),
  author: z.string().max(300).optional(),
  createdAt: z.string().datetime().optional(),
}).refine((doc) => doc.slides.every((s) => s.kind !== 'table' || s.rows.every((row) => row.length === s.columns.length)), 'Every table row needs one cell per column');

/** True for slides that carry data and so must cite a source and date range. */
export function isDataSlide(slide: DeckSlide): slide is ChartSlide | TableSlide | KpiSlide | FunnelSlide {
  return slide.kind === 'chart' || slide.kind === 'table' || slide.kind === 'kpis' || slide.kind === 'funnel';
}
