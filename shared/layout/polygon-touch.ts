/**
 * Does a claim overlap an area ring? Exact segment and point-in-polygon tests in grid metres.
 *
 * "Touch" means overlap by more than a sliver: the claim is shrunk about its centre by 1e-4 (1-2 cm on a lode
 * claim) first. Otherwise, when the order's polygons are themselves a claim grid at the same azimuth (the usual
 * case), every neighbour that merely shares an edge with the area, or meets it through rounding, would be kept.
 */
import type { Utm } from '../geo/utm';
import { centroidOf } from './layout-util';

const SHRINK = 1e-4;

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function boxOf(ring: readonly Utm[]): Box {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const [x, y] of ring) {
    if (x < box.minX) box.minX = x;
    if (x > box.maxX) box.maxX = x;
    if (y < box.minY) box.minY = y;
    if (y > box.maxY) box.maxY = y;
  }
  return box;
}

const boxesMeet = (a: Box, b: Box): boolean => a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;

function cross(o: Utm, a: Utm, b: Utm): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Strict crossing of segments ab and cd; mere contact is left to the point-in-ring tests (and the shrink). */
function segmentsCross(a: Utm, b: Utm, c: Utm, d: Utm): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

export function pointInRing(p: Utm, ring: readonly Utm[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function ringsOverlap(a: readonly Utm[], b: readonly Utm[]): boolean {
  if (a.some((p) => pointInRing(p, b)) || b.some((p) => pointInRing(p, a))) return true;
  for (let i = 0; i < a.length; i += 1) {
    const a1 = a[i]!;
    const a2 = a[(i + 1) % a.length]!;
    for (let j = 0; j < b.length; j += 1) if (segmentsCross(a1, a2, b[j]!, b[(j + 1) % b.length]!)) return true;
  }
  return false;
}

/** A predicate over claim rings, with the area's rings and boxes prepared once. */
export function overlapsArea(areaRings: readonly (readonly Utm[])[]): (claim: readonly Utm[]) => boolean {
  const areas = areaRings.filter((r) => r.length >= 3).map((ring) => ({ ring, box: boxOf(ring) }));
  return (claim) => {
    const [cx, cy] = centroidOf(claim);
    const shrunk = claim.map((p): Utm => [cx + (p[0] - cx) * (1 - SHRINK), cy + (p[1] - cy) * (1 - SHRINK)]);
    const box = boxOf(shrunk);
    return areas.some((area) => boxesMeet(box, area.box) && ringsOverlap(shrunk, area.ring));
  };
}
