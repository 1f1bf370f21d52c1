/**
 * Possible duplicate purchases: two orders whose claims cover much of the same ground. The overlap
 * share of a pair is the area their claims have in common divided by the claim area of the smaller order;
 * pairs at or above `minShare` (default 0.5) are reported, and flagged on both orders by the caller.
 *
 * How, for 10,000 orders: one static R-tree (flatbush, claim-boxes.ts) over every claim's lon/lat bounding box, so
 * only claims whose boxes meet are ever compared; each such pair of claims from different orders is intersected exactly (convex claims
 * by clipping, others by turf: shared/claims/polygon-ops.ts intersectionAreaM2) and the areas are summed per
 * pair of orders. It runs in two passes so that a caller reading the cache need not hold every order's geometry:
 * boxClaims keeps a box per claim and an area per order, and the second pass (PairFinder) holds the geometry of only
 * the orders whose boxes met, each only until its last comparison (at 10,000 orders × 8 claims, holding every
 * order's claims took some 150 MB of heap).
 *
 * Areas are measured in a sinusoidal projection centred between the two claims rather than in UTM: it is
 * equal-area on the sphere, so the share (a ratio of areas in one projection) is right to well under 0.1 %
 * for claim-sized polygons; it needs no zone, so orders either side of a UTM zone boundary compare like any
 * others; and it is a multiplication per vertex, not a proj4 call. Claims of one order are assumed not to
 * overlap each other (validation reports that separately); the share is capped at 1 in case they do. Holes
 * are subtracted. Claims touching only along an edge or at a corner share no area and are never reported.
 */
import { intersectionAreaM2 } from '../claims/polygon-ops';
import { gridAreaM2 } from '../geo/ground';
import { ACRE_M2, type Utm } from '../geo/utm';
import type { ClaimGeometry, Position } from '../geometry/geojson.types';
import { ClaimBoxes } from './claim-boxes';

export interface DuplicateCandidate {
  /** The order's identity, e.g. orderKeyString(): "claim_order:7". */
  key: string;
  claims: readonly { name: string; geometry: ClaimGeometry }[];
}

export interface DuplicatePair {
  /** Keys in input order: `a` comes before `b` in the list passed in. */
  a: string;
  b: string;
  overlapM2: number;
  overlapAcres: number;
  /** Shared area ÷ the smaller order's claim area, 0–1. */
  share: number;
  /** The overlapping claims by name, `a`'s first. */
  claims: { a: string; b: string }[];
}

