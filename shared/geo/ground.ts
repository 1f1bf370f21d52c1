/**
 * Ground distances and areas: what the law measures (1,500 ft along the lode, 20.66 acres) is on the earth, not on
 * the UTM grid. Distances are geodesics on the GRS80/WGS84 ellipsoid (Karney's algorithm via geographiclib),
 * areas are grid areas corrected by the squared scale factor at the polygon's centroid.
 */
import { Geodesic } from 'geographiclib-geodesic';
import type { Position } from '../geometry/geojson.types';
import { ACRE_M2, FOOT_M, utmConverter, utmScaleFactor, type Utm } from './utm';

const ellipsoid = Geodesic.WGS84;

/** Metres along the ellipsoid between two lon/lat positions. */
export function geodesicDistanceM(a: Position, b: Position): number {
  return ellipsoid.Inverse(a[1], a[0], b[1], b[0]).s12 ?? 0;
}

/** Ground metres between two points given in the job's UTM CRS. */
export function groundDistanceM(epsg: number, a: Utm, b: Utm): number {
  const { toLonLat } = utmConverter(epsg);
  return geodesicDistanceM(toLonLat(a), toLonLat(b));
}

export function groundDistanceFt(epsg: number, a: Utm, b: Utm): number {
  return groundDistanceM(epsg, a, b) / FOOT_M;
}

/** Signed shoelace area in grid square metres: > 0 counter-clockwise, < 0 clockwise (x east, y north). */
export function signedArea(ring: readonly Utm[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    twice += a[0] * b[1] - b[0] * a[1];
  }
  return twice / 2;
}

/** Shoelace area of a ring in grid square metres (open or closed ring; orientation ignored). */
export function gridAreaM2(ring: readonly Utm[]): number {
  return Math.abs(signedArea(ring));
}

export function groundAreaAcres(epsg: number, ring: Utm[]): number {
  const n = ring.length;
  const centroid: Utm = [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
  const k = utmScaleFactor(epsg, centroid);
  return gridAreaM2(ring) / (k * k) / ACRE_M2;
}
