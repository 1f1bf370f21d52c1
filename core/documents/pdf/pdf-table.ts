/**
 * A plain table that flows with a TextCursor: rows that do not fit open a new page and the header row is drawn
 * again there, so a 200-claim fee table stays readable on every page. Cells wrap within their column; a row is
 * never split across pages (half a row on each page is easy to misread as two claims).
 */
import { rgb, type RGB } from 'pdf-lib';
import { GREY, INK, LIGHT, fitText, wrapText, type TextCursor } from './pdf-kit';

export interface TableColumn {
  header: string;
  /** Relative width: the columns are scaled to fill the cursor's text width. */
  width: number;
  align?: 'left' | 'right';
  /** Wrap long text onto more lines (default) or cut it with "…" (ids, amounts). */
  wrap?: boolean;
}

export interface TableRow {
  cells: string[];
  bold?: boolean;
  /** A heavier rule above the row: totals. */
  ruleAbove?: boolean;
  color?: RGB;
  /** Per-cell colour overriding `color` (a status in red). */
  cellColors?: readonly (RGB | null | undefined)[];
}

export interface TableOptions {
  size?: number;
  /** Shade every other body row, which keeps long numeric rows aligned for the eye. */
  zebra?: boolean;
  /** Printed above the repeated header on continuation pages, e.g. "Fees per claim (continued)". */
  continuedCaption?: string;
}

const HEADER_FILL = rgb(0.88, 0.9, 0.93);
const ZEBRA_FILL = rgb(0.96, 0.96, 0.96);
const PAD_X = 4;
const PAD_Y = 3;

interface Laid {
  lines: string[][];
  height: number;
}

export function drawTable(cursor: TextCursor, columns: readonly TableColumn[], rows: readonly TableRow[], options: TableOptions = {}): void {
  const size = options.size ?? 8.5;
  const leading = size * 1.25;
  const weight = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / weight) * cursor.width);
  const lefts = widths.map((_, k) => cursor.margin + widths.slice(0, k).reduce((a, b) => a + b, 0));

  // Headers always wrap: a cut header ("Initial mai…") is worse than a two-line one.
  const layout = (cells: readonly string[], bold: boolean, isHeader = false): Laid => {
    const font = bold ? cursor.fonts.bold : cursor.fonts.regular;
    const lines = columns.map((column, k) => {
      const text = cells[k] ?? '';
      const inner = widths[k]! - 2 * PAD_X;
      return column.wrap === false && !isHeader ? [fitText(text, font, size, inner)] : wrapText(text, font, size, inner);
    });
    return { lines, height: Math.max(...lines.map((l) => l.length)) * leading + 2 * PAD_Y };
  };

  const drawCells = (laid: Laid, bold: boolean, color: RGB, cellColors: TableRow['cellColors'] = []): void => {
    const font = bold ? cursor.fonts.bold : cursor.fonts.regular;
    laid.lines.forEach((lines, k) => {
      lines.forEach((line, n) => {
        const baseline = cursor.y - PAD_Y - size * 0.95 - n * leading;
        const textWidth = font.widthOfTextAtSize(line, size);
        const x = columns[k]!.align === 'right' ? lefts[k]! + widths[k]! - PAD_X - textWidth : lefts[k]! + PAD_X;
        if (line !== '') cursor.page.drawText(line, { x, y: baseline, size, font, color: cellColors[k] ?? color });
      });
    });
  };

  const header = layout(columns.map((c) => c.header), true, true);
  const drawHeader = (continued: boolean): void => {
    if (continued && options.continuedCaption) {
      cursor.y -= size * 1.6;
      cursor.page.drawText(options.continuedCaption, { x: cursor.margin, y: cursor.y + size * 0.4, size, font: cursor.fonts.bold, color: GREY });
    }
    cursor.page.drawRectangle({ x: cursor.margin, y: cursor.y - header.height, width: cursor.width, height: header.height, color: HEADER_FILL });
    drawCells(header, true, INK);
    cursor.y -= header.height;
  };

  const first = rows[0] ? layout(rows[0].cells, rows[0].bold ?? false) : null;
  cursor.ensure(header.height + (first?.height ?? 0));
  drawHeader(false);
  rows.forEach((row, index) => {
    const bold = row.bold ?? false;
    const laid = index === 0 && first ? first : layout(row.cells, bold);
    if (cursor.y - laid.height < cursor.margin) {
      cursor.newPage();
      drawHeader(true);
    }
    if (options.zebra && index % 2 === 1 && !row.ruleAbove) {
      cursor.page.drawRectangle({ x: cursor.margin, y: cursor.y - laid.height, width: cursor.width, height: laid.height, color: ZEBRA_FILL });
    }
    if (row.ruleAbove) {
      cursor.page.drawLine({ start: { x: cursor.margin, y: cursor.y }, end: { x: cursor.margin + cursor.width, y: cursor.y }, thickness: 1, color: INK });
    }
    drawCells(laid, bold, row.color ?? INK, row.cellColors);
    cursor.y -= laid.height;
  });
  cursor.page.drawLine({ start: { x: cursor.margin, y: cursor.y }, end: { x: cursor.margin + cursor.width, y: cursor.y }, thickness: 0.5, color: LIGHT });
}
