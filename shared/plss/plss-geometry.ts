/**
 * Plane geometry of PLSS parts in grid metres (the job's NAD83 / UTM zone): point in polygon, a section's four
 * corners, and the regular subdivision of a quadrilateral that aliquot parts follow. The Manual of Surveying
 * Instructions (2009, ch. 3) subdivides a regular section by joining opposite quarter corners and sixteenth
 * corners at the mid-points and quarter-points of its boundaries: bilinear subdivision of its four corners.
 */
import { ACRE_M2, utmConverter, type Utm } from '../geo/utm';
import { gridAreaM2 } from '../geo/ground';
import type { Position } from '../geometry/geojson.types';
import type { PlssPart } from './plss.types';

export interface Quad {
  NE: Utm;
  NW: Utm;
  SW: Utm;
  SE: Utm;
}

/** A part in grid metres: polygons → rings → points (outer ring first). */
export type GridPolygons = Utm[][][];

export function partToGrid(part: Pick<PlssPart, 'polygons'>, epsg: number): GridPolygons {
  const { toUtm } = utmConverter(epsg);
  return part.polygons.map((rings) => rings.map((ring) => ring.map((p) => toUtm(p))));
}

/** Even-odd ray casting over every ring, so holes count. */
export function pointInPolygons(point: readonly [number, number], polygons: readonly (readonly (readonly Position[])[])[]): boolean {
  const [x, y] = point;
  for (const rings of polygons) {
    let inside = false;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    if (inside) return true;
  }
  return false;
}

/** A ring's four extreme vertices: the section corners of a section drawn north-up (the PLSS is). */
export function quadCorners(ring: readonly Utm[]): Quad {
  let ne = ring[0]!;
  let nw = ring[0]!;
  let sw = ring[0]!;
  let se = ring[0]!;
  for (const p of ring) {
    if (p[0] + p[1] > ne[0] + ne[1]) ne = p;
    if (p[1] - p[0] > nw[1] - nw[0]) nw = p;
    if (p[0] + p[1] < sw[0] + sw[1]) sw = p;
    if (p[0] - p[1] > se[0] - se[1]) se = p;
  }
  return { NE: ne, NW: nw, SW: sw, SE: se };
}

/** The point at (u east, v north) of a quad, each 0..1. */
export function quadPoint(q: Quad, u: number, v: number): Utm {
  return [
    q.SW[0] * (1 - u) * (1 - v) + q.SE[0] * u * (1 - v) + q.NE[0] * u * v + q.NW[0] * (1 - u) * v,
    q.SW[1] * (1 - u) * (1 - v) + q.SE[1] * u * (1 - v) + q.NE[1] * u * v + q.NW[1] * (1 - u) * v,
  ];
}

export function quadCell(q: Quad, u0: number, v0: number, u1: number, v1: number): Utm[] {
  return [quadPoint(q, u0, v0), quadPoint(q, u1, v0), quadPoint(q, u1, v1), quadPoint(q, u0, v1)];
}

function quadRing(q: Quad): Utm[] {
  return [q.SW, q.SE, q.NE, q.NW];
}

/** Bounds of a regular section's area: 640 acres nominal; a fractional section (lots) falls outside. */
const REGULAR_ACRES = { min: 600, max: 680 };

/**
 * A regular section's quadrilateral, or null for a fractional or irregular one (wrong size, or not close to its
 * four corners: a jog, a lot along a township line), whose quarter-quarters cannot be derived.
 */
export function regularSectionQuad(ring: readonly Utm[]): Quad | null {
  const q = quadCorners(ring);
  const quadArea = gridAreaM2(quadRing(q));
  const area = gridAreaM2(ring);
  const acres = area / ACRE_M2;
  if (acres < REGULAR_ACRES.min || acres > REGULAR_ACRES.max) return null;
  return Math.abs(area - quadArea) <= 0.01 * area ? q : null;
}

/** The sixteen quarter-quarters of a regular section, labelled as CadNSDI does ("SWNE" = SW¼ of the NE¼). */
export function deriveQuarterQuarters(q: Quad): { label: string; ring: Utm[] }[] {
  const out: { label: string; ring: Utm[] }[] = [];
  for (let i = 0; i < 4; i += 1) {
    for (let j = 0; j < 4; j += 1) {
      const quarter = `${j >= 2 ? 'N' : 'S'}${i >= 2 ? 'E' : 'W'}`;
      const qq = `${j % 2 === 1 ? 'N' : 'S'}${i % 2 === 1 ? 'E' : 'W'}`;
      out.push({ label: `${qq}${quarter}`, ring: quadCell(q, i / 4, j / 4, (i + 1) / 4, (j + 1) / 4) });
    }
  }
  return out;
}
