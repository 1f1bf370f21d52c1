/**
 * The title block every map sheet carries (heading, then labelled cells: order, claimant, county and state,
 * PLSS, scale, datum, dates, sheet n of N), the recorder's blank square, and the notes under the map.
 */
import type { PDFPage } from 'pdf-lib';
import type { PaperRect } from '../../../shared/documents/map-frame';
import { MAP_MIN_PT } from '../../../shared/documents/map-layout';
import { fitText, wrapText, type PdfFonts } from './pdf-kit';
import { drawBox, drawPolyline, drawTextFrom } from './map-draw.pdf';

export interface TitleCell {
  label: string;
  /** '' leaves the cell blank, to be filled in by hand (a location date not yet known). */
  value: string;
}

const CELL_MIN_W = 185;
const SIZE = MAP_MIN_PT;
const LEAD = SIZE * 1.2;

/** Up to `maxLines` lines of `text` in `width` at ten point, the last cut with "…" when it still does not fit. */
function lines(fonts: PdfFonts, text: string, width: number, maxLines: number, bold = false): string[] {
  const font = bold ? fonts.bold : fonts.regular;
  const all = wrapText(text, font, SIZE, width);
  if (all.length <= maxLines) return all;
  return [...all.slice(0, maxLines - 1), fitText(all.slice(maxLines - 1).join(' '), font, SIZE, width)];
}

/**
 * The heading (wrapped, never cut: a landscape side panel gives it two lines), the subheading, then the cells:
 * label above value in columns when the block is wide, "Label: value" lines when it is one column wide. Ten-point
 * type throughout; a value too long for its room is cut with "…" rather than set smaller.
 */
export function drawTitleBlock(page: PDFPage, fonts: PdfFonts, r: PaperRect, heading: string, subheading: string, cells: readonly TitleCell[]): void {
  drawBox(page, r, { stroke: 0, width: 1.1 });
  const top = r.y + r.h;
  const inner = r.w - 12;
  const headLines = lines(fonts, heading, inner, 2, true).map((l) => ({ text: l, size: 12, bold: true }));
  const subLines = lines(fonts, subheading, inner, 2).map((l) => ({ text: l, size: SIZE, bold: false }));
  let y = top - 4;
  for (const l of [...headLines, ...subLines]) {
    y -= l.size * 1.2;
    drawTextFrom(page, l.text, [r.x + 6, y + l.size * 0.4], { size: l.size, font: l.bold ? fonts.bold : fonts.regular });
  }
  const headBottom = y - 4;
  drawPolyline(page, [[r.x, headBottom], [r.x + r.w, headBottom]], { width: 0.8 });

  const columns = Math.max(1, Math.floor(r.w / CELL_MIN_W));
  if (columns === 1) {
    // Narrow: one list of "Label: value", each wrapped, until the block is full.
    let cy = headBottom - 3;
    for (const cell of cells) {
      const text = `${cell.label}: ${cell.value || '____________'}`;
      for (const line of wrapText(text, fonts.regular, SIZE, inner)) {
        if (cy - LEAD < r.y + 2) return;
        cy -= LEAD;
        drawTextFrom(page, line, [r.x + 6, cy + SIZE * 0.4], { size: SIZE, font: fonts.regular });
      }
    }
    return;
  }
  const rows = Math.max(1, Math.ceil(cells.length / columns));
  const cellW = r.w / columns;
  const cellH = (headBottom - r.y) / rows;
  const valueLines = Math.max(1, Math.floor((cellH - LEAD - 3) / LEAD));
  cells.forEach((cell, k) => {
    // Column-major, so related cells (order, claimant, county…) read down the first column.
    const col = Math.floor(k / rows);
    const row = k % rows;
    const x = r.x + col * cellW;
    const yTop = headBottom - row * cellH;
    if (row > 0) drawPolyline(page, [[x, yTop], [x + cellW, yTop]], { stroke: 0.55, width: 0.35 });
    if (col > 0 && row === 0) drawPolyline(page, [[x, headBottom], [x, r.y]], { stroke: 0.55, width: 0.35 });
    drawTextFrom(page, fitText(cell.label, fonts.regular, SIZE, cellW - 8), [x + 4, yTop - LEAD * 0.6], { size: SIZE, font: fonts.regular, grey: 0.35 });
    if (cell.value === '') return;
    lines(fonts, cell.value, cellW - 8, valueLines).forEach((line, n) => {
      drawTextFrom(page, line, [x + 4, yTop - LEAD * (1.6 + n)], { size: SIZE, font: fonts.regular });
    });
  });
}

/** The recorder's square: left blank, only its edges drawn so nothing strays into it. */
export function drawRecordingBlock(page: PDFPage, r: PaperRect): void {
  drawPolyline(page, [[r.x, r.y + r.h], [r.x, r.y], [r.x + r.w, r.y]], { stroke: 0.5, width: 0.5, dash: [3, 2] });
}

/** Notes as short paragraphs, wrapped, until the box is full (the last that does not fit is cut with "…"). */
export function drawNotes(page: PDFPage, fonts: PdfFonts, r: PaperRect, notes: readonly string[], size = MAP_MIN_PT): void {
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
