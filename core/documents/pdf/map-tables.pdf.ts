/**
 * The maps' tables (bearings and distances per claim; waypoints on the field map), drawn into a rectangle at the
 * fixed row height the sheet planner counted with, so a table never runs into the map. A cell too long for its
 * column is set smaller first and only then cut with "…".
 */
import type { PDFPage } from 'pdf-lib';
import type { PaperRect } from '../../../shared/documents/map-frame';
import { MAP_MIN_PT, TABLE_HEADER_IN, TABLE_ROW_IN } from '../../../shared/documents/map-layout';
import type { TableRow } from '../../../shared/documents/map-content';
import { fitText, INCH, type PdfFonts } from './pdf-kit';
import { drawBox, drawPolyline, drawTextFrom } from './map-draw.pdf';

export interface TableColumn {
  title: string;
  /** Relative width. */
  share: number;
}

/** Claim names vary from "CO 1" to fifty characters: the name column grows (within reason) before any is cut. */
export function courseColumns(fonts: PdfFonts, names: readonly string[]): TableColumn[] {
  const longest = Math.max(0, ...names.map((n) => fonts.bold.widthOfTextAtSize(n, ROW_SIZE))) + 8;
  const nameShare = Math.min(2.6, Math.max(1.1, longest / INCH));
  return [
    { title: 'Claim', share: nameShare },
    // Shares in inches at ten point: "placer, 20.000 acres"; "1–2 N 75°01'55" W 1,500.00" with room to spare.
    { title: 'Kind, area', share: 1.5 },
    { title: 'Course: true bearing, ground feet', share: 2.1 },
    { title: '', share: 2.1 },
  ];
}

export const WAYPOINT_COLUMNS: TableColumn[] = [
  { title: 'Post', share: 0.55 },
  { title: 'Marked on the post', share: 3.1 },
  { title: 'Latitude', share: 0.85 },
  { title: 'Longitude', share: 0.95 },
  { title: 'UTM E (m)', share: 0.85 },
  { title: 'UTM N (m)', share: 0.95 },
];

/** Ten point, never smaller: the claim map's table is recorded with it; a cell too long is cut with "…". */
const ROW_SIZE = MAP_MIN_PT;
const MIN_SIZE = MAP_MIN_PT;

function fitCell(fonts: PdfFonts, text: string, bold: boolean, width: number): { text: string; size: number } {
  const font = bold ? fonts.bold : fonts.regular;
  const natural = font.widthOfTextAtSize(text, ROW_SIZE);
  if (natural <= width) return { text, size: ROW_SIZE };
  const size = Math.max(MIN_SIZE, (ROW_SIZE * width) / natural);
  return { text: fitText(text, font, size, width), size };
}

/** Draws `rows` from the top of `rect`; returns the height used. */
export function drawTable(page: PDFPage, fonts: PdfFonts, rect: PaperRect, columns: TableColumn[], rows: readonly TableRow[]): number {
  const headerH = TABLE_HEADER_IN * INCH;
  const rowH = TABLE_ROW_IN * INCH;
  const total = columns.reduce((s, c) => s + c.share, 0);
  const xs: number[] = [rect.x];
  for (const c of columns) xs.push(xs.at(-1)! + (rect.w * c.share) / total);
  const top = rect.y + rect.h;
  const height = headerH + rows.length * rowH;

  // Shade alternate claims / waypoints, not alternate rows: a continuation row belongs with its first row.
  let group = -1;
  rows.forEach((row, k) => {
    if (row.first) group += 1;
    if (group % 2 === 1) drawBox(page, { x: rect.x, y: top - headerH - (k + 1) * rowH, w: rect.w, h: rowH }, { fill: 0.93 });
  });
  drawBox(page, { x: rect.x, y: top - headerH, w: rect.w, h: headerH }, { fill: 0.82 });

  let x = rect.x;
  columns.forEach((column, i) => {
    const width = xs[i + 1]! - x;
    if (column.title !== '') {
      // A title may run on over the untitled columns to its right (one caption over the four course columns).
      let span = width;
      for (let j = i + 1; j < columns.length && columns[j]!.title === ''; j += 1) span += xs[j + 1]! - xs[j]!;
      const cell = fitCell(fonts, column.title, true, span - 4);
      drawTextFrom(page, cell.text, [x + 2, top - headerH / 2], { size: cell.size, font: fonts.bold });
    }
    x = xs[i + 1]!;
  });

  rows.forEach((row, k) => {
    const cy = top - headerH - (k + 0.5) * rowH;
    row.cells.forEach((text, i) => {
      if (text === '' || i >= columns.length) return;
      const cell = fitCell(fonts, text, i === 0, xs[i + 1]! - xs[i]! - 4);
      drawTextFrom(page, cell.text, [xs[i]! + 2, cy], { size: cell.size, font: i === 0 ? fonts.bold : fonts.regular });
    });
    if (row.first && k > 0) drawPolyline(page, [[rect.x, cy + rowH / 2], [rect.x + rect.w, cy + rowH / 2]], { stroke: 0.6, width: 0.3 });
  });
  drawBox(page, { x: rect.x, y: top - height, w: rect.w, h: height }, { stroke: 0, width: 0.6 });
  drawPolyline(page, [[rect.x, top - headerH], [rect.x + rect.w, top - headerH]], { width: 0.6 });
  return height;
}
