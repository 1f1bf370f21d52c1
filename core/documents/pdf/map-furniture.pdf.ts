/**
 * Map furniture: the neatline with UTM grid ticks and labels, grid crosses, the scale bar (ground feet and
 * metres), the north arrow (true north, with grid north beside it) and the legend. Sizes are points.
 */
import type { PDFPage } from 'pdf-lib';
import { FOOT_M } from '../../../shared/geo/utm';
import { ticksBetween, type MapProjection, type PaperRect } from '../../../shared/documents/map-frame';
import type { Neighbours } from '../../../shared/documents/map-sheets';
import type { PdfFonts } from './pdf-kit';
import { INCH } from './pdf-kit';
import { drawBox, drawCentredText, drawPolygon, drawPolyline, drawTextFrom, type Pt } from './map-draw.pdf';

const thousands = new Intl.NumberFormat('en-US');

/** Light crosses where grid lines meet: under the claims, so they only show on open ground. */
export function drawGridCrosses(page: PDFPage, proj: MapProjection, step: number): void {
  const w = proj.window;
  for (const e of ticksBetween(w.minE, w.maxE, step)) {
    for (const n of ticksBetween(w.minN, w.maxN, step)) {
      const [x, y] = proj.toPaper([e, n]);
      drawPolyline(page, [[x - 3, y], [x + 3, y]], { stroke: 0.55, width: 0.3 });
      drawPolyline(page, [[x, y - 3], [x, y + 3]], { stroke: 0.55, width: 0.3 });
    }
  }
}

/** Neatline, ticks on all four sides, eastings under / over the frame and northings beside it (reading upward). */
export function drawNeatline(page: PDFPage, fonts: PdfFonts, proj: MapProjection, step: number): void {
  const f = proj.frame;
  const w = proj.window;
  const size = 5.5;
  const tick = 5;
  for (const e of ticksBetween(w.minE, w.maxE, step)) {
    const [x] = proj.toPaper([e, w.minN]);
    drawPolyline(page, [[x, f.y], [x, f.y + tick]], { width: 0.5 });
    drawPolyline(page, [[x, f.y + f.h], [x, f.y + f.h - tick]], { width: 0.5 });
    const text = `${thousands.format(e)} mE`;
    if (x - f.x < 20 || f.x + f.w - x < 20) continue; // a label by the corner would run into the northings
    drawCentredText(page, text, [x, f.y - 6.5], { size, font: fonts.regular });
    drawCentredText(page, text, [x, f.y + f.h + 6.5], { size, font: fonts.regular });
  }
  for (const n of ticksBetween(w.minN, w.maxN, step)) {
    const [, y] = proj.toPaper([w.minE, n]);
    drawPolyline(page, [[f.x, y], [f.x + tick, y]], { width: 0.5 });
    drawPolyline(page, [[f.x + f.w, y], [f.x + f.w - tick, y]], { width: 0.5 });
    if (y - f.y < 24 || f.y + f.h - y < 24) continue;
    const text = `${thousands.format(n)} mN`;
    drawCentredText(page, text, [f.x - 6.5, y], { size, font: fonts.regular, angle: 90 });
    drawCentredText(page, text, [f.x + f.w + 6.5, y], { size, font: fonts.regular, angle: 90 });
  }
  drawBox(page, f, { stroke: 0, width: 1 });
}

/** "▲ Sheet 3" just inside the neatline towards each adjoining sheet of a tiled map. */
export function drawNeighbourRefs(page: PDFPage, fonts: PdfFonts, f: PaperRect, neighbours: Neighbours): void {
  const size = 6.5;
  const refs: [number | null, string, Pt][] = [
    [neighbours.north, '▲', [f.x + f.w / 2, f.y + f.h - 8]],
    [neighbours.south, '▼', [f.x + f.w / 2, f.y + 8]],
    [neighbours.west, '◀', [f.x + 30, f.y + f.h / 2]],
    [neighbours.east, '▶', [f.x + f.w - 30, f.y + f.h / 2]],
  ];
  for (const [sheet, arrow, at] of refs) {
    if (sheet === null) continue;
    const text = `${arrow} Sheet ${sheet}`;
    const w = fonts.bold.widthOfTextAtSize(text, size) + 6;
    drawBox(page, { x: at[0] - w / 2, y: at[1] - 5.5, w, h: 11 }, { fill: 1, stroke: 0, width: 0.5 });
    drawCentredText(page, text, at, { size, font: fonts.bold });
  }
}

function niceTotal(maxLength: number, unitPerPoint: number, choices: readonly number[]): number {
  return [...choices].reverse().find((total) => total / unitPerPoint <= maxLength) ?? choices[0]!;
}

function bar(page: PDFPage, fonts: PdfFonts, x: number, y: number, total: number, perPoint: number, unit: string): void {
  const segments = 4;
  const segW = total / perPoint / segments;
  for (let k = 0; k < segments; k += 1) {
    drawBox(page, { x: x + k * segW, y, w: segW, h: 3.5 }, { fill: k % 2 === 0 ? 0 : 1, stroke: 0, width: 0.4 });
  }
  for (let k = 0; k <= segments; k += 1) {
    const value = thousands.format((total / segments) * k);
    drawCentredText(page, k === segments ? `${value} ${unit}` : value, [x + k * segW, y + 8], { size: 5.5, font: fonts.regular });
  }
}

