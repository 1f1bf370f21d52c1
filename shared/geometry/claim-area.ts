/**
 * Claim area in acres, and whether it is plausible for a mining claim.
 *
 * Area comes from turf's `area` (geodesic on a sphere of radius 6,371,008.8 m). For claim-sized polygons it
 * is within ~0.2 % of the ellipsoidal area — ample for "does this look like a claim", and the legal acreage
 * is computed by the server when documents are generated.
 */
import { area } from '@turf/turf';
import type { ClaimGeometry } from './geojson.types';

/** International acre (the US survey acre differs by 4 ppm, irrelevant here). */
export const SQUARE_METRES_PER_ACRE = 4046.8564224;

/**
 * Plausible claim sizes. The largest claim a customer can buy is an association placer of 160 acres
 * (43 CFR 3832.22); a full lode claim is 20.66 acres and a mill site at most 5. Beyond 200 acres the
 * polygon is almost certainly a whole project outline or a unit mix-up. Below half an acre it is a sliver
 * or a digitising slip (a fractional lode claim that small is possible but rare enough to ask about).
 */
export const MAX_PLAUSIBLE_ACRES = 200;
export const MIN_PLAUSIBLE_ACRES = 0.5;

export function claimAreaAcres(geometry: ClaimGeometry): number {
  return area(geometry) / SQUARE_METRES_PER_ACRE;
}

export type AreaVerdict = 'ok' | 'large' | 'tiny';

export function judgeClaimArea(acres: number): AreaVerdict {
  if (acres > MAX_PLAUSIBLE_ACRES) return 'large';
  if (acres < MIN_PLAUSIBLE_ACRES) return 'tiny';
  return 'ok';
}

/** "20.66", "0.012", "1,280.0": enough digits to be meaningful at any size. */
export function formatAcres(acres: number): string {
  if (acres >= 100) return acres.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  if (acres >= 1) return acres.toFixed(2);
  return acres.toPrecision(2);
}