export interface DuplicateOptions {
  minShare?: number;
  /** Claim overlaps smaller than this (m²) are slivers from digitising, not shared ground. Default 1 m². */
  minOverlapM2?: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Open rings (closing vertex dropped): outer first, then holes. */
type LonLatPolygon = Position[][];

/** A claim as the exact comparison needs it: its name and its rings, open, outer first. */
interface ClaimShape {
  name: string;
  polygons: LonLatPolygon[];
}

function openRing(ring: readonly Position[]): Position[] | null {
  if (!Array.isArray(ring)) return null;
  const points = ring.filter((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (points.length !== ring.length) return null;
  const first = points[0];
  const last = points[points.length - 1];
  const open = first && last && first[0] === last[0] && first[1] === last[1] ? points.slice(0, -1) : points;
  return open.length >= 3 ? open : null;
}

function claimPolygons(geometry: ClaimGeometry): LonLatPolygon[] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  const polygons: LonLatPolygon[] = [];
  for (const rings of parts) {
    const open = (Array.isArray(rings) ? rings : []).map(openRing);
    const [outer, ...holes] = open;
    if (outer) polygons.push([outer, ...holes.filter((h): h is Position[] => h !== null)]);
  }
  return polygons;
}

function project(ring: readonly Position[], lon0: number): Utm[] {
  return ring.map(([lon, lat]) => [EARTH_RADIUS_M * (lon - lon0) * RAD * Math.cos(lat * RAD), EARTH_RADIUS_M * lat * RAD]);
}

function polygonArea(polygon: LonLatPolygon, lon0: number): number {
  const [outer, ...holes] = polygon.map((ring) => gridAreaM2(project(ring, lon0)));
  return Math.max(0, (outer ?? 0) - holes.reduce((sum, h) => sum + h, 0));
}

function safeIntersection(a: readonly Utm[], b: readonly Utm[], ignoreBelowM2: number): number {
  try {
    return intersectionAreaM2(a, b, ignoreBelowM2);
  } catch {
    // A ring turf cannot clip (self-touching, degenerate) must not stop the scan of every other order.
    return 0;
  }
}

/** |P ∩ Q| with holes by inclusion–exclusion: holes lie inside their outer ring and do not overlap each other. */
function polygonIntersection(p: LonLatPolygon, q: LonLatPolygon, lon0: number, ignoreBelowM2: number): number {
  const [pOuter, ...pHoles] = p.map((ring) => project(ring, lon0));
  const [qOuter, ...qHoles] = q.map((ring) => project(ring, lon0));
  if (!pOuter || !qOuter) return 0;
  let area = safeIntersection(pOuter, qOuter, ignoreBelowM2);
  if (area === 0) return 0;
  for (const h of pHoles) area -= safeIntersection(h, qOuter, 0);
  for (const h of qHoles) area -= safeIntersection(pOuter, h, 0);
  for (const h of pHoles) for (const k of qHoles) area += safeIntersection(h, k, 0);
  return Math.max(0, area);
}

function claimIntersection(lon0: number, shapes: [ClaimShape, ClaimShape], ignoreBelowM2: number): number {
  let total = 0;
  for (const p of shapes[0].polygons) for (const q of shapes[1].polygons) total += polygonIntersection(p, q, lon0, ignoreBelowM2);
  return total;
}

function boxOf(polygons: readonly LonLatPolygon[]): { minX: number; minY: number; maxX: number; maxY: number } {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    for (const [lon, lat] of polygon[0] ?? []) {
      minX = Math.min(minX, lon);
      minY = Math.min(minY, lat);
      maxX = Math.max(maxX, lon);
      maxY = Math.max(maxY, lat);
    }
  }
  return { minX, minY, maxX, maxY };
}

interface PairAccumulator {
  overlapM2: number;
  claims: { a: string; b: string }[];
}

type ClaimsOf = readonly { name: string; geometry: ClaimGeometry }[];

/**
 * The first pass over the orders, one order at a time: each claim's box goes into `boxes`, and the order's claim area
 * is answered. Nothing of the geometry is kept, so a caller reading orders from the cache holds boxes, not claims.
 */
export function boxClaims(order: number, claims: ClaimsOf, boxes: ClaimBoxes): number {
  let areaM2 = 0;
  claims.forEach((claim, index) => {
    const polygons = claimPolygons(claim.geometry);
    if (polygons.length === 0) return;
    const { minX, minY, maxX, maxY } = boxOf(polygons);
    const lon0 = (minX + maxX) / 2;
    areaM2 += polygons.reduce((sum, p) => sum + polygonArea(p, lon0), 0);
    boxes.add(order, index, minX, minY, maxX, maxY);
  });
  return areaM2;
}

/** Claims of different orders whose boxes meet, as pairs of box numbers (ClaimBoxes.meeting). `keyOf(i)` is order i's identity. */
export function overlappingBoxes(boxes: ClaimBoxes, keyOf: (order: number) => string): Int32Array {
  // Never two claims of the same order, nor of one key listed twice.
  return boxes.meeting((a, b) => keyOf(a) === keyOf(b));
}

/**
 * The second pass: the claims whose boxes met (`candidates`, from overlappingBoxes) are intersected exactly, a slice
 * of candidates at a time. Before each slice the caller hands over the claims of the orders it needs (`needed`,
 * then `hold`, with the claims as given to boxClaims; a claim no longer there is passed over); each order's shapes
 * are let go after its last candidate, so what is held is the orders still to be compared, not every one that was.
 */
export class PairFinder {
  private readonly minShare: number;
  private readonly minOverlapM2: number;
  private readonly shapes = new Map<number, (ClaimShape | null)[]>();
  /** Each order's last candidate (its index in `candidates`), after which its shapes are let go. */
  private readonly lastUse = new Map<number, number>();
  private readonly tally = new Map<string, PairAccumulator>();

  constructor(
    private readonly candidates: Int32Array,
    private readonly boxes: ClaimBoxes,
    options: DuplicateOptions = {},
  ) {
    this.minShare = options.minShare ?? 0.5;
    this.minOverlapM2 = options.minOverlapM2 ?? 1;
    if (!(this.minShare > 0 && this.minShare <= 1)) throw new RangeError(`The duplicate share must be above 0 and at most 1, not ${this.minShare}.`);
    for (let k = 0; k < this.size; k += 1) {
      this.lastUse.set(boxes.order(candidates[2 * k]!), k);
      this.lastUse.set(boxes.order(candidates[2 * k + 1]!), k);
    }
  }

