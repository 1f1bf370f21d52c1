/**
 * Map furniture: the neatline with UTM grid ticks and labels, grid crosses, the scale bar (ground feet and
 * metres), the north arrow (true north, with grid north beside it) and the legend. Sizes are points.
 */
import type { PDFPage } from 'pdf-lib';
import { FOOT_M } from '../../../shared/geo/utm';
import { ticksBetween, type MapProjection, type PaperRect } from '../../../shared/documents/map-frame';
import type { Neighbours } from '../../../shared/documents/map-sheets';
import { fitText, type PdfFonts } from './pdf-kit';
import { INCH } from './pdf-kit';
import { MAP_MIN_PT } from '../../../shared/documents/map-layout';
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
  const size = MAP_MIN_PT;
  const tick = 5;
  for (const e of ticksBetween(w.minE, w.maxE, step)) {
    const [x] = proj.toPaper([e, w.minN]);
    drawPolyline(page, [[x, f.y], [x, f.y + tick]], { width: 0.5 });
    drawPolyline(page, [[x, f.y + f.h], [x, f.y + f.h - tick]], { width: 0.5 });
    const text = `${thousands.format(e)} mE`;
    if (x - f.x < 40 || f.x + f.w - x < 40) continue; // a label by the corner would run into the northings
    drawCentredText(page, text, [x, f.y - 8], { size, font: fonts.regular });
    drawCentredText(page, text, [x, f.y + f.h + 8], { size, font: fonts.regular });
  }
  for (const n of ticksBetween(w.minN, w.maxN, step)) {
    const [, y] = proj.toPaper([w.minE, n]);
    drawPolyline(page, [[f.x, y], [f.x + tick, y]], { width: 0.5 });
    drawPolyline(page, [[f.x + f.w, y], [f.x + f.w - tick, y]], { width: 0.5 });
    if (y - f.y < 44 || f.y + f.h - y < 44) continue;
    const text = `${thousands.format(n)} mN`;
    drawCentredText(page, text, [f.x - 8, y], { size, font: fonts.regular, angle: 90 });
    drawCentredText(page, text, [f.x + f.w + 8, y], { size, font: fonts.regular, angle: 90 });
  }
  drawBox(page, f, { stroke: 0, width: 1 });
}

/** "▲ Sheet 3" just inside the neatline towards each adjoining sheet of a tiled map. */
export function drawNeighbourRefs(page: PDFPage, fonts: PdfFonts, f: PaperRect, neighbours: Neighbours): void {
  const size = MAP_MIN_PT;
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
    drawBox(page, { x: at[0] - w / 2, y: at[1] - 7, w, h: 14 }, { fill: 1, stroke: 0, width: 0.5 });
    drawCentredText(page, text, at, { size, font: fonts.bold });
  }
}

function niceTotal(maxLength: number, unitPerPoint: number, choices: readonly number[]): number {
  return [...choices].reverse().find((total) => total / unitPerPoint <= maxLength) ?? choices[0]!;
}

function bar(page: PDFPage, fonts: PdfFonts, x: number, y: number, total: number, perPoint: number, unit: string): void {
  // Four segments when their ten-point numbers fit between the ticks, else two.
  const widest = fonts.regular.widthOfTextAtSize(thousands.format(total), MAP_MIN_PT);
  const segments = total / perPoint / 4 > widest + 6 ? 4 : 2;
  const segW = total / perPoint / segments;
  for (let k = 0; k < segments; k += 1) {
    drawBox(page, { x: x + k * segW, y, w: segW, h: 3.5 }, { fill: k % 2 === 0 ? 0 : 1, stroke: 0, width: 0.4 });
  }
  for (let k = 0; k <= segments; k += 1) {
    const value = thousands.format((total / segments) * k);
    const label = k === segments ? `${value} ${unit}` : value;
    // The last number hangs to the left of its tick so the unit stays inside the box.
    const at: Pt = k === segments ? [x + k * segW - fonts.regular.widthOfTextAtSize(` ${unit}`, MAP_MIN_PT) / 2, y + 9] : [x + k * segW, y + 9];
    drawCentredText(page, label, at, { size: MAP_MIN_PT, font: fonts.regular });
  }
}

/**
 * "SCALE 1 in = 500 ft", the fraction, a bar in ground feet and one in metres. What "ground" means (the grid's
 * scale factor) is said in the map's notes (scaleFactorNote), where there is room for it at ten point.
 */
