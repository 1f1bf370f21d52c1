/**
 * "Fit to area": the smallest rows × cols grid at the chosen azimuth whose block covers the extent of the
 * order's polygons (measured in the rotated frame, in ground feet), centred on that extent, keeping only the
 * claims that overlap the polygons, numbered in row order from firstNumber.
 */
import { utmScaleFactor, type Utm } from '../geo/utm';
import { generateGrid } from './grid';
import type { ClaimKind, GridParams, LayoutClaim } from './layout.types';
import { axesFor, CLAIM_SIZE_FT, centroidOf, claimName, effectiveAzimuthDeg, ftToM } from './layout-util';
import { overlapsArea } from './polygon-touch';

export interface FitBase {
  kind: ClaimKind;
  azimuthDeg: number;
  prefix: string;
  firstNumber: number;
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

export function fitGridToArea(
  areaRings: readonly (readonly Utm[])[],
  base: FitBase,
  epsg: number,
): { params: GridParams; claims: LayoutClaim[] } {
  const points = areaRings.flat();
  if (points.length < 3) throw new RangeError('Fit to area needs at least one polygon.');
  const azimuthDeg = effectiveAzimuthDeg(base.kind, base.azimuthDeg);
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
  const size = CLAIM_SIZE_FT[base.kind];
  const rows = countFor((aMax - aMin) / k, ftToM(size.lengthFt), 'rows');
  const cols = countFor((cMax - cMin) / k, ftToM(size.widthFt), 'columns');
  const midA = (aMin + aMax) / 2;
  const midC = (cMin + cMax) / 2;
  const anchor: Utm = [origin[0] + midA * along[0] + midC * right[0], origin[1] + midA * along[1] + midC * right[1]];
  const params: GridParams = {
    kind: base.kind,
    rows,
    cols,
    azimuthDeg,
    prefix: base.prefix,
    firstNumber: base.firstNumber,
    anchorMode: 'center',
    anchor,
  };
  const touches = overlapsArea(areaRings);
  const claims = generateGrid(params, epsg)
    .filter((claim) => touches(claim.corners))
    .map((claim, i) => ({ ...claim, name: claimName(base.prefix, base.firstNumber + i) }));
  return { params, claims };
}
