/**
 * Finds where a closed ring touches or crosses itself.
 *
 * Why not turf `kinks` (7.4): what it reports. Its parametric test answers "no intersection" whenever two
 * segments are parallel, so a degenerate ring whose only overlaps are collinear (a zero-area "polygon" such as
 * A→B→C→A on one line, or a triangle that folds back on itself) passes as valid. And on a MultiPolygon it compares
 * the rings of all parts with each other, so two parts that merely touch at a corner (valid GeoJSON) are reported
 * as kinks. It is also a pairwise O(n²) loop. Here each ring is tested on its own with orientation signs,
 * collinear overlaps and neighbouring segments that fold back included.
 *
 * Long rings (digitised placer outlines, or a hostile server's 200,000-vertex zig-zag) go through a Shamos–Hoey
 * sweep: O(n log n) to decide whether ANY two segments meet, whatever the ring's shape. (A filter on
 * x-ranges alone, which this file used before, is quadratic for zig-zags whose segments all span the same x.)
 * The sweep visits the segments' endpoints left to right and keeps the segments the sweep line crosses ordered
 * bottom to top; two segments that meet are neighbours in that order at some event left of their leftmost
 * meeting point, so only neighbours are ever tested. Degenerate cases are taken out first, in O(n log n): a
 * neighbouring segment that folds back, and a vertex the ring visits twice. The active segments live in a splay
 * tree (splaytree-ts, already in the tree through turf's polygon clipping), so each insertion, removal and
 * neighbour look-up is O(log n) amortised even when, as in a zig-zag, every segment is active at once: a sorted
 * array would spend O(n) moving entries on each of them, quadratic again.
 *
 * "Exact" here means no tolerance: two segments intersect only if the orientation tests say so. Rings are
 * checked one at a time, so claims that share corners or edges with their neighbours are never reported.
 */
import { SplayTreeSet } from 'splaytree-ts';
import type { LinearRing, Position } from './geojson.types';

/** Below this many segments the plain pairwise loop beats sorting. */
const PAIRWISE_LIMIT = 24;

/** How many sweep events run between two looks at the caller's time budget. */
const BUDGET_STRIDE = 1024;

/** >0 when c is left of a→b, <0 right, 0 collinear. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** For a point already known collinear with a→b: is it inside the segment's bounding box? */
function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

/** Do segments p1→p2 and q1→q2 share any point (crossing, touching or overlapping)? */
function segmentsIntersect(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  const d1 = orient(q1[0], q1[1], q2[0], q2[1], p1[0], p1[1]);
  const d2 = orient(q1[0], q1[1], q2[0], q2[1], p2[0], p2[1]);
  const d3 = orient(p1[0], p1[1], p2[0], p2[1], q1[0], q1[1]);
  const d4 = orient(p1[0], p1[1], p2[0], p2[1], q2[0], q2[1]);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    (d1 === 0 && onSegment(q1[0], q1[1], q2[0], q2[1], p1[0], p1[1])) ||
    (d2 === 0 && onSegment(q1[0], q1[1], q2[0], q2[1], p2[0], p2[1])) ||
    (d3 === 0 && onSegment(p1[0], p1[1], p2[0], p2[1], q1[0], q1[1])) ||
    (d4 === 0 && onSegment(p1[0], p1[1], p2[0], p2[1], q2[0], q2[1]))
  );
}

/**
 * Neighbouring segments a→b and b→c always share b; they overlap beyond it only when the ring doubles back
 * on itself (a spike): c collinear with a→b and on a's side of b.
 */
function foldsBack(a: Position, b: Position, c: Position): boolean {
  if (orient(a[0], a[1], b[0], b[1], c[0], c[1]) !== 0) return false;
  return (a[0] - b[0]) * (c[0] - b[0]) + (a[1] - b[1]) * (c[1] - b[1]) > 0;
}

/** Where a→b meets c→d: the crossing point, or for parallel (collinear) segments an endpoint on both. */
function meetingPoint(a: Position, b: Position, c: Position, d: Position): Position {
  const rx = b[0] - a[0];
  const ry = b[1] - a[1];
  const sx = d[0] - c[0];
  const sy = d[1] - c[1];
  const denominator = rx * sy - ry * sx;
  if (denominator === 0) {
    if (onSegment(a[0], a[1], b[0], b[1], c[0], c[1])) return c;
    return onSegment(a[0], a[1], b[0], b[1], d[0], d[1]) ? d : a;
  }
  const t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / denominator;
  return [a[0] + t * rx, a[1] + t * ry];
}

/** Segments i and j share a ring vertex (segment k runs from ring[k] to ring[k+1]; the last ends at ring[0]). */
function adjacent(segments: number, i: number, j: number): boolean {
  const d = Math.abs(i - j);
  return d === 1 || d === segments - 1;
}

/** Checks segments i < j of the ring; where they meet, or null. */
function pairIntersection(ring: LinearRing, segments: number, i: number, j: number): Position | null {
  const a = ring[i] as Position;
  const b = ring[i + 1] as Position;
  const c = ring[j] as Position;
  const d = ring[j + 1] as Position;
  if (j === i + 1) return foldsBack(a, b, d) ? b : null;
  // The last segment ends where the first begins.
  if (i === 0 && j === segments - 1) return foldsBack(c, a, b) ? a : null;
  return segmentsIntersect(a, b, c, d) ? meetingPoint(a, b, c, d) : null;
}

/** Every pair, for short rings (and as the reference the sweep is tested against). */
export function pairwiseSelfIntersection(ring: LinearRing): Position | null {
  const segments = ring.length - 1;
  for (let i = 0; i < segments; i++) {
    for (let j = i + 1; j < segments; j++) {
      const hit = pairIntersection(ring, segments, i, j);
      if (hit !== null) return hit;
    }
  }
  return null;
}

