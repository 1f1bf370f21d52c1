/**
 * Planar polygon helpers in grid metres for validation. Claims are almost always convex quadrilaterals, so
 * intersection area uses Sutherland–Hodgman clipping (a few dozen flops per pair, which keeps 1,000-claim
 * validation in the low milliseconds); only a non-convex ring falls back to turf's general polygon clipping.
 * turf's `area` is spherical and would mix units, so areas here are always the shoelace in grid m².
 */
import { featureCollection, intersect, polygon } from '@turf/turf';
import RBush from 'rbush';
import { gridAreaM2 } from '../geo/ground';
import type { Utm } from '../geo/utm';

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function ringBox(ring: readonly Utm[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

const cross = (o: Utm, a: Utm, b: Utm): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Convex (or degenerate-collinear) open ring: every turn has the same sign. */
export function isConvex(ring: readonly Utm[]): boolean {
  let sign = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const turn = cross(ring[i]!, ring[(i + 1) % ring.length]!, ring[(i + 2) % ring.length]!);
    if (turn === 0) continue;
    if (sign === 0) sign = Math.sign(turn);
    else if (Math.sign(turn) !== sign) return false;
  }
  return true;
}

/** Sutherland–Hodgman: `subject` clipped by the convex `clip` ring (either orientation). */
function clipConvex(subject: readonly Utm[], clip: readonly Utm[]): Utm[] {
  let orientation = 0;
  for (let i = 0; i < clip.length; i += 1) {
    const a = clip[i]!;
    const b = clip[(i + 1) % clip.length]!;
    orientation += a[0] * b[1] - b[0] * a[1];
  }
  const inside = orientation >= 0 ? (v: number): boolean => v >= 0 : (v: number): boolean => v <= 0;
  let output: Utm[] = [...subject];
  for (let i = 0; i < clip.length && output.length > 0; i += 1) {
    const a = clip[i]!;
    const b = clip[(i + 1) % clip.length]!;
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j += 1) {
      const p = input[j]!;
      const q = input[(j + 1) % input.length]!;
      const cp = cross(a, b, p);
      const cq = cross(a, b, q);
      if (inside(cp)) output.push(p);
      if (inside(cp) !== inside(cq)) {
        const t = cp / (cp - cq);
        output.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
      }
    }
  }
  return output;
}

function closed(ring: readonly Utm[]): Utm[] {
  return [...ring, ring[0]!];
}

/**
 * Every pair i < j of boxes that intersect once grown by `pad`, from one R-tree: the only candidates for
 * overlaps and near-miss corners, so neither check ever looks at all n² pairs. Sorted by i, then j: the order
 * the findings are listed in, whichever way the pairs were found (layout-check-memo.ts keeps its tree).
 */
export function candidatePairs(boxes: readonly (Box | null)[], pad: number): [number, number][] {
  const tree = new RBush<Box & { index: number }>();
  const items: (Box & { index: number })[] = [];
  boxes.forEach((box, index) => {
    if (box) items.push({ minX: box.minX - pad, minY: box.minY - pad, maxX: box.maxX + pad, maxY: box.maxY + pad, index });
  });
  tree.load(items);
  const pairs: [number, number][] = [];
  for (const item of items) {
    const later = tree.search(item).filter((hit) => hit.index > item.index).map((hit) => hit.index).sort((a, b) => a - b);
    for (const j of later) pairs.push([item.index, j]);
  }
  return pairs;
}

/**
 * Upper bound on the area two convex rings share, from their projections on each edge normal (separating
 * axes): the common part lies in a slab as wide as the smallest projection overlap and is no longer than the
 * rings' extent. Neighbours that only share an edge give ~0 and are settled without clipping.
 */
function sharedAreaBound(a: readonly Utm[], b: readonly Utm[]): number {
  let perimeterA = 0;
  for (let i = 0; i < a.length; i += 1) {
    const p = a[i]!;
    const q = a[(i + 1) % a.length]!;
    perimeterA += Math.hypot(q[0] - p[0], q[1] - p[1]);
  }
  let slab = Infinity;
  for (let r = 0; r < 2; r += 1) {
    const ring = r === 0 ? a : b;
    for (let i = 0; i < ring.length; i += 1) {
      const p = ring[i]!;
      const q = ring[(i + 1) % ring.length]!;
      const nx = p[1] - q[1];
      const ny = q[0] - p[0];
      const length = Math.hypot(nx, ny);
      if (length === 0) continue;
      const ux = nx / length;
      const uy = ny / length;
      const overlap = Math.min(projectMax(a, ux, uy), projectMax(b, ux, uy)) - Math.max(-projectMax(a, -ux, -uy), -projectMax(b, -ux, -uy));
      if (overlap <= 0) return 0;
      if (overlap < slab) slab = overlap;
    }
  }
  // A convex ring's diameter is at most half its perimeter.
  return (slab * perimeterA) / 2;
}

/** Largest projection of a ring's corners on (nx, ny); the smallest is -projectMax(ring, -nx, -ny). No allocation. */
function projectMax(ring: readonly Utm[], nx: number, ny: number): number {
  let max = -Infinity;
  for (let i = 0; i < ring.length; i += 1) {
    const p = ring[i]!;
    const t = p[0] * nx + p[1] * ny;
    if (t > max) max = t;
  }
  return max;
}

/** Area (grid m²) common to two simple open rings; 0 once it is certain to be below `ignoreBelowM2`. */
export function intersectionAreaM2(a: readonly Utm[], b: readonly Utm[], ignoreBelowM2 = 0): number {
  const convexA = isConvex(a);
  const convexB = isConvex(b);
  if (convexA && convexB && sharedAreaBound(a, b) <= ignoreBelowM2) return 0;
  if (convexB) return gridAreaM2(clipConvex(a, b));
  if (convexA) return gridAreaM2(clipConvex(b, a));
  const result = intersect(featureCollection([polygon([closed(a)]), polygon([closed(b)])]));
  if (!result) return 0;
  const polygons = result.geometry.type === 'Polygon' ? [result.geometry.coordinates] : result.geometry.coordinates;
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, index) => {
      const area = gridAreaM2(ring as Utm[]);
      total += index === 0 ? area : -area;
    });
  }
  return total;
}
