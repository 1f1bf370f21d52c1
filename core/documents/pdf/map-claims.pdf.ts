/**
 * The claims on a map sheet: light-filled polygons, corner posts with their numbers just inside each corner,
 * monuments with their symbols and labels, the claim name along the claim's long axis, and the tie line. Labels
 * go through a LabelSpace so shared corners (four claims, four numbers) stay readable.
 */
import type { PDFPage } from 'pdf-lib';
import type { Utm } from '../../../shared/geo/utm';
import { formatBearing, formatFeet, formatAcres } from '../../../shared/documents/bearing-format';
import type { MapContent, MapClaim } from '../../../shared/documents/map-content';
import type { MapProjection } from '../../../shared/documents/map-frame';
import {
  clipRing,
  clipSegment,
  extentAlong,
  longAxisAngle,
  readableAngle,
  rectContains,
  ringCentroid,
} from '../../../shared/documents/map-geometry';
import { gridAreaM2 } from '../../../shared/geo/ground';
import { pointInRing } from '../../../shared/layout/polygon-touch';
import { boxAt, rotatedBox, type Box, type LabelSpace } from '../../../shared/documents/map-labels';
import { MAP_MIN_PT } from '../../../shared/documents/map-layout';
import { fitText, type PdfFonts } from './pdf-kit';
import { drawCentredText, drawPolygon, drawPolyline, drawSymbol, type Pt } from './map-draw.pdf';

export const CLAIM_FILL = 0.9;
const NAME_MAX = 12;
/** Names, corner numbers and monument labels are ten point or larger: the claim map is recorded. */
const NAME_MIN = MAP_MIN_PT;

/** Candidate label centres around a point: right, left, above, below, then the diagonals. */
export function aroundPoint(at: Pt, w: number, h: number, gap: number): Box[] {
  const dx = w / 2 + gap;
  const dy = h / 2 + gap;
  const offsets: Pt[] = [[dx, 0], [-dx, 0], [0, dy], [0, -dy], [dx, dy], [-dx, dy], [dx, -dy], [-dx, -dy]];
  return offsets.map(([ox, oy]) => boxAt(at[0] + ox, at[1] + oy, w, h));
}

/** Unit vector into the polygon along the bisector of the corner's two sides. */
function inward(ring: readonly Pt[], k: number, orientation: number): Pt {
  const p = ring[k]!;
  const prev = ring[(k + ring.length - 1) % ring.length]!;
  const next = ring[(k + 1) % ring.length]!;
  const unit = (v: Pt): Pt => {
    const l = Math.hypot(v[0], v[1]) || 1;
    return [v[0] / l, v[1] / l];
  };
  const a = unit([prev[0] - p[0], prev[1] - p[1]]);
  const b = unit([next[0] - p[0], next[1] - p[1]]);
  let v: Pt = [a[0] + b[0], a[1] + b[1]];
  if (Math.hypot(v[0], v[1]) < 1e-6) v = [-b[1] * orientation, b[0] * orientation]; // straight: square to the side
  const cross = (p[0] - prev[0]) * (next[1] - p[1]) - (p[1] - prev[1]) * (next[0] - p[0]);
  const reflex = cross * orientation < 0;
  const u = unit(v);
  return reflex ? [-u[0], -u[1]] : u;
}

function orientationOf(ring: readonly Pt[]): number {
  let twice = 0;
  ring.forEach((a, k) => {
    const b = ring[(k + 1) % ring.length]!;
    twice += a[0] * b[1] - b[0] * a[1];
  });
  return twice >= 0 ? 1 : -1;
}

export interface ClaimLayerOptions {
  /** Corner numbers, monument labels and acreage: off on the index sheet. */
  detail: boolean;
}

/** Shapes first (all fills, then all outlines, then symbols), so no claim's fill covers a neighbour's line. */
export function drawClaimShapes(page: PDFPage, proj: MapProjection, claims: readonly MapClaim[]): void {
  const paper = claims.map((c) => c.ring.map(proj.toPaper));
  for (const ring of paper) drawPolygon(page, ring, { fill: CLAIM_FILL });
  for (const ring of paper) drawPolygon(page, ring, { stroke: 0, width: 0.9 });
}

export function drawMonumentSymbols(page: PDFPage, proj: MapProjection, claims: readonly MapClaim[]): void {
  const seen = new Set<string>();
  const once = (kind: Parameters<typeof drawSymbol>[1], utm: Utm): void => {
    const key = `${kind}:${utm[0].toFixed(2)},${utm[1].toFixed(2)}`;
    if (seen.has(key) || !rectContains(proj.window, utm)) return;
    seen.add(key);
    drawSymbol(page, kind, proj.toPaper(utm), kind === 'corner' ? 4.2 : 5.5);
  };
  for (const c of claims) for (const corner of c.claim.corners) once('corner', corner.utm);
  for (const c of claims) for (const m of c.monuments) once(m.kind, m.utm);
}

