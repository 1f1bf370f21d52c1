/**
 * A claim's ground length, width and acres for the layout table. Measuring projects every corner, which at a few
 * thousand claims is most of an edit's cost; claims are immutable (an edit makes new objects only for the claims it
 * changes), so each is measured once per CRS and kept as long as the claim object lives.
 */
import { claimFrame } from '../../../../../shared/claims/claim-frame';
import { groundAreaAcres, groundDistanceFt } from '../../../../../shared/geo/ground';
import type { LayoutClaim } from '../../../../../shared/layout/layout.types';

export type MeasuredClaim = { claim: LayoutClaim; lengthFt: number | null; widthFt: number | null; acres: number };

const cache = new WeakMap<LayoutClaim, { epsg: number; measured: MeasuredClaim }>();

function measure(claim: LayoutClaim, epsg: number): MeasuredClaim {
  const acres = groundAreaAcres(epsg, claim.corners);
  const frame = claimFrame(claim);
  if (!frame) return { claim, lengthFt: null, widthFt: null, acres };
  const { startLeft, endLeft, endRight, startRight } = frame.corners;
  const d = (a: typeof startLeft, b: typeof startLeft) => groundDistanceFt(epsg, a, b);
  return {
    claim,
    lengthFt: (d(startLeft, endLeft) + d(startRight, endRight)) / 2,
    widthFt: (d(startLeft, startRight) + d(endLeft, endRight)) / 2,
    acres,
  };
}

export function measureClaim(claim: LayoutClaim, epsg: number): MeasuredClaim {
  const hit = cache.get(claim);
  if (hit && hit.epsg === epsg) return hit.measured;
  const measured = measure(claim, epsg);
  cache.set(claim, { epsg, measured });
  return measured;
}
