import type PptxGenJS from 'pptxgenjs';
import type { BrandSettings, TableSlide } from '../../../shared/deck/deck-document';
import { BODY, HAIRLINE, INK, MUTED, WHITE, ZEBRA } from '../deck-theme';
import { CELL_PAD, type TableLayout, type TablePage } from '../table-layout';
import { addSlideChrome } from './slide-chrome';

/** One page of a table: brand-coloured header repeated on every page, zebra rows, missing cells muted. */
export function renderTableSlide(
  slide: PptxGenJS.Slide,
  source: TableSlide,
  brand: BrandSettings,
  table: { layout: TableLayout; page: TablePage; index: number; count: number },
): void {
  addSlideChrome(slide, source, brand, { index: table.index, count: table.count });
  const { layout, page } = table;
  const margin: [number, number, number, number] = [CELL_PAD.y, CELL_PAD.x, CELL_PAD.y, CELL_PAD.x];
  const border: PptxGenJS.BorderProps = { type: 'solid', pt: 0.5, color: HAIRLINE };
  const header: PptxGenJS.TableCell[] = layout.header.map((text, i) => ({
    text,
    options: { bold: true, color: WHITE, fill: { color: brand.primaryColor }, align: source.columns[i]!.align ?? 'left', margin, border },
  }));
  const body: PptxGenJS.TableCell[][] = page.rows.map((row, r) =>
    row.cells.map((text, i) => ({
      text,
      options: {
        color: row.missing[i] ? MUTED : INK,
        italic: row.missing[i],
        fill: { color: r % 2 === 1 ? ZEBRA : WHITE },
        align: source.columns[i]!.align ?? 'left',
        margin,
        border,
      },
    })),
  );
  slide.addTable([header, ...body], {
    x: BODY.x,
    y: BODY.y,
    w: BODY.w,
    colW: layout.columnWidthsIn,
    rowH: [layout.headerHeightIn, ...page.rows.map((r) => r.heightIn)],
    fontFace: brand.fontBody,
    fontSize: layout.fontSizePt,
    valign: 'middle',
    autoPage: false,
  });
}