/** Corner numbers and claim names: placed, not negotiated (they mark their spot), so they go in first. */
export function drawClaimLabels(page: PDFPage, fonts: PdfFonts, proj: MapProjection, claims: readonly MapClaim[], space: LabelSpace, options: ClaimLayerOptions): void {
  for (const c of claims) {
    const ring = c.ring.map(proj.toPaper);
    const orientation = orientationOf(ring);
    if (options.detail) {
      const size = MAP_MIN_PT;
      c.claim.corners.forEach((corner, k) => {
        if (!rectContains(proj.window, corner.utm)) return;
        const dir = inward(ring, k, orientation);
        const at: Pt = [ring[k]![0] + dir[0] * size * 1.25, ring[k]![1] + dir[1] * size * 1.25];
        const text = String(corner.number);
        const { w } = drawCentredText(page, text, at, { size, font: fonts.bold });
        space.occupy(boxAt(at[0], at[1], w + 1, size));
      });
    }
    drawClaimName(page, fonts, proj, c, space, options);
  }
}

function drawClaimName(page: PDFPage, fonts: PdfFonts, proj: MapProjection, c: MapClaim, space: LabelSpace, options: ClaimLayerOptions): void {
  const visible = clipRing(c.ring, proj.window);
  if (visible.length < 3) return;
  const angle = longAxisAngle(c.ring);
  const span = extentAlong(visible.map(proj.toPaper), angle);
  const lines = options.detail ? 2.3 : 1.2;
  const byLength = (span.along * 0.78 - 8) / fonts.bold.widthOfTextAtSize(c.claim.name, 1);
  let size = Math.min(NAME_MAX, byLength, (span.across - 6) / lines);
  let name = c.claim.name;
  if (size < NAME_MIN) {
    // A long name on a claim that is mostly on this sheet is cut ("…", the table has it whole); a sliver of a
    // claim whose name is on the neighbouring sheet gets none.
    const mostlyHere = gridAreaM2(visible) >= 0.5 * gridAreaM2(c.ring);
    if (!mostlyHere || (span.across - 6) / lines < NAME_MIN || byLength >= NAME_MIN) return;
    size = NAME_MIN;
    name = fitText(name, fonts.bold, size, span.along * 0.78 - 8);
  }
  const centre = proj.toPaper(ringCentroid(visible));
  const deg = (angle * 180) / Math.PI;
  const sub = options.detail ? `${c.claim.kind} · ${formatAcres(c.claim.areaAcres).replace(' acres', ' ac')}` : '';
  // Name above the centre line, acreage below it, both along the axis.
  const nx = -Math.sin(angle);
  const ny = Math.cos(angle);
  const lift = sub ? size * 0.55 : 0;
  const at: Pt = [centre[0] + nx * lift, centre[1] + ny * lift];
  const { w } = drawCentredText(page, name, at, { size, font: fonts.bold, angle: deg });
  if (sub) drawCentredText(page, sub, [centre[0] - nx * size * 0.8, centre[1] - ny * size * 0.8], { size: Math.max(MAP_MIN_PT, size * 0.8), font: fonts.regular, angle: deg, grey: 0.2 });
  space.occupy(rotatedBox(centre[0], centre[1], w, size * (sub ? 2.6 : 1.2), angle));
}

/**
 * Short monument labels beside their symbols ("DM", "E/C 1"); an LM on a corner just says "LM". A post two
 * claims share (a side-line centre between them) gets one label, without the per-claim numbers. Monuments that
 * stand closer on paper than a label is tall (a discovery monument 25 ft inside its end line, next to that end
 * line's centre) share ONE label, "DM · E/C 1", so the two never print over each other.
 */
