/**
 * Catches claims whose numbers are not WGS84 longitude/latitude even though they parse: projected
 * coordinates (UTM / State Plane) pasted into a GeoJSON field, and latitude/longitude written in the wrong
 * order. Both are problems, not repairs: turning them into lon/lat needs a CRS (or an axis order) that the
 * order does not state, and a wrong guess would put stakes in the wrong place.
 */
import type { LinearRing } from './geojson.types';

export interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export type RangeVerdict =
  | { kind: 'ok' }
  /** Values in the hundreds of thousands / millions: metres or feet, not degrees. */
  | { kind: 'projected'; sample: readonly [number, number] }
  /** Just outside ±180 / ±90: not metres, but not a valid position either. */
  | { kind: 'out-of-range'; sample: readonly [number, number] }
  | { kind: 'swapped'; sample: readonly [number, number] };

/** Any |value| at or above this is certainly not degrees; UTM eastings start at ~160,000 m. */
const PROJECTED_THRESHOLD = 1000;

/**
 * Swapped axes, judged for US claims only (the product fulfils BLM mining claims). Real US positions have
 * longitude −180…−64 (plus the far Aleutians just west of 180°) and latitude 17…72. Written the wrong way
 * round they read as x in 17…72 and y in −180…−64. As lon/lat that y would be south of 64°S — Antarctica or
 * off the planet — where no mining claim can be, so the extent test below cannot misfire on a real claim.
 * We report it as a problem rather than a warning because a lon/lat swap usually means the polygon came
 * from a tool that was set up wrongly, and the staff member should get the corrected polygon instead of us
 * guessing.
 */
const SWAPPED = { minX: 17, maxX: 72, minY: -180, maxY: -64 } as const;

/** Indexed loops on purpose: this runs for every claim of a sync, and for-of destructuring is ~5× slower. */
export function extentOf(polygons: readonly (readonly LinearRing[])[]): Extent {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let p = 0; p < polygons.length; p++) {
    const rings = polygons[p] as readonly LinearRing[];
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r] as LinearRing;
      for (let i = 0; i < ring.length; i++) {
        const position = ring[i] as [number, number];
        const x = position[0];
        const y = position[1];
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  return { minX, minY, maxX, maxY };
}

const OK: RangeVerdict = { kind: 'ok' };

export function checkCoordinateRange(extent: Extent, sample: readonly [number, number]): RangeVerdict {
  const { minX, minY, maxX, maxY } = extent;
  if (minX >= SWAPPED.minX && maxX <= SWAPPED.maxX && minY >= SWAPPED.minY && maxY <= SWAPPED.maxY) {
    return { kind: 'swapped', sample };
  }
  const inRange = minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90;
  if (inRange) return OK;
  const largest = Math.max(Math.abs(minX), Math.abs(maxX), Math.abs(minY), Math.abs(maxY));
  return largest >= PROJECTED_THRESHOLD ? { kind: 'projected', sample } : { kind: 'out-of-range', sample };
}