/** The check ran out of its time budget before it could answer. */
export const BUDGET_EXCEEDED = 'budget-exceeded';

export interface RingCheckOptions {
  /** Looked at every so often during a long sweep; true ends the check with BUDGET_EXCEEDED. */
  overBudget?: () => boolean;
}

/**
 * Returns where the ring first meets itself (the crossing point, or the touching vertex), or null when the
 * ring is simple, or BUDGET_EXCEEDED when `overBudget` said stop first.
 * Expects a closed ring without consecutive duplicates (ring-repair.ts guarantees both).
 */
export function findRingSelfIntersection(ring: LinearRing, options: RingCheckOptions = {}): Position | null | typeof BUDGET_EXCEEDED {
  const segments = ring.length - 1;
  if (segments < 3) return null;
  if (segments <= PAIRWISE_LIMIT) return pairwiseSelfIntersection(ring);
  return foldBack(ring, segments) ?? revisitedVertex(ring, segments) ?? sweep(ring, segments, options.overBudget);
}

function foldBack(ring: LinearRing, segments: number): Position | null {
  for (let k = 0; k + 1 < segments; k++) {
    const hit = pairIntersection(ring, segments, k, k + 1);
    if (hit !== null) return hit;
  }
  return pairIntersection(ring, segments, 0, segments - 1);
}

/** Lexicographic order of points: x, then y. */
function compareXY(ax: number, ay: number, bx: number, by: number): number {
  return ax !== bx ? ax - bx : ay - by;
}

/** A vertex the ring passes through twice (a figure-8 pinch): found by sorting the vertices. */
function revisitedVertex(ring: LinearRing, segments: number): Position | null {
  const order = Array.from({ length: segments }, (_, k) => k);
  order.sort((p, q) => compareXY((ring[p] as Position)[0], (ring[p] as Position)[1], (ring[q] as Position)[0], (ring[q] as Position)[1]));
  for (let k = 1; k < segments; k++) {
    const a = ring[order[k - 1] as number] as Position;
    const b = ring[order[k] as number] as Position;
    if (a[0] === b[0] && a[1] === b[1]) return a;
  }
  return null;
}

function sweep(ring: LinearRing, segments: number, overBudget: (() => boolean) | undefined): Position | null | typeof BUDGET_EXCEEDED {
  // Each segment's endpoints as left (lexicographically smaller) and right.
  const lx = new Float64Array(segments);
  const ly = new Float64Array(segments);
  const rx = new Float64Array(segments);
  const ry = new Float64Array(segments);
  for (let k = 0; k < segments; k++) {
    const a = ring[k] as Position;
    const b = ring[k + 1] as Position;
    const aFirst = compareXY(a[0], a[1], b[0], b[1]) < 0;
    lx[k] = aFirst ? a[0] : b[0];
    ly[k] = aFirst ? a[1] : b[1];
    rx[k] = aFirst ? b[0] : a[0];
    ry[k] = aFirst ? b[1] : a[1];
  }
  // Event e < segments inserts segment e at its left end; e >= segments removes segment e - segments at its right
  // end. At one point, insertions come first, so segments that merely meet there are compared while both are active.
  const events = Array.from({ length: 2 * segments }, (_, e) => e);
  const ex = (e: number): number => (e < segments ? (lx[e] as number) : (rx[e - segments] as number));
  const ey = (e: number): number => (e < segments ? (ly[e] as number) : (ry[e - segments] as number));
  events.sort((a, b) => compareXY(ex(a), ey(a), ex(b), ey(b)) || (a < segments ? 0 : 1) - (b < segments ? 0 : 1));

  /**
   * Where segment s lies against segment t, which starts no later: judged at s's left end, then (when that end is
   * on t's line, as where two segments leave one vertex) at its right end. -1: t below s, 1: t above, 0: collinear.
   */
  const side = (t: number, s: number): number => {
    const t0x = lx[t] as number, t0y = ly[t] as number, t1x = rx[t] as number, t1y = ry[t] as number;
    const o = orient(t0x, t0y, t1x, t1y, lx[s] as number, ly[s] as number) || orient(t0x, t0y, t1x, t1y, rx[s] as number, ry[s] as number);
    return o > 0 ? -1 : o < 0 ? 1 : 0;
  };
  /**
   * The bottom-to-top order of segments the sweep line crosses. Segments that do not meet keep their order while
   * both are active, so the tree stays sorted up to the first meeting, which is all the sweep needs. Collinear
   * segments (they overlap, or the ring would have failed earlier) are ordered by number to keep the order total.
   */
  const compare = (a: number, b: number): number => {
    if (a === b) return 0;
    const order = compareXY(lx[a] as number, ly[a] as number, lx[b] as number, ly[b] as number) <= 0 ? side(a, b) : -side(b, a);
    return order || a - b;
  };
  const meet = (i: number | null, j: number | null): Position | null => {
    if (i === null || j === null || adjacent(segments, i, j)) return null;
    return pairIntersection(ring, segments, Math.min(i, j), Math.max(i, j));
  };

  const active = new SplayTreeSet<number>(compare);
  for (let n = 0; n < events.length; n++) {
    if (overBudget && n % BUDGET_STRIDE === BUDGET_STRIDE - 1 && overBudget()) return BUDGET_EXCEEDED;
    const e = events[n] as number;
    if (e < segments) {
      active.add(e);
      const hit = meet(e, active.lastBefore(e)) ?? meet(e, active.firstAfter(e));
      if (hit !== null) return hit;
    } else {
      const s = e - segments;
      const hit = meet(active.lastBefore(s), active.firstAfter(s));
      if (hit !== null) return hit;
      active.delete(s);
    }
  }
  return null;
}