export function drawScaleBar(page: PDFPage, fonts: PdfFonts, r: PaperRect, feetPerInch: number, _scaleFactor: number, caption = 'SCALE'): void {
  const top = r.y + r.h;
  drawTextFrom(page, `${caption}  1 in = ${thousands.format(feetPerInch)} ft`, [r.x, top - 6], { size: MAP_MIN_PT, font: fonts.bold });
  drawTextFrom(page, `1:${thousands.format(feetPerInch * 12)}`, [r.x, top - 18], { size: MAP_MIN_PT, font: fonts.regular });
  const maxLength = r.w - 40;
  const feetPerPoint = feetPerInch / INCH;
  const feetChoices = [1, 2, 4, 5, 10, 20, 40, 50].flatMap((m) => [m * 10, m * 100, m * 1000, m * 10_000]).sort((a, b) => a - b);
  bar(page, fonts, r.x + 6, top - 50, niceTotal(maxLength, feetPerPoint, feetChoices), feetPerPoint, 'ft');
  bar(page, fonts, r.x + 6, top - 72, niceTotal(maxLength, feetPerPoint * FOOT_M, feetChoices), feetPerPoint * FOOT_M, 'm');
}

/** The scale bar's meaning of "ground", for the notes. */
export function scaleFactorNote(scaleFactor: number): string {
  return `Distances are on the ground: grid = ground × ${scaleFactor.toFixed(6)} (UTM scale factor at the map centre).`;
}

/** True north as the arrow (bearings on this map are true); grid north as a thin line beside it. */
export function drawNorthArrow(page: PDFPage, fonts: PdfFonts, r: PaperRect, convergenceDeg: number): void {
  const cx = r.x + r.w / 2;
  const base = r.y + 16;
  const length = r.h - 36;
  // Page up is grid north; true north lies convergence degrees anticlockwise from it.
  const a = (convergenceDeg * Math.PI) / 180;
  const dir: Pt = [-Math.sin(a), Math.cos(a)];
  const side: Pt = [dir[1], -dir[0]];
  const tip: Pt = [cx + dir[0] * length, base + dir[1] * length];
  const neck: Pt = [tip[0] - dir[0] * 14, tip[1] - dir[1] * 14];
  drawPolyline(page, [[cx, base], neck], { width: 1 });
  drawPolygon(page, [tip, [neck[0] - side[0] * 5, neck[1] - side[1] * 5], neck], { fill: 0, stroke: 0, width: 0.6 });
  drawPolygon(page, [tip, [neck[0] + side[0] * 5, neck[1] + side[1] * 5], neck], { fill: 1, stroke: 0, width: 0.6 });
  drawCentredText(page, 'N', [tip[0] + dir[0] * 8, tip[1] + dir[1] * 8], { size: 12, font: fonts.bold });
  drawPolyline(page, [[cx + 14, base], [cx + 14, base + length * 0.6]], { width: 0.5, dash: [2, 1.5] });
  drawCentredText(page, 'GN', [cx + 16, base + length * 0.6 + 7], { size: MAP_MIN_PT, font: fonts.regular });
  drawCentredText(page, 'TRUE NORTH', [cx, r.y + 6], { size: MAP_MIN_PT, font: fonts.bold });
}

export interface LegendEntry {
  draw: (page: PDFPage, at: Pt) => void;
  label: string;
}

/** Entries in as many columns as the box needs, symbol then words. */
export function drawLegend(page: PDFPage, fonts: PdfFonts, r: PaperRect, entries: readonly LegendEntry[]): void {
  drawTextFrom(page, 'LEGEND', [r.x, r.y + r.h - 6], { size: MAP_MIN_PT, font: fonts.bold });
  const rowH = MAP_MIN_PT * 1.3;
  const rows = Math.max(1, Math.floor((r.h - 18) / rowH));
  const columns = Math.ceil(entries.length / rows);
  const colW = r.w / Math.max(1, columns);
  entries.forEach((entry, k) => {
    const col = Math.floor(k / rows);
    const row = k % rows;
    const x = r.x + col * colW;
    const y = r.y + r.h - 22 - row * rowH;
    entry.draw(page, [x + 9, y]);
    // Ten point; a label longer than its column is cut rather than set smaller (the labels are written short).
    drawTextFrom(page, fitText(entry.label, fonts.regular, MAP_MIN_PT, colW - 22), [x + 20, y], { size: MAP_MIN_PT, font: fonts.regular });
  });
}