export function drawMonumentLabels(page: PDFPage, fonts: PdfFonts, proj: MapProjection, claims: readonly MapClaim[], space: LabelSpace): void {
  const size = MAP_MIN_PT;
  const byPost = new Map<string, { utm: Utm; labels: string[] }>();
  for (const c of claims) {
    for (const m of c.monuments) {
      if (!rectContains(proj.window, m.utm)) continue;
      const key = m.postId || `${m.utm[0].toFixed(2)},${m.utm[1].toFixed(2)}`;
      const entry = byPost.get(key) ?? { utm: m.utm, labels: [] };
      entry.labels.push(m.label.replace(/\s*\(.*\)$/, ''));
      byPost.set(key, entry);
    }
  }
  const groups: { at: Pt; texts: string[] }[] = [];
  for (const { utm, labels } of byPost.values()) {
    const unique = [...new Set(labels)];
    const text = unique.length === 1 ? unique[0]! : [...new Set(unique.map((l) => l.replace(/\s+\d+$/, '')))].join(' / ');
    const at = proj.toPaper(utm);
    const near = groups.find((g) => Math.hypot(g.at[0] - at[0], g.at[1] - at[1]) < size * 1.5);
    if (near) near.texts.push(text);
    else groups.push({ at, texts: [text] });
  }
  for (const { at, texts } of groups) {
    const text = texts.join(' · ');
    const w = fonts.regular.widthOfTextAtSize(text, size);
    space.occupy(boxAt(at[0], at[1], 6, 6));
    const candidates = [...aroundPoint(at, w + 1, size, 4.5), ...aroundPoint(at, w + 1, size, 9)];
    const k = space.place(candidates);
    if (k < 0) continue;
    const box = candidates[k]!;
    drawCentredText(page, text, [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2], { size, font: fonts.regular });
  }
}

/** The tie: dashed from the claim corner to the reference point, with its true bearing and ground distance. */
export function drawTie(page: PDFPage, fonts: PdfFonts, proj: MapProjection, content: MapContent, space: LabelSpace, labels: boolean): void {
  const tie = content.tie;
  if (!tie) return;
  const claim = content.claims.find((c) => c.claim.name === tie.fromClaim);
  const corner = claim?.claim.corners.find((k) => k.number === tie.fromCorner);
  if (!corner) return;
  const seen = clipSegment(corner.utm, tie.utm, proj.window);
  if (!seen) return;
  const a = proj.toPaper(seen[0]);
  const b = proj.toPaper(seen[1]);
  drawPolyline(page, [a, b], { width: 0.7, dash: [5, 2.5] });
  const inside = rectContains(proj.window, tie.utm);
  if (inside) drawSymbol(page, 'reference', proj.toPaper(tie.utm), 6);
  if (!labels) return;
  if (inside) {
    const at = proj.toPaper(tie.utm);
    const text = fitText(tie.description, fonts.regular, MAP_MIN_PT, 200);
    const w = fonts.regular.widthOfTextAtSize(text, MAP_MIN_PT);
    const candidates = aroundPoint(at, w + 2, MAP_MIN_PT + 1, 7);
    const k = space.place(candidates);
    if (k >= 0) {
      const box = candidates[k]!;
      drawCentredText(page, text, [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2], { size: MAP_MIN_PT, font: fonts.regular });
    }
  }
  const angle = readableAngle(Math.atan2(b[1] - a[1], b[0] - a[0]));
  const text = `TIE ${formatBearing(tie.bearingDeg)}  ${formatFeet(tie.distanceFt)}`;
  const onClaim = (p: Pt): boolean => content.claims.some((c) => pointInRing(proj.toGrid(p), c.ring));
  // Open ground first (over a claim the label competes with its name and corner numbers), a size smaller if
  // that is what it takes; then the spot along the line that covers the fewest other labels.
  let best: { spots: Pt[]; size: number; w: number } | null = null;
  for (const size of [MAP_MIN_PT]) {
    const w = fonts.bold.widthOfTextAtSize(text, size);
    const spots = spotsAlong(a, b, angle, w);
    if (spots.length === 0) continue;
    const ends = (spot: Pt): Pt[] => [-0.5, 0, 0.5].map((f) => [spot[0] + Math.cos(angle) * w * f, spot[1] + Math.sin(angle) * w * f]);
    const open = spots.filter((spot) => !ends(spot).some(onClaim));
    if (open.length > 0) {
      best = { spots: open, size, w };
      break;
    }
    best ??= { spots, size, w };
  }
  if (!best) return;
  const { spots, size, w } = best;
  const k = space.place(spots.map(([x, y]) => rotatedBox(x, y, w, size, angle)));
  if (k >= 0) drawCentredText(page, text, spots[k]!, { size, font: fonts.bold, angle: (angle * 180) / Math.PI });
}

/** Label centres along a→b, either side of it, middle first, leaving the label clear of both ends. */
function spotsAlong(a: Pt, b: Pt, angle: number, w: number): Pt[] {
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const spots: Pt[] = [];
  for (const t of [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82]) {
    if (length * Math.min(t, 1 - t) < w / 2 + 4) continue;
    for (const side of [1, -1]) {
      spots.push([a[0] + (b[0] - a[0]) * t - Math.sin(angle) * 7 * side, a[1] + (b[1] - a[1]) * t + Math.cos(angle) * 7 * side]);
    }
  }
  return spots;
}
