/**
 * Independent measures for the layout tests: everything is measured on the produced polygons with geodesics
 * (geographiclib via ground.ts) and proj4, never from the generator's own constants or frame.
 */
import { Geodesic } from 'geographiclib-geodesic';
import { groundDistanceFt } from '../../shared/geo/ground';
import { utmConverter, type Utm } from '../../shared/geo/utm';

export const EPSG_NV = 26911; // zone 11, CM −117°
export const epsgForZone = (zone: number): number => 26900 + zone;

export function utmAt(epsg: number, lon: number, lat: number): Utm {
  return utmConverter(epsg).toUtm([lon, lat]);
}

/** Side lengths of a ring in ground feet, side i running corner i → corner i+1. */
export function sidesFt(epsg: number, corners: Utm[]): number[] {
  return corners.map((p, i) => groundDistanceFt(epsg, p, corners[(i + 1) % corners.length]!));
}

/** Geodesic (true) azimuth from a to b, degrees in [0, 360). */
export function trueAzimuthDeg(epsg: number, a: Utm, b: Utm): number {
  const { toLonLat } = utmConverter(epsg);
  const [lon1, lat1] = toLonLat(a);
  const [lon2, lat2] = toLonLat(b);
  const azi = Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2).azi1 ?? Number.NaN;
  return ((azi % 360) + 360) % 360;
}

/** Grid bearing of true north at a point (meridian convergence), from proj4 alone. */
export function gridBearingOfTrueNorthDeg(epsg: number, at: Utm): number {
  const { toLonLat, toUtm } = utmConverter(epsg);
  const [lon, lat] = toLonLat(at);
  const s = toUtm([lon, lat - 1e-4]);
  const n = toUtm([lon, lat + 1e-4]);
  return (Math.atan2(n[0] - s[0], n[1] - s[1]) * 180) / Math.PI;
}

/** Grid azimuth of a→b as seen on the ground: the geodesic azimuth converted to grid north. */
export function groundGridAzimuthDeg(epsg: number, a: Utm, b: Utm): number {
  const deg = trueAzimuthDeg(epsg, a, b) + gridBearingOfTrueNorthDeg(epsg, a);
  return ((deg % 360) + 360) % 360;
}

/** Smallest difference between two angles, degrees. */
export function angleDiff(a: number, b: number): number {
  const d = (((a - b) % 360) + 540) % 360 - 180;
  return Math.abs(d);
}

/** Interior angle at corner i of a ring, from geodesic azimuths (degrees). */
export function cornerAngleDeg(epsg: number, corners: Utm[], i: number): number {
  const n = corners.length;
  const p = corners[i]!;
  const next = corners[(i + 1) % n]!;
  const prev = corners[(i + n - 1) % n]!;
  return angleDiff(trueAzimuthDeg(epsg, p, next), trueAzimuthDeg(epsg, p, prev));
}

export function signedAreaM2(ring: Utm[]): number {
  let twice = 0;
  ring.forEach((a, i) => {
    const b = ring[(i + 1) % ring.length]!;
    twice += a[0] * b[1] - b[0] * a[1];
  });
  return twice / 2;
}

export function pointInRing(p: Utm, ring: Utm[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
