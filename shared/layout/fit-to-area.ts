/**
 * "Fit to area": the smallest rows × cols grid whose block covers the extent of the order's polygons (measured in
 * the grid's frame, in ground feet), centred on that extent, keeping only the claims that overlap the polygons,
 * numbered in row order from firstNumber. The grid runs along the order's own long axis unless an azimuth is
 * given (a customer who drew six claims running 150° bought six claims running 150°, not a north-aligned
 * staircase), and it never lays out more claims than the order purchased without saying so.
 */
import { utmScaleFactor, type Utm } from '../geo/utm';
import { generateGrid } from './grid';
import type { ClaimKind, GridParams, LayoutClaim } from './layout.types';
import { axesFor, centroidOf, claimName, claimSizeFt, effectiveAzimuthDeg, ftToM } from './layout-util';
import { intersectionAreaM2 } from '../claims/polygon-ops';
import { longAxisDeg } from './grid-axis';
import { overlapsArea } from './polygon-touch';

export interface FitBase {
  kind: ClaimKind;
  /** Grid azimuth; omitted = the long axis of the order's own polygons (0 when they have none). */
  azimuthDeg?: number;
  prefix: string;
  firstNumber: number;
  /**
   * The claims purchased. When the area touches more claim positions than this, the positions holding most of the
   * order's area are kept (in row order) and the result's note says how many were left out and why.
   */
  maxClaims?: number;
  /** GridParams.marginFt and placerNorth: the fitted grid keeps them. */
  marginFt?: number;
  placerNorth?: 'grid' | 'true';
}

export interface FitResult {
  params: GridParams;
  claims: LayoutClaim[];
  /** Said to staff whenever the fit had to decide something they did not ask for; null when it did not. */
  note: string | null;
}

/**
 * Relative slack before another row or column is added. Customers often draw claims 1,500 GRID ft long,
 * which is up to 0.04 % long on the ground (UTM scale factor); such a block should refit to the same count
 * rather than gain a row of claims to cover a few inches.
 */
export const FIT_SLACK = 5e-4;
const MAX_COUNT = 100; // gridParamsSchema's limit

function countFor(extentGroundM: number, sizeM: number, label: string): number {
  const count = Math.max(1, Math.ceil((extentGroundM * (1 - FIT_SLACK)) / sizeM - 1e-9));
  if (count > MAX_COUNT) throw new RangeError(`The area needs ${count} ${label} of claims; the grid tool allows ${MAX_COUNT}.`);
  return count;
}

/** The grid azimuth a fit (and the grid form's default) uses when none is given: the order's long axis, 0..180°. */
export function orderAzimuthDeg(areaRings: readonly (readonly Utm[])[]): number {
  return longAxisDeg(areaRings) ?? 0;
}

export function fitGridToArea(areaRings: readonly (readonly Utm[])[], base: FitBase, epsg: number): FitResult {
  const points = areaRings.flat();
  if (points.length < 3) throw new RangeError('Fit to area needs at least one polygon.');
  const marginFt = base.marginFt ?? 0;
  const placerNorth = base.placerNorth ?? 'grid';
  const azimuthDeg = effectiveAzimuthDeg({ kind: base.kind, azimuthDeg: base.azimuthDeg ?? orderAzimuthDeg(areaRings), placerNorth, anchor: centroidOf(points) }, epsg);
  const { along, right } = axesFor(azimuthDeg);
  // Project relative to the centroid: full UTM coordinates would cost digits in the products.
  const origin = centroidOf(points);
  let aMin = Infinity;
  let aMax = -Infinity;
  let cMin = Infinity;
  let cMax = -Infinity;
  for (const p of points) {
    const dx = p[0] - origin[0];
    const dy = p[1] - origin[1];
    const a = dx * along[0] + dy * along[1];
    const c = dx * right[0] + dy * right[1];
    aMin = Math.min(aMin, a);
    aMax = Math.max(aMax, a);
    cMin = Math.min(cMin, c);
    cMax = Math.max(cMax, c);
  }
  const k = utmScaleFactor(epsg, origin);
  const size = claimSizeFt(base.kind, marginFt);
  const rows = countFor((aMax - aMin) / k, ftToM(size.lengthFt), 'rows');
  const cols = countFor((cMax - cMin) / k, ftToM(size.widthFt), 'columns');
  const midA = (aMin + aMax) / 2;
  const midC = (cMin + cMax) / 2;
  const anchor: Utm = [origin[0] + midA * along[0] + midC * right[0], origin[1] + midA * along[1] + midC * right[1]];
  const params: GridParams = {
    kind: base.kind,
    rows,
    cols,
    // A placer's direction comes from placerNorth (effectiveAzimuthDeg), not from the stored azimuth.
    azimuthDeg: base.kind === 'placer' ? 0 : azimuthDeg,
    prefix: base.prefix,
    firstNumber: base.firstNumber,
    anchorMode: 'center',
    anchor,
    marginFt,
    placerNorth,
  };
  const touches = overlapsArea(areaRings);
  const touching = generateGrid(params, epsg).filter((claim) => touches(claim.corners));
  const { kept, note } = capToPurchased(touching, areaRings, base.maxClaims);
  const claims = kept.map((claim, i) => ({ ...claim, name: claimName(base.prefix, base.firstNumber + i) }));
  return { params, claims, note };
}

/** Keeps the `max` claims that cover most of the order's area, in their row order. */
function capToPurchased(
  claims: LayoutClaim[],
  areaRings: readonly (readonly Utm[])[],
  max: number | undefined,
): { kept: LayoutClaim[]; note: string | null } {
  if (max === undefined || max < 1 || claims.length <= max) return { kept: claims, note: null };
  const share = claims.map((claim, index) => ({
    index,
    covered: areaRings.reduce((sum, ring) => sum + intersectionAreaM2(claim.corners, ring), 0),
  }));
  const keep = new Set(
    share
      .sort((a, b) => b.covered - a.covered || a.index - b.index)
      .slice(0, max)
      .map((entry) => entry.index),
  );
  const dropped = claims.length - max;
  const note =
    `The order's area touches ${claims.length} claim positions at this orientation, but ${max} claim${max === 1 ? ' was' : 's were'} purchased: ` +
    `the ${max} covering most of the order's area were kept and ${dropped} left out. Check them against the order before moving on.`;
  return { kept: claims.filter((_, index) => keep.has(index)), note };
}
