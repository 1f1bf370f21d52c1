/**
 * Plane geometry the claim and field maps need on grid (UTM) coordinates: bounds, clipping a claim to a map
 * sheet's window, and where a label goes. Pure and small on purpose: maps draw in the grid the layout was made
 * in, so no projection happens here.
 */
import { gridAreaM2 } from '../geo/ground';
import type { Utm } from '../geo/utm';
import { centroidOf } from '../layout/layout-util';

/** An axis-aligned window in grid metres. */
export interface GridRect {
  minE: number;
  minN: number;
  maxE: number;
  maxN: number;
}

export function boundsOf(points: readonly Utm[]): GridRect | null {
  if (points.length === 0) return null;
  const r = { minE: Infinity, minN: Infinity, maxE: -Infinity, maxN: -Infinity };
  for (const [e, n] of points) {
    r.minE = Math.min(r.minE, e);
    r.minN = Math.min(r.minN, n);
    r.maxE = Math.max(r.maxE, e);
    r.maxN = Math.max(r.maxN, n);
  }
  return r;
}

export function rectWidth(r: GridRect): number {
  return r.maxE - r.minE;
}

export function rectHeight(r: GridRect): number {
  return r.maxN - r.minN;
}

export function rectCentre(r: GridRect): Utm {
  return [(r.minE + r.maxE) / 2, (r.minN + r.maxN) / 2];
}

/** A window of the given size centred on a point. */
export function rectAround(centre: Utm, width: number, height: number): GridRect {
  return { minE: centre[0] - width / 2, minN: centre[1] - height / 2, maxE: centre[0] + width / 2, maxN: centre[1] + height / 2 };
}

export function rectContains(r: GridRect, p: Utm): boolean {
  return p[0] >= r.minE && p[0] <= r.maxE && p[1] >= r.minN && p[1] <= r.maxN;
}

/** Area centroid; the vertex mean for a degenerate ring (a sliver still gets its label somewhere sensible). */
export function ringCentroid(ring: readonly Utm[]): Utm {
  let twice = 0;
  let cx = 0;
  let cy = 0;
  const [ox, oy] = ring[0] ?? [0, 0]; // relative to the first vertex: UTM northings squared lose precision
  for (let i = 0; i < ring.length; i += 1) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    const ax = a[0] - ox;
    const ay = a[1] - oy;
    const bx = b[0] - ox;
    const by = b[1] - oy;
    const cross = ax * by - bx * ay;
    twice += cross;
    cx += (ax + bx) * cross;
    cy += (ay + by) * cross;
  }
  if (Math.abs(twice) < 1e-9) return centroidOf(ring);
  return [ox + cx / (3 * twice), oy + cy / (3 * twice)];
}

/**
 * The part of a ring inside a window (Sutherland–Hodgman). Exact for convex claims; for a concave one the result
 * may carry zero-width seams along the window edge, which changes neither its area nor its centroid.
 */
export function clipRing(ring: readonly Utm[], r: GridRect): Utm[] {
  const edges: [(p: Utm) => boolean, (a: Utm, b: Utm) => Utm][] = [
    [(p) => p[0] >= r.minE, (a, b) => atE(a, b, r.minE)],
    [(p) => p[0] <= r.maxE, (a, b) => atE(a, b, r.maxE)],
    [(p) => p[1] >= r.minN, (a, b) => atN(a, b, r.minN)],
    [(p) => p[1] <= r.maxN, (a, b) => atN(a, b, r.maxN)],
  ];
  let out: Utm[] = [...ring];
  for (const [inside, cut] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i += 1) {
      const current = input[i]!;
      const previous = input[(i + input.length - 1) % input.length]!;
      if (inside(current)) {
        if (!inside(previous)) out.push(cut(previous, current));
        out.push(current);
      } else if (inside(previous)) {
        out.push(cut(previous, current));
      }
    }
    if (out.length === 0) return [];
  }
  return out;
}

function atE(a: Utm, b: Utm, e: number): Utm {
  const t = (e - a[0]) / (b[0] - a[0]);
  return [e, a[1] + t * (b[1] - a[1])];
}

function atN(a: Utm, b: Utm, n: number): Utm {
  const t = (n - a[1]) / (b[1] - a[1]);
  return [a[0] + t * (b[0] - a[0]), n];
}

/** The part of segment a→b inside the window (Liang–Barsky), or null when it misses. */
export function clipSegment(a: Utm, b: Utm, r: GridRect): [Utm, Utm] | null {
  const d: Utm = [b[0] - a[0], b[1] - a[1]];
  let t0 = 0;
  let t1 = 1;
  const sides: [number, number][] = [
    [-d[0], a[0] - r.minE],
    [d[0], r.maxE - a[0]],
    [-d[1], a[1] - r.minN],
    [d[1], r.maxN - a[1]],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  return [
    [a[0] + t0 * d[0], a[1] + t0 * d[1]],
    [a[0] + t1 * d[0], a[1] + t1 * d[1]],
  ];
}

/** True when some of the ring's area lies inside the window (touching an edge is not enough). */
export function ringMeetsRect(ring: readonly Utm[], r: GridRect): boolean {
  return gridAreaM2(clipRing(ring, r)) > 1e-6;
}

/**
 * The ring's long axis: the direction of its longest edge (for a claim, the side line) in radians
 * counter-clockwise from grid east, folded to (-90°, 90°] so text along it reads left to right.
 */
export function longAxisAngle(ring: readonly Utm[]): number {
  let best = 0;
  let angle = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (length > best + 1e-9) [best, angle] = [length, Math.atan2(b[1] - a[1], b[0] - a[0])];
  }
  return readableAngle(angle);
}

/** Folds a direction to the one text can run along left to right; near-vertical text reads upwards. */
export function readableAngle(angle: number): number {
  const slack = (1 * Math.PI) / 180;
  let a = angle;
  while (a > Math.PI / 2 + slack) a -= Math.PI;
  while (a <= -Math.PI / 2 + slack) a += Math.PI;
  return a;
}

/** How far the ring extends along and across a direction (radians from grid east), through its own span. */
export function extentAlong(ring: readonly Utm[], angle: number): { along: number; across: number } {
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  let [minA, maxA, minC, maxC] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [x, y] of ring) {
    const a = x * ux + y * uy;
    const c = -x * uy + y * ux;
    [minA, maxA, minC, maxC] = [Math.min(minA, a), Math.max(maxA, a), Math.min(minC, c), Math.max(maxC, c)];
  }
  return ring.length === 0 ? { along: 0, across: 0 } : { along: maxA - minA, across: maxC - minC };
}
