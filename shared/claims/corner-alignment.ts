/**
 * Corners of neighbouring claims that nearly, but not exactly, meet leave slivers or overlaps on the map and
 * make two posts where staff will set one. The peer clusters within 1.0 "layer unit" (a degree on a lon/lat
 * layer) and compares all pairs (the GeoDB QGIS plugin's "align corners" step); here every distance is in grid METRES
 * of the job's UTM CRS and neighbours come from R-trees (claims for near misses, corners for clustering), so
 * 1,000 claims (4,000 corners) take milliseconds.
 */
import RBush from 'rbush';
import type { Utm } from '../geo/utm';
import type { LayoutClaim } from '../layout/layout.types';
import { openRing } from './claim-frame';
import { candidatePairs, ringBox } from './polygon-ops';

interface CornerItem {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  claim: number;
  vertex: number;
}

function cornerTree(rings: Utm[][]): { tree: RBush<CornerItem>; items: CornerItem[] } {
  const items: CornerItem[] = [];
  rings.forEach((ring, claim) => {
    ring.forEach(([x, y], vertex) => items.push({ minX: x, minY: y, maxX: x, maxY: y, claim, vertex }));
  });
  const tree = new RBush<CornerItem>();
  tree.load(items);
  return { tree, items };
}

/** One reused query box: a fresh object per corner showed up in profiles of 4,000-corner layouts. */
const query = { minX: 0, minY: 0, maxX: 0, maxY: 0 };
function around(item: CornerItem, r: number): typeof query {
  query.minX = item.minX - r;
  query.minY = item.minY - r;
  query.maxX = item.maxX + r;
  query.maxY = item.maxY + r;
  return query;
}

export interface NearMissCorner {
  claimIdA: string;
  claimA: string;
  claimIdB: string;
  claimB: string;
  a: Utm;
  b: Utm;
  distanceM: number;
}

/**
 * Pairs of corners on different claims whose grid distance is in [minM, maxM]. Closer than minM (default 1 cm)
 * counts as meeting (rounding noise after reprojection); farther than maxM (default 2 m) is a deliberate gap.
 */
export function findNearMissCorners(claims: LayoutClaim[], options: { minM?: number; maxM?: number } = {}): NearMissCorner[] {
  const maxM = options.maxM ?? 2;
  const rings = claims.map((claim) => openRing(claim.corners));
  return nearMissesAmong(claims, rings, candidatePairs(rings.map(ringBox), maxM), options);
}

/** The same search over claim pairs already known to lie within maxM of each other (validateLayout's R-tree pass). */
export function nearMissesAmong(
  claims: LayoutClaim[],
  rings: Utm[][],
  pairs: [number, number][],
  options: { minM?: number; maxM?: number } = {},
): NearMissCorner[] {
  const minM = options.minM ?? 0.01;
  const maxM = options.maxM ?? 2;
  const found: NearMissCorner[] = [];
  for (const [i, j] of pairs) {
    for (const p of rings[i]!) {
      for (const q of rings[j]!) {
        const dx = q[0] - p[0];
        const dy = q[1] - p[1];
        if (Math.abs(dx) > maxM || Math.abs(dy) > maxM) continue;
        const distanceM = Math.hypot(dx, dy);
        if (distanceM < minM || distanceM > maxM) continue;
        const a = claims[i]!;
        const b = claims[j]!;
        found.push({ claimIdA: a.id, claimA: a.name, claimIdB: b.id, claimB: b.name, a: p, b: q, distanceM });
      }
    }
  }
  return found;
}

export interface AlignResult {
  claims: LayoutClaim[];
  clustersMerged: number;
  cornersMoved: number;
  maxShiftM: number;
}

/**
 * Snaps every cluster of corners (different claims, chained within `toleranceM` grid metres) to its centroid,
 * so shared corners become bit-identical. Clusters already identical are left alone; a cluster that would
 * hold two corners of the same claim is skipped (the tolerance is larger than that claim's side).
 * Unchanged claims are returned as the same objects.
 */
export function alignCorners(claims: LayoutClaim[], toleranceM: number): AlignResult {
  const rings = claims.map((claim) => openRing(claim.corners));
  const { tree, items } = cornerTree(rings);
  const parent = items.map((_, index) => index);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const indexOf = new Map<CornerItem, number>(items.map((item, index) => [item, index]));
  for (const [i, p] of items.entries()) {
    for (const q of tree.search(around(p, toleranceM))) {
      if (q.claim === p.claim || Math.hypot(q.minX - p.minX, q.minY - p.minY) > toleranceM) continue;
      const a = find(i);
      const b = find(indexOf.get(q)!);
      if (a !== b) parent[a] = b;
    }
  }
  const clusters = new Map<number, CornerItem[]>();
  for (const [i, item] of items.entries()) {
    const root = find(i);
    clusters.set(root, [...(clusters.get(root) ?? []), item]);
  }

  const moved = new Map<number, Utm[]>();
  let clustersMerged = 0;
  let cornersMoved = 0;
  let maxShiftM = 0;
  for (const members of clusters.values()) {
    if (members.length < 2) continue;
    const first = members[0]!;
    if (members.every((m) => m.minX === first.minX && m.minY === first.minY)) continue;
    if (new Set(members.map((m) => m.claim)).size !== members.length) continue;
    const target: Utm = [
      members.reduce((s, m) => s + m.minX, 0) / members.length,
      members.reduce((s, m) => s + m.minY, 0) / members.length,
    ];
    clustersMerged += 1;
    for (const m of members) {
      const shift = Math.hypot(target[0] - m.minX, target[1] - m.minY);
      if (shift === 0) continue;
      cornersMoved += 1;
      maxShiftM = Math.max(maxShiftM, shift);
      const ring = moved.get(m.claim) ?? [...rings[m.claim]!];
      ring[m.vertex] = [target[0], target[1]];
      moved.set(m.claim, ring);
    }
  }
  const aligned = claims.map((claim, index) => {
    const ring = moved.get(index);
    return ring ? { ...claim, corners: ring } : claim;
  });
  return { claims: aligned, clustersMerged, cornersMoved, maxShiftM };
}
