/**
 * Finds where a closed ring touches or crosses itself.
 *
 * Why not turf `kinks` (7.4): speed is not the issue for claim-sized rings (it is a pairwise loop too, about
 * as fast as this one on 5-position rings); what it reports is. Its parametric test answers "no
 * intersection" whenever two segments are parallel, so a degenerate ring whose only overlaps are collinear
 * (a zero-area "polygon" such as A→B→C→A on one line, or a triangle that folds back on itself) passes as
 * valid. And on a MultiPolygon it compares the rings of all parts with each other, so two parts that merely
 * touch at a corner (valid GeoJSON) are reported as kinks. Here each ring is tested on its own with
 * orientation signs, collinear overlaps and neighbouring segments that fold back included. Long rings
 * (digitised placer outlines with thousands of vertices) switch to a sort-by-x sweep so the cost stays
 * near O(n log n) rather than kinks' O(n²).
 *
 * "Exact" here means no tolerance: two segments intersect only if the orientation tests say so. Rings are
 * checked one at a time, so claims that share corners or edges with their neighbours are never reported.
 */
import type { LinearRing, Position } from './geojson.types';

/** Below this many segments the plain pairwise loop beats sorting. */
const PAIRWISE_LIMIT = 24;

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

/** Checks segments i < j of the ring (segment k runs from ring[k] to ring[k+1]); where they meet, or null. */
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

/**
 * Returns where the ring first meets itself (the crossing point, or the touching vertex), or null when the
 * ring is simple.
 * Expects a closed ring without consecutive duplicates (ring-repair.ts guarantees both).
 */
export function findRingSelfIntersection(ring: LinearRing): Position | null {
  const segments = ring.length - 1;
  if (segments < 3) return null;
  if (segments <= PAIRWISE_LIMIT) {
    for (let i = 0; i < segments; i++) {
      for (let j = i + 1; j < segments; j++) {
        const hit = pairIntersection(ring, segments, i, j);
        if (hit !== null) return hit;
      }
    }
    return null;
  }
  return sweep(ring, segments);
}

/** Sort segments by their left end; only segments whose x-ranges overlap are ever compared. */
function sweep(ring: LinearRing, segments: number): Position | null {
  const minX = new Float64Array(segments);
  const maxX = new Float64Array(segments);
  const order: number[] = [];
  for (let k = 0; k < segments; k++) {
    const a = ring[k] as Position;
    const b = ring[k + 1] as Position;
    minX[k] = Math.min(a[0], b[0]);
    maxX[k] = Math.max(a[0], b[0]);
    order.push(k);
  }
  order.sort((p, q) => (minX[p] as number) - (minX[q] as number));
  for (let s = 0; s < segments; s++) {
    const p = order[s] as number;
    const pMax = maxX[p] as number;
    for (let t = s + 1; t < segments; t++) {
      const q = order[t] as number;
      if ((minX[q] as number) > pMax) break;
      const i = Math.min(p, q);
      const j = Math.max(p, q);
      const hit = pairIntersection(ring, segments, i, j);
      if (hit !== null) return hit;
    }
  }
  return null;
}
