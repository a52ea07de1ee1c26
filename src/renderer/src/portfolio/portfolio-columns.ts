import type { PortfolioSortKey } from './portfolio-sort';

/** One column of the portfolio grid. */
export interface PortfolioColumn {
  id: 'name' | 'health' | 'signals' | 'setup' | 'customerSegment' | 'revenueModels' | 'renewalDate' | 'updatedAt';
  label: string;
  /** Null for a column the list cannot be sorted by. */
  sortKey: PortfolioSortKey | null;
  /** Narrowest the column may get, in px; its share of any extra width is `grow`. */
  minPx: number;
  grow: number;
}

export const PORTFOLIO_COLUMNS: readonly PortfolioColumn[] = [
  { id: 'name', label: 'Account', sortKey: 'name', minPx: 190, grow: 1.8 },
  { id: 'health', label: 'Health', sortKey: 'health', minPx: 132, grow: 0.8 },
  { id: 'signals', label: 'Signals', sortKey: 'signals', minPx: 112, grow: 0.7 },
  { id: 'setup', label: 'Setup', sortKey: null, minPx: 112, grow: 0.7 },
  { id: 'customerSegment', label: 'Segment', sortKey: 'customerSegment', minPx: 140, grow: 1 },
  { id: 'revenueModels', label: 'Revenue models', sortKey: 'revenueModels', minPx: 170, grow: 1.5 },
  { id: 'renewalDate', label: 'Renewal', sortKey: 'renewalDate', minPx: 120, grow: 0.8 },
  { id: 'updatedAt', label: 'Updated', sortKey: 'updatedAt', minPx: 120, grow: 0.8 },
];

/** Which columns give way first when the window is narrow: the least-read ones. */
const DROP_ORDER: readonly PortfolioColumn['id'][] = ['updatedAt', 'customerSegment', 'signals', 'setup'];

/**
 * The columns that fit in `widthPx` without a horizontal scrollbar, dropping the least-read first;
 * the account name, health, revenue models and renewal always stay. Width 0 (not measured yet) keeps all.
 * @example visibleColumns(900).map((c) => c.id) // without Updated and Segment
 */
export function visibleColumns(widthPx: number): PortfolioColumn[] {
  let columns = [...PORTFOLIO_COLUMNS];
  if (widthPx <= 0) return columns;
  for (const id of DROP_ORDER) {
    if (minWidthOf(columns) <= widthPx) break;
    columns = columns.filter((column) => column.id !== id);
  }
  return columns;
}

/** The grid's narrowest width for these columns, in px. */
export function minWidthOf(columns: readonly PortfolioColumn[]): number {
  return columns.reduce((sum, column) => sum + column.minPx, 0);
}

/** The CSS grid template for these columns. */
export function gridTemplateOf(columns: readonly PortfolioColumn[]): string {
  return columns.map((column) => `minmax(${column.minPx}px, ${column.grow}fr)`).join(' ');
}
