/**
 * Drawing primitives for the maps, written as raw PDF path operators: a claim block is hundreds of polygons and
 * symbols, and building SVG strings for pdf-lib to parse again would cost more than the drawing. Everything is
 * black, white and greys: county recorders photocopy maps, and Alaska asks for black and white.
 */
import {
  clip,
  closePath,
  degrees,
  endPath,
  fill,
  fillAndStroke,
  grayscale,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setDashPattern,
  setFillingGrayscaleColor,
  setLineJoin,
  setLineWidth,
  setStrokingGrayscaleColor,
  stroke,
  LineJoinStyle,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import type { MonumentKind } from '../../../shared/claims/monuments';
import type { PaperRect } from '../../../shared/documents/map-frame';

export type Pt = readonly [number, number];

export interface PathStyle {
  /** Grey level 0 (black) … 1 (white); omitted: not filled. */
  fill?: number;
  /** Grey level of the outline; omitted: not stroked. */
  stroke?: number;
  width?: number;
  dash?: number[];
}

function pathOps(points: readonly Pt[], close: boolean): PDFOperator[] {
  const ops: PDFOperator[] = [];
  points.forEach(([x, y], k) => ops.push(k === 0 ? moveTo(x, y) : lineTo(x, y)));
  if (close) ops.push(closePath());
  return ops;
}

function paint(page: PDFPage, path: PDFOperator[], style: PathStyle): void {
  const ops: PDFOperator[] = [pushGraphicsState(), setLineJoin(LineJoinStyle.Round)];
  if (style.fill !== undefined) ops.push(setFillingGrayscaleColor(style.fill));
  if (style.stroke !== undefined) ops.push(setStrokingGrayscaleColor(style.stroke), setLineWidth(style.width ?? 0.5));
  ops.push(setDashPattern(style.dash ?? [], 0), ...path);
  if (style.fill !== undefined && style.stroke !== undefined) ops.push(fillAndStroke());
  else if (style.fill !== undefined) ops.push(fill());
  else ops.push(stroke());
  ops.push(popGraphicsState());
  page.pushOperators(...ops);
}

export function drawPolygon(page: PDFPage, points: readonly Pt[], style: PathStyle): void {
  if (points.length >= 2) paint(page, pathOps(points, true), style);
}

export function drawPolyline(page: PDFPage, points: readonly Pt[], style: PathStyle): void {
  if (points.length >= 2) paint(page, pathOps(points, false), { ...style, fill: undefined, stroke: style.stroke ?? 0 });
}

export function drawBox(page: PDFPage, r: PaperRect, style: PathStyle): void {
  drawPolygon(page, [[r.x, r.y], [r.x + r.w, r.y], [r.x + r.w, r.y + r.h], [r.x, r.y + r.h]], style);
}

/** Everything drawn until `endClip` is cut at the rectangle (the map's neatline). */
export function beginClip(page: PDFPage, r: PaperRect): void {
  page.pushOperators(pushGraphicsState(), rectangle(r.x, r.y, r.w, r.h), clip(), endPath());
}

export function endClip(page: PDFPage): void {
  page.pushOperators(popGraphicsState());
}

export interface TextOptions {
  size: number;
  font: PDFFont;
  /** Degrees counter-clockwise. */
  angle?: number;
  grey?: number;
}

/** Text centred on a point (both ways), optionally rotated about it. */
export function drawCentredText(page: PDFPage, text: string, at: Pt, o: TextOptions): { w: number; h: number } {
  const w = o.font.widthOfTextAtSize(text, o.size);
  const a = ((o.angle ?? 0) * Math.PI) / 180;
  // Baseline start = centre − R(a)·(w/2, 0.36·size): 0.36 em puts DejaVu's capitals' middle on the point.
  const dx = w / 2;
  const dy = o.size * 0.36;
  const x = at[0] - (dx * Math.cos(a) - dy * Math.sin(a));
  const y = at[1] - (dx * Math.sin(a) + dy * Math.cos(a));
  page.drawText(text, { x, y, size: o.size, font: o.font, rotate: degrees(o.angle ?? 0), color: grayscale(o.grey ?? 0) });
  return { w, h: o.size };
}

/** Text starting at a point (left-aligned), its capitals' middle on the point's height. */
export function drawTextFrom(page: PDFPage, text: string, at: Pt, o: TextOptions): number {
  page.drawText(text, { x: at[0], y: at[1] - o.size * 0.36, size: o.size, font: o.font, color: grayscale(o.grey ?? 0) });
  return o.font.widthOfTextAtSize(text, o.size);
}

export type SymbolKind = 'corner' | MonumentKind | 'reference' | 'waypoint';

/** Distinct shapes that survive a photocopy: square, bull's-eye, diamond, triangle, rotated square, crossed circle. */
export function drawSymbol(page: PDFPage, kind: SymbolKind, at: Pt, size = 5): void {
  const [x, y] = at;
  const r = size / 2;
  const ring = (radius: number, n = 16): Pt[] =>
    Array.from({ length: n }, (_, k) => [x + radius * Math.cos((2 * Math.PI * k) / n), y + radius * Math.sin((2 * Math.PI * k) / n)] as Pt);
  switch (kind) {
    case 'corner':
      drawPolygon(page, [[x - r * 0.7, y - r * 0.7], [x + r * 0.7, y - r * 0.7], [x + r * 0.7, y + r * 0.7], [x - r * 0.7, y + r * 0.7]], { fill: 0 });
      break;
    case 'discovery':
      drawPolygon(page, ring(r), { fill: 1, stroke: 0, width: 0.7 });
      drawPolygon(page, ring(r * 0.4, 10), { fill: 0 });
      break;
    case 'location':
      drawPolygon(page, [[x, y - r * 1.2], [x + r, y], [x, y + r * 1.2], [x - r, y]], { fill: 0 });
      break;
    case 'sideline':
      drawPolygon(page, [[x - r, y - r * 0.8], [x + r, y - r * 0.8], [x, y + r]], { fill: 1, stroke: 0, width: 0.7 });
      break;
    case 'endline':
      drawPolygon(page, [[x, y - r], [x + r, y], [x, y + r], [x - r, y]], { fill: 1, stroke: 0, width: 0.7 });
      break;
    case 'reference':
      drawPolygon(page, ring(r * 1.1), { fill: 1, stroke: 0, width: 0.7 });
      drawPolyline(page, [[x - r * 1.6, y], [x + r * 1.6, y]], { width: 0.6 });
      drawPolyline(page, [[x, y - r * 1.6], [x, y + r * 1.6]], { width: 0.6 });
      break;
    case 'waypoint':
      drawPolygon(page, ring(r * 0.8, 12), { fill: 1, stroke: 0, width: 0.6 });
      break;
  }
}
