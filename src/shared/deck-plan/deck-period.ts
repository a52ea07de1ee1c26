import { addMonths, monthLabel, monthsEndingAt } from '../calendar';

/*
 * The time words a deck uses: quarter labels, month labels and footnote date ranges. All from
 * ISO strings so nothing depends on the machine's locale or time zone.
 */

/** "2026Q3" → "Q3 2026". */
export function quarterLabel(quarter: string): string {
  return `${quarter.slice(4)} ${quarter.slice(0, 4)}`;
}

/** The three months of a quarter, oldest first: "2026Q3" → ["2026-07", "2026-08", "2026-09"]. */
export function quarterMonths(quarter: string): string[] {
  const year = quarter.slice(0, 4);
  const first = (Number(quarter.slice(5)) - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${year}-${String(first + i).padStart(2, '0')}`);
}

export { dayLabel, monthLabel } from '../calendar';

/** "Nov 2025 – Oct 2026": a span of months for chart footnotes. */
export function monthSpanLabel(first: string, last: string): string {
  return first === last ? monthLabel(first) : `${monthLabel(first)} – ${monthLabel(last)}`;
}

/** The report month and the two comparison months the scorecard uses, as one footnote phrase. */
export function comparisonRangeLabel(reportMonth: string): string {
  return `${monthLabel(reportMonth)}; compared with ${monthLabel(addMonths(reportMonth, -3))} and ${monthLabel(addMonths(reportMonth, -12))}`;
}

/** The quarter's months up to and including the report month (a quarter may be in progress). */
export function quarterMonthsThrough(quarter: string, reportMonth: string): string[] {
  return quarterMonths(quarter).filter((month) => month <= reportMonth);
}

/** Months of chart history ending at the report month. */
export function historyMonths(reportMonth: string, count: number): string[] {
  return monthsEndingAt(reportMonth, count);
}

/**
 * The one label for a quarter's figures, used by every slide title, tile, table header, chart
 * caption and footnote that shows them: "Q3 2026" once the quarter's last month is reported,
 * "Q4 2026 to date (Oct–Nov)" while it runs, so two months are never read as a quarter.
 * @example periodLabel('2026Q4', '2026-11') // "Q4 2026 to date (Oct–Nov)"
 */
export function periodLabel(quarter: string, reportMonth: string): string {
  const months = quarterMonthsThrough(quarter, reportMonth);
  if (months.length === 3) return quarterLabel(quarter);
  if (months.length === 0) return `${quarterLabel(quarter)} (no months with data yet)`;
  const short = (month: string) => monthLabel(month).slice(0, 3);
  const span = months.length === 1 ? short(months[0]!) : `${short(months[0]!)}–${short(months[months.length - 1]!)}`;
  return `${quarterLabel(quarter)} to date (${span})`;
}
