/**
 * Snapping placer claims to aliquot parts: each placer becomes the 40-acre quarter-quarter, the 20-acre half of it
 * or the 10-acre quarter of it that holds its centre, following the official subdivision lines (30 U.S.C. 35: a
 * placer on surveyed land conforms to the legal subdivisions). A 20-acre unit takes the half that matches the
 * claim's own shape: long north-south gives the E½ or W½, long east-west the N½ or S½. Claims on a lot, outside
 * the imported PLSS, or lode claims are left as they are, with the reason.
 */
import { openRing } from '../claims/claim-frame';
import { ringBox } from '../claims/polygon-ops';
import type { Utm } from '../geo/utm';
import type { LayoutClaim } from '../layout/layout.types';
import { pointInPolygons, quadCell, quadCorners } from './plss-geometry';
import type { PlssIndex } from './plss-index';

export type AliquotUnit = 10 | 20 | 40;

export interface SnapResult {
  claims: LayoutClaim[];
  snapped: number;
  /** Claims left as they were, with why ("P 3: its centre is on Lot 2"). */
  skipped: string[];
}

function centroid(ring: readonly Utm[]): Utm {
  return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
}

function longNorthSouth(ring: readonly Utm[]): boolean {
  const box = ringBox(ring);
  return box.maxY - box.minY >= box.maxX - box.minX;
}

/** The unit cell (u, v in quarter-quarter fractions) holding the point. */
function unitCell(unit: AliquotUnit, u: number, v: number, northSouth: boolean): [number, number, number, number] {
  if (unit === 40) return [0, 0, 1, 1];
  const east = u >= 0.5 ? 0.5 : 0;
  const north = v >= 0.5 ? 0.5 : 0;
  if (unit === 10) return [east, north, east + 0.5, north + 0.5];
  return northSouth ? [east, 0, east + 0.5, 1] : [0, north, 1, north + 0.5];
}

/** Where a point lies inside a quad, from its mean axes: exact for a parallelogram, and quarter-quarters are near-rectangles. */
function quadFractions(q: ReturnType<typeof quadCorners>, p: Utm): [number, number] {
  const ex: Utm = [(q.SE[0] + q.NE[0] - q.SW[0] - q.NW[0]) / 2, (q.SE[1] + q.NE[1] - q.SW[1] - q.NW[1]) / 2];
  const ny: Utm = [(q.NW[0] + q.NE[0] - q.SW[0] - q.SE[0]) / 2, (q.NW[1] + q.NE[1] - q.SW[1] - q.SE[1]) / 2];
  const d: Utm = [p[0] - q.SW[0], p[1] - q.SW[1]];
  const det = ex[0] * ny[1] - ex[1] * ny[0];
  return [(d[0] * ny[1] - d[1] * ny[0]) / det, (ex[0] * d[1] - ex[1] * d[0]) / det];
}

export function snapPlacersToAliquots(claims: readonly LayoutClaim[], index: PlssIndex, unit: AliquotUnit, ids?: ReadonlySet<string>): SnapResult {
  const skipped: string[] = [];
  let snapped = 0;
  const next = claims.map((claim) => {
    if (ids && !ids.has(claim.id)) return claim;
    if (claim.kind !== 'placer') return claim;
    const ring = openRing(claim.corners);
    const c = centroid(ring);
    const here = index.search({ minX: c[0], minY: c[1], maxX: c[0], maxY: c[1] }).filter((p) => pointInPolygons(c, [p.rings]));
    const lot = here.find((p) => p.part.kind === 'lot');
    if (lot) {
      skipped.push(`${claim.name}: its centre is on ${lot.part.label?.replace(/^L/, 'Lot ') ?? 'a lot'}, which has no aliquot parts`);
      return claim;
    }
    const qq = here.find((p) => p.part.kind === 'aliquot' && (p.part.label?.length ?? 0) === 4);
    if (!qq) {
      skipped.push(`${claim.name}: no quarter-quarter in the imported PLSS under it`);
      return claim;
    }
    const quad = quadCorners(qq.rings[0]!);
    const [u, v] = quadFractions(quad, c);
    const [u0, v0, u1, v1] = unitCell(unit, u, v, longNorthSouth(ring));
    const [sw, se, ne, nw] = quadCell(quad, u0, v0, u1, v1);
    snapped += 1;
    // Clockwise from the south-west, as the layout keeps a claim's corners.
    return { ...claim, corners: [sw!, nw!, ne!, se!] };
  });
  return { claims: next, snapped, skipped };
}
