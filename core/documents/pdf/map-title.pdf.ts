/**
 * The title block every map sheet carries (heading, then labelled cells: order, claimant, county and state,
 * PLSS, scale, datum, dates, sheet n of N), the recorder's blank square, and the notes under the map.
 */
import type { PDFPage } from 'pdf-lib';
import type { PaperRect } from '../../../shared/documents/map-frame';
import { fitText, wrapText, type PdfFonts } from './pdf-kit';
import { drawBox, drawPolyline, drawTextFrom } from './map-draw.pdf';

export interface TitleCell {
  label: string;
  /** '' leaves the cell blank, to be filled in by hand (a location date not yet known). */
  value: string;
}

const CELL_MIN_W = 165;
const VALUE_SIZE = 7.6;

function fitValue(fonts: PdfFonts, text: string, width: number): { text: string; size: number } {
  const natural = fonts.regular.widthOfTextAtSize(text, VALUE_SIZE);
  if (natural <= width) return { text, size: VALUE_SIZE };
  const size = Math.max(5.6, (VALUE_SIZE * width) / natural);
  return { text: fitText(text, fonts.regular, size, width), size };
}

export function drawTitleBlock(page: PDFPage, fonts: PdfFonts, r: PaperRect, heading: string, subheading: string, cells: readonly TitleCell[]): void {
  drawBox(page, r, { stroke: 0, width: 1.1 });
  const top = r.y + r.h;
  // A narrow block (landscape side panel) gives the subheading a second line rather than cutting it.
  const subLines = wrapText(subheading, fonts.regular, 7, r.w - 12).slice(0, 2);
  const headH = 22 + subLines.length * 8.5;
  drawTextFrom(page, fitText(heading, fonts.bold, 11.5, r.w - 12), [r.x + 6, top - 10], { size: 11.5, font: fonts.bold });
  subLines.forEach((line, k) => {
    const text = k === 1 ? fitText(line, fonts.regular, 7, r.w - 12) : line;
    drawTextFrom(page, text, [r.x + 6, top - 22 - k * 8.5], { size: 7, font: fonts.regular });
  });
  drawPolyline(page, [[r.x, top - headH], [r.x + r.w, top - headH]], { width: 0.8 });

  const columns = Math.max(1, Math.floor(r.w / CELL_MIN_W));
  const rows = Math.max(1, Math.ceil(cells.length / columns));
  const cellW = r.w / columns;
  const cellH = (r.h - headH) / rows;
  cells.forEach((cell, k) => {
    // Column-major, so related cells (order, claimant, county…) read down the first column.
    const col = Math.floor(k / rows);
    const row = k % rows;
    const x = r.x + col * cellW;
    const yTop = top - headH - row * cellH;
    if (row > 0) drawPolyline(page, [[x, yTop], [x + cellW, yTop]], { stroke: 0.55, width: 0.35 });
    if (col > 0 && row === 0) drawPolyline(page, [[x, top - headH], [x, r.y]], { stroke: 0.55, width: 0.35 });
    drawTextFrom(page, cell.label.toUpperCase(), [x + 4, yTop - 5], { size: 4.9, font: fonts.bold, grey: 0.35 });
    if (cell.value === '') return;
    const value = fitValue(fonts, cell.value, cellW - 8);
    drawTextFrom(page, value.text, [x + 4, yTop - Math.min(cellH - 5, 13.5)], { size: value.size, font: fonts.regular });
  });
}

/** The recorder's square: left blank, only its edges drawn so nothing strays into it. */
export function drawRecordingBlock(page: PDFPage, r: PaperRect): void {
  drawPolyline(page, [[r.x, r.y + r.h], [r.x, r.y], [r.x + r.w, r.y]], { stroke: 0.5, width: 0.5, dash: [3, 2] });
}

/** Notes as short paragraphs, wrapped, until the box is full (the last that does not fit is cut with "…"). */
export function drawNotes(page: PDFPage, fonts: PdfFonts, r: PaperRect, notes: readonly string[], size = 6): void {
  const leading = size * 1.28;
  let y = r.y + r.h - leading / 2;
  for (const note of notes) {
    const lines = wrapText(note, fonts.regular, size, r.w - 2);
    for (const [k, line] of lines.entries()) {
      if (y - leading < r.y - leading / 2) return;
      const last = y - 2 * leading < r.y - leading / 2 && k < lines.length - 1;
      drawTextFrom(page, last ? fitText(`${line} …`, fonts.regular, size, r.w - 2) : line, [r.x + 1, y], { size, font: fonts.regular });
      y -= leading;
    }
  }
}