  /** Candidates in all. */
  get size(): number {
    return this.candidates.length / 2;
  }

  /** The orders candidates `from` to `to` (excluded) compare whose claims are not held. */
  needed(from: number, to: number): number[] {
    const orders = new Set<number>();
    for (let at = 2 * from; at < 2 * Math.min(to, this.size); at += 1) {
      const order = this.boxes.order(this.candidates[at]!);
      if (!this.shapes.has(order)) orders.add(order);
    }
    return [...orders];
  }

  hold(order: number, claims: ClaimsOf): void {
    this.shapes.set(order, claims.map((claim) => ({ name: claim.name, polygons: claimPolygons(claim.geometry) })));
  }

  /** Compares candidates `from` to `to` (excluded); every order they need must be held (an order not held has no claims). */
  compare(from: number, to: number): void {
    const { boxes, candidates } = this;
    for (let k = from; k < Math.min(to, this.size); k += 1) {
      const a = candidates[2 * k]!;
      const b = candidates[2 * k + 1]!;
      const [orderA, orderB] = [boxes.order(a), boxes.order(b)];
      const shapeA = this.shapes.get(orderA)?.[boxes.claim(a)] ?? null;
      const shapeB = this.shapes.get(orderB)?.[boxes.claim(b)] ?? null;
      if (shapeA && shapeB) {
        const lon0 = (Math.min(boxes.minX(a), boxes.minX(b)) + Math.max(boxes.maxX(a), boxes.maxX(b))) / 2;
        const overlap = claimIntersection(lon0, [shapeA, shapeB], this.minOverlapM2);
        if (overlap >= this.minOverlapM2) {
          const id = `${orderA}:${orderB}`;
          const pair = this.tally.get(id) ?? { overlapM2: 0, claims: [] };
          pair.overlapM2 += overlap;
          pair.claims.push({ a: shapeA.name, b: shapeB.name });
          this.tally.set(id, pair);
        }
      }
      for (const order of [orderA, orderB]) if (this.lastUse.get(order) === k) this.shapes.delete(order);
    }
  }

  /** The pairs of orders at or above the share, once every candidate was compared. `areasM2[i]` is order i's claim area. */
  pairs(keyOf: (order: number) => string, areasM2: ArrayLike<number>): DuplicatePair[] {
    const found: DuplicatePair[] = [];
    for (const [id, pair] of this.tally) {
      const [i, j] = id.split(':').map(Number) as [number, number];
      const smaller = Math.min(areasM2[i] ?? 0, areasM2[j] ?? 0);
      if (smaller <= 0) continue;
      const share = Math.min(1, pair.overlapM2 / smaller);
      if (share < this.minShare) continue;
      found.push({ a: keyOf(i), b: keyOf(j), overlapM2: pair.overlapM2, overlapAcres: pair.overlapM2 / ACRE_M2, share, claims: pair.claims });
    }
    return found.sort((x, y) => y.share - x.share || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  }
}

/** Both passes over orders held in memory. */
export function findDuplicateOrders(orders: readonly DuplicateCandidate[], options: DuplicateOptions = {}): DuplicatePair[] {
  const keyOf = (index: number) => orders[index]!.key;
  const boxes = new ClaimBoxes();
  const areas = orders.map((order, index) => boxClaims(index, order.claims, boxes));
  const finder = new PairFinder(overlappingBoxes(boxes, keyOf), boxes, options);
  for (const order of finder.needed(0, finder.size)) finder.hold(order, orders[order]!.claims);
  finder.compare(0, finder.size);
  return finder.pairs(keyOf, areas);
}

/** Each order's possible duplicates, so both orders of a pair show the flag. */
export function duplicatesByOrder(pairs: readonly DuplicatePair[]): Map<string, { other: string; share: number; overlapAcres: number }[]> {
  const byOrder = new Map<string, { other: string; share: number; overlapAcres: number }[]>();
  const add = (key: string, other: string, pair: DuplicatePair): void => {
    const list = byOrder.get(key) ?? [];
    list.push({ other, share: pair.share, overlapAcres: pair.overlapAcres });
    byOrder.set(key, list);
  };
  for (const pair of pairs) {
    add(pair.a, pair.b, pair);
    add(pair.b, pair.a, pair);
  }
  return byOrder;
}
