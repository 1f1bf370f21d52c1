/**
 * Possible duplicate purchases: two orders whose claims cover much of the same ground. The overlap
 * share of a pair is the area their claims have in common divided by the claim area of the smaller order;
 * pairs at or above `minShare` (default 0.5) are reported, and flagged on both orders by the caller.
 *
 * How, for 10,000 orders: one R-tree (rbush) over every claim's lon/lat bounding box, so only claims whose boxes
 * meet are ever compared; each such pair of claims from different orders is intersected exactly (convex claims
 * by clipping, others by turf: shared/claims/polygon-ops.ts intersectionAreaM2) and the areas are summed per
 * pair of orders. It runs in two passes so that a caller reading the cache need not hold every order's geometry:
 * boxClaims keeps a box per claim and an area per order, and sharePairs reads the geometry of only the orders
 * whose boxes met (at 10,000 orders × 8 claims, holding them all took some 150 MB of heap).
 *
 * Areas are measured in a sinusoidal projection centred between the two claims rather than in UTM: it is
 * equal-area on the sphere, so the share (a ratio of areas in one projection) is right to well under 0.1 %
 * for claim-sized polygons; it needs no zone, so orders either side of a UTM zone boundary compare like any
 * others; and it is a multiplication per vertex, not a proj4 call. Claims of one order are assumed not to
 * overlap each other (validation reports that separately); the share is capped at 1 in case they do. Holes
 * are subtracted. Claims touching only along an edge or at a corner share no area and are never reported.
 */
import RBush from 'rbush';
import { intersectionAreaM2 } from '../claims/polygon-ops';
import { gridAreaM2 } from '../geo/ground';
import { ACRE_M2, type Utm } from '../geo/utm';
import type { ClaimGeometry, Position } from '../geometry/geojson.types';

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

/** One claim's bounding box (lon/lat), the order it belongs to (its place in the list) and its place among that order's claims. */
export interface ClaimBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  order: number;
  claim: number;
}

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

function claimIntersection(boxes: [ClaimBox, ClaimBox], shapes: [ClaimShape, ClaimShape], ignoreBelowM2: number): number {
  const lon0 = (Math.min(boxes[0].minX, boxes[1].minX) + Math.max(boxes[0].maxX, boxes[1].maxX)) / 2;
  let total = 0;
  for (const p of shapes[0].polygons) for (const q of shapes[1].polygons) total += polygonIntersection(p, q, lon0, ignoreBelowM2);
  return total;
}

function boxOf(polygons: readonly LonLatPolygon[]): Pick<ClaimBox, 'minX' | 'minY' | 'maxX' | 'maxY'> {
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
 * The first pass over the orders, one order at a time: each claim's box and the order's claim area. Nothing of the
 * geometry is kept, so a caller reading orders from the cache holds boxes, not claims (see sharePairs).
 */
export function boxClaims(order: number, claims: ClaimsOf): { boxes: ClaimBox[]; areaM2: number } {
  const boxes: ClaimBox[] = [];
  let areaM2 = 0;
  claims.forEach((claim, index) => {
    const polygons = claimPolygons(claim.geometry);
    if (polygons.length === 0) return;
    const { minX, minY, maxX, maxY } = boxOf(polygons);
    // A literal of one fixed shape: built by spreading, 80,000 boxes held some 20 MB more (measured).
    const box: ClaimBox = { minX, minY, maxX, maxY, order, claim: index };
    const lon0 = (box.minX + box.maxX) / 2;
    areaM2 += polygons.reduce((sum, p) => sum + polygonArea(p, lon0), 0);
    boxes.push(box);
  });
  return { boxes, areaM2 };
}

/** Claims of different orders whose boxes meet, each pair once, the earlier order's claim first. `keys[i]` is order i's identity. */
export function overlappingBoxes(boxes: ClaimBox[], keys: readonly string[]): [ClaimBox, ClaimBox][] {
  const tree = new RBush<ClaimBox>();
  tree.load(boxes);
  const found: [ClaimBox, ClaimBox][] = [];
  for (const box of boxes) {
    for (const hit of tree.search(box)) {
      // Each pair of claims once, and never two claims of the same order (or of the same key listed twice).
      if (hit.order <= box.order || keys[hit.order] === keys[box.order]) continue;
      found.push([box, hit]);
    }
  }
  return found;
}

/**
 * The second pass: the claims whose boxes meet are intersected exactly, with the geometry of only the orders they
 * belong to (`claimsOf(order)`, as given to boxClaims; a claim no longer there is passed over), and the pairs of
 * orders at or above the share are answered. `areasM2[i]` is order i's claim area.
 */
export function sharePairs(
  overlaps: readonly [ClaimBox, ClaimBox][],
  claimsOf: (order: number) => ClaimsOf,
  keys: readonly string[],
  areasM2: readonly number[],
  options: DuplicateOptions = {},
): DuplicatePair[] {
  const minShare = options.minShare ?? 0.5;
  const minOverlapM2 = options.minOverlapM2 ?? 1;
  if (!(minShare > 0 && minShare <= 1)) throw new RangeError(`The duplicate share must be above 0 and at most 1, not ${minShare}.`);
  const shapes = new Map<number, (ClaimShape | null)[]>();
  const shapeOf = (box: ClaimBox): ClaimShape | null => {
    let ofOrder = shapes.get(box.order);
    if (!ofOrder) {
      ofOrder = claimsOf(box.order).map((claim) => ({ name: claim.name, polygons: claimPolygons(claim.geometry) }));
      shapes.set(box.order, ofOrder);
    }
    return ofOrder[box.claim] ?? null;
  };
  const pairs = new Map<string, PairAccumulator>();
  for (const [a, b] of overlaps) {
    const shapeA = shapeOf(a);
    const shapeB = shapeOf(b);
    if (!shapeA || !shapeB) continue;
    const overlap = claimIntersection([a, b], [shapeA, shapeB], minOverlapM2);
    if (overlap < minOverlapM2) continue;
    const id = `${a.order}:${b.order}`;
    const pair = pairs.get(id) ?? { overlapM2: 0, claims: [] };
    pair.overlapM2 += overlap;
    pair.claims.push({ a: shapeA.name, b: shapeB.name });
    pairs.set(id, pair);
  }

  const found: DuplicatePair[] = [];
  for (const [id, pair] of pairs) {
    const [i, j] = id.split(':').map(Number) as [number, number];
    const smaller = Math.min(areasM2[i] ?? 0, areasM2[j] ?? 0);
    if (smaller <= 0) continue;
    const share = Math.min(1, pair.overlapM2 / smaller);
    if (share < minShare) continue;
    found.push({
      a: keys[i]!,
      b: keys[j]!,
      overlapM2: pair.overlapM2,
      overlapAcres: pair.overlapM2 / ACRE_M2,
      share,
      claims: pair.claims,
    });
  }
  return found.sort((x, y) => y.share - x.share || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

/** Both passes over orders held in memory. */
export function findDuplicateOrders(orders: readonly DuplicateCandidate[], options: DuplicateOptions = {}): DuplicatePair[] {
  const keys = orders.map((order) => order.key);
  const areas: number[] = [];
  const boxes: ClaimBox[] = [];
  orders.forEach((order, index) => {
    const boxed = boxClaims(index, order.claims);
    areas.push(boxed.areaM2);
    for (const box of boxed.boxes) boxes.push(box);
  });
  return sharePairs(overlappingBoxes(boxes, keys), (index) => orders[index]?.claims ?? [], keys, areas, options);
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