/** "SCALE 1 in = 500 ft", the fraction, a bar in ground feet and one in metres, and what ground means here. */
export function drawScaleBar(page: PDFPage, fonts: PdfFonts, r: PaperRect, feetPerInch: number, scaleFactor: number, caption = 'SCALE'): void {
  const top = r.y + r.h;
  drawTextFrom(page, `${caption}  1 in = ${thousands.format(feetPerInch)} ft`, [r.x, top - 6], { size: 8, font: fonts.bold });
  drawTextFrom(page, `1:${thousands.format(feetPerInch * 12)}`, [r.x, top - 16], { size: 7, font: fonts.regular });
  const maxLength = r.w - 34;
  const feetPerPoint = feetPerInch / INCH;
  const feetChoices = [1, 2, 4, 5, 10, 20, 40, 50].flatMap((m) => [m * 10, m * 100, m * 1000, m * 10_000]).sort((a, b) => a - b);
  bar(page, fonts, r.x + 2, top - 37, niceTotal(maxLength, feetPerPoint, feetChoices), feetPerPoint, 'ft');
  bar(page, fonts, r.x + 2, top - 56, niceTotal(maxLength, feetPerPoint * FOOT_M, feetChoices), feetPerPoint * FOOT_M, 'm');
  const note = `Ground distances. Grid = ground × ${scaleFactor.toFixed(6)} (UTM scale factor at the map centre).`;
  drawTextFrom(page, note.slice(0, note.indexOf('(') - 1), [r.x, top - 66], { size: 5.2, font: fonts.regular, grey: 0.25 });
  drawTextFrom(page, note.slice(note.indexOf('(')), [r.x, top - 72.5], { size: 5.2, font: fonts.regular, grey: 0.25 });
}

/** True north as the arrow (bearings on this map are true); grid north as a thin line beside it. */
export function drawNorthArrow(page: PDFPage, fonts: PdfFonts, r: PaperRect, convergenceDeg: number): void {
  const cx = r.x + r.w / 2;
  const base = r.y + 16;
  const length = r.h - 34;
  // Page up is grid north; true north lies convergence degrees anticlockwise from it.
  const a = (convergenceDeg * Math.PI) / 180;
  const dir: Pt = [-Math.sin(a), Math.cos(a)];
  const side: Pt = [dir[1], -dir[0]];
  const tip: Pt = [cx + dir[0] * length, base + dir[1] * length];
  const neck: Pt = [tip[0] - dir[0] * 14, tip[1] - dir[1] * 14];
  drawPolyline(page, [[cx, base], neck], { width: 1 });
  drawPolygon(page, [tip, [neck[0] - side[0] * 5, neck[1] - side[1] * 5], neck], { fill: 0, stroke: 0, width: 0.6 });
  drawPolygon(page, [tip, [neck[0] + side[0] * 5, neck[1] + side[1] * 5], neck], { fill: 1, stroke: 0, width: 0.6 });
  drawCentredText(page, 'N', [tip[0] + dir[0] * 7, tip[1] + dir[1] * 7], { size: 9, font: fonts.bold });
  drawPolyline(page, [[cx + 9, base], [cx + 9, base + length * 0.72]], { width: 0.5, dash: [2, 1.5] });
  drawCentredText(page, 'GN', [cx + 9, base + length * 0.72 + 5], { size: 5, font: fonts.regular });
  drawCentredText(page, 'TRUE NORTH', [cx, r.y + 9], { size: 5.5, font: fonts.bold });
  drawCentredText(page, 'GN = UTM grid north', [cx, r.y + 2.5], { size: 4.6, font: fonts.regular, grey: 0.25 });
}

export interface LegendEntry {
  draw: (page: PDFPage, at: Pt) => void;
  label: string;
}

/** Entries in as many columns as the box needs, symbol then words. */
export function drawLegend(page: PDFPage, fonts: PdfFonts, r: PaperRect, entries: readonly LegendEntry[]): void {
  drawTextFrom(page, 'LEGEND', [r.x, r.y + r.h - 6], { size: 7.5, font: fonts.bold });
  const rowH = 10;
  const rows = Math.max(1, Math.floor((r.h - 14) / rowH));
  const columns = Math.ceil(entries.length / rows);
  const colW = r.w / Math.max(1, columns);
  entries.forEach((entry, k) => {
    const col = Math.floor(k / rows);
    const row = k % rows;
    const x = r.x + col * colW;
    const y = r.y + r.h - 19 - row * rowH;
    entry.draw(page, [x + 9, y]);
    const size = Math.min(6, (6 * (colW - 22)) / fonts.regular.widthOfTextAtSize(entry.label, 6));
    drawTextFrom(page, entry.label, [x + 20, y], { size, font: fonts.regular });
  });
}
