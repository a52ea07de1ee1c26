import type { DeckTableColumn } from '../../shared/deck/deck-document';
import { LINE_HEIGHT_EM } from './text-metrics';
import { fitBlocks } from './text-fit';
import { NOT_AVAILABLE } from '../../shared/format/quantity';

/** Table text size: the body minimum, so tables read as well as bullets. */
export const TABLE_PT = 12;
/** A short table that would spill a few rows onto a continuation slide is set this small instead. */
const TABLE_MIN_PT = 10;
/** Cell padding in inches (top/bottom, left/right). */
export const CELL_PAD = { y: 0.05, x: 0.08 } as const;
/** A cell wraps to at most this many lines (only a pathological cell is cut; plan text fits). */
const MAX_CELL_LINES = 6;
/** A continuation page carries at least this many rows: rows move back from the page before when it would not. */
const MIN_CONTINUATION_ROWS = 4;
/** Shown for a null cell: a missing number must never look like a zero or a blank (the formatter's one phrase). */
export { NOT_AVAILABLE };

/** One page of a table, with text already fitted to its cells. */
export interface TablePage {
  rows: { cells: string[]; heightIn: number; missing: boolean[] }[];
}

/** A table laid out for slides: column widths, the fitted header, and rows split into pages. */
export interface TableLayout {
  columnWidthsIn: number[];
  header: string[];
  headerHeightIn: number;
  pages: TablePage[];
  /** The text size every cell is set in. */
  fontSizePt: number;
}

const lineInAt = (sizePt: number) => (sizePt * LINE_HEIGHT_EM) / 72;

function fitCell(text: string, widthIn: number, bold: boolean, sizePt: number): { text: string; lines: number } {
  const inner = Math.max(0.2, widthIn - 2 * CELL_PAD.x);
  const fitted = fitBlocks([{ text, bold }], { widthIn: inner, heightIn: MAX_CELL_LINES * lineInAt(sizePt), maxPt: sizePt, minPt: sizePt, maxLinesPerBlock: MAX_CELL_LINES });
  return { text: fitted.texts[0] ?? '', lines: Math.max(1, fitted.lineCounts[0] ?? 1) };
}

/** A continuation page with fewer rows than a slide's worth of reading. */
function thinContinuation(layout: TableLayout): boolean {
  return layout.pages.length > 1 && layout.pages[layout.pages.length - 1]!.rows.length < MIN_CONTINUATION_ROWS;
}

/**
 * Splits rows into pages that fit `heightIn` below a repeated header. Row heights are measured,
 * not assumed, so a row with a 200-character name takes the room it needs and pages stay inside
 * the body area. Deterministic: the same table always pages the same way.
 */
export function layoutTable(columns: DeckTableColumn[], rows: (string | null)[][], widthIn: number, heightIn: number): TableLayout {
  // Full size unless that leaves a thin continuation slide; then a point smaller, down to the minimum.
  let layout = layoutTableAt(columns, rows, widthIn, heightIn, TABLE_PT);
  for (let size = TABLE_PT - 1; size >= TABLE_MIN_PT && thinContinuation(layout); size -= 1) {
    const smaller = layoutTableAt(columns, rows, widthIn, heightIn, size);
    if (smaller.pages.length < layout.pages.length || !thinContinuation(smaller)) layout = smaller;
  }
  return layout;
}

function layoutTableAt(columns: DeckTableColumn[], rows: (string | null)[][], widthIn: number, heightIn: number, sizePt: number): TableLayout {
  const lineIn = lineInAt(sizePt);
  const totalWeight = columns.reduce((sum, c) => sum + (c.weight ?? 1), 0);
  const columnWidthsIn = columns.map((c) => (widthIn * (c.weight ?? 1)) / totalWeight);
  const headerCells = columns.map((c, i) => fitCell(c.header, columnWidthsIn[i]!, true, sizePt));
  const headerHeightIn = Math.max(...headerCells.map((c) => c.lines)) * lineIn + 2 * CELL_PAD.y;
  const available = heightIn - headerHeightIn;

  const sourceRows = rows.length ? rows : [columns.map((_, i) => (i === 0 ? 'No rows for this period' : ''))];
  const pages: TablePage[] = [];
  let current: TablePage = { rows: [] };
  let used = 0;
  for (const row of sourceRows) {
    const cells = row.map((cell, i) => fitCell(cell ?? NOT_AVAILABLE, columnWidthsIn[i]!, false, sizePt));
    const height = Math.max(...cells.map((c) => c.lines)) * lineIn + 2 * CELL_PAD.y;
    if (current.rows.length > 0 && used + height > available) {
      pages.push(current);
      current = { rows: [] };
      used = 0;
    }
    current.rows.push({ cells: cells.map((c) => c.text), heightIn: height, missing: row.map((cell) => cell === null) });
    used += height;
  }
  pages.push(current);
  balanceLastPage(pages, available);
  return { columnWidthsIn, header: headerCells.map((c) => c.text), headerHeightIn, pages, fontSizePt: sizePt };
}

/** Moves rows from the second-last page to the last so no continuation slide carries one or two lone rows. */
function balanceLastPage(pages: TablePage[], available: number): void {
  if (pages.length < 2) return;
  const last = pages[pages.length - 1]!;
  const before = pages[pages.length - 2]!;
  const height = (page: TablePage) => page.rows.reduce((sum, row) => sum + row.heightIn, 0);
  while (last.rows.length < MIN_CONTINUATION_ROWS && before.rows.length > MIN_CONTINUATION_ROWS && height(last) + before.rows[before.rows.length - 1]!.heightIn <= available) {
    last.rows.unshift(before.rows.pop()!);
  }
}
