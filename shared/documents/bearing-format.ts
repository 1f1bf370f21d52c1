/**
 * How documents print directions and lengths. Surveyors' quadrant bearings ("N 12°34'56" E"), never
 * "northerly" (Mineral Survey Procedures Guide); feet with thousands separators and two
 * decimals; coordinates with enough digits to find a post (UTM to 0.01 m, lon/lat to 1e-7°, about 1 cm).
 */
import { Geodesic } from 'geographiclib-geodesic';
import type { Position } from '../geometry/geojson.types';

const ellipsoid = Geodesic.WGS84;

/** True (geodetic) bearing and ground distance between two lon/lat positions on the ellipsoid. */
export function trueCourse(a: Position, b: Position): { bearingDeg: number; distanceM: number } {
  const result = ellipsoid.Inverse(a[1], a[0], b[1], b[0]);
  const azi = result.azi1 ?? 0;
  return { bearingDeg: ((azi % 360) + 360) % 360, distanceM: result.s12 ?? 0 };
}

/** Quadrant bearing to the second: 0 → "N 0°00'00\" E", 100.5 → "S 79°30'00\" E", 270 → "N 90°00'00\" W". */
export function formatBearing(bearingDeg: number): string {
  const deg = ((bearingDeg % 360) + 360) % 360;
  let ns: 'N' | 'S';
  let ew: 'E' | 'W';
  let angle: number;
  if (deg <= 90) [ns, ew, angle] = ['N', 'E', deg];
  else if (deg <= 180) [ns, ew, angle] = ['S', 'E', 180 - deg];
  else if (deg < 270) [ns, ew, angle] = ['S', 'W', deg - 180]; // due west reads N 90° W, as the peer prints it
  else [ns, ew, angle] = ['N', 'W', 360 - deg];
  let totalSeconds = Math.round(angle * 3600);
  if (totalSeconds > 90 * 3600) totalSeconds = 90 * 3600;
  const d = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return `${ns} ${d}°${String(m).padStart(2, '0')}'${String(s).padStart(2, '0')}" ${ew}`;
}

/**
 * A general course in words for a notice, in the centerline's own direction rounded to the degree: 12.3 →
 * "N 12° E", 92.03 → "S 88° E" (never the reverse "N 88° W", which would contradict the centerline bearing printed
 * beside it); within half a degree of a cardinal direction, "due north" and so on.
 */
export function generalCourse(bearingDeg: number): string {
  const deg = ((bearingDeg % 360) + 360) % 360;
  const names: [number, string][] = [[0, 'due north'], [90, 'due east'], [180, 'due south'], [270, 'due west'], [360, 'due north']];
  for (const [at, name] of names) if (Math.abs(deg - at) < 0.5) return name;
  const ns = deg < 90 || deg > 270 ? 'N' : 'S';
  const ew = deg < 180 ? 'E' : 'W';
  const angle = ns === 'N' ? (deg < 90 ? deg : 360 - deg) : Math.abs(180 - deg);
  return `${ns} ${Math.round(angle)}° ${ew}`;
}

const feetFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const acreFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const metreFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });

export function formatFeet(ft: number): string {
  return `${feetFormat.format(ft)} ft`;
}

export function formatAcres(acres: number): string {
  return `${acreFormat.format(acres)} acres`;
}

export function formatUtm(utm: readonly [number, number]): { easting: string; northing: string } {
  return { easting: metreFormat.format(utm[0]), northing: metreFormat.format(utm[1]) };
}

export function formatLatLon(lonLat: Position): { latitude: string; longitude: string } {
  return { latitude: lonLat[1].toFixed(7), longitude: lonLat[0].toFixed(7) };
}

/** 39.1234567 → 39°07'24.44" N (for people reading a notice; files carry decimal degrees). */
export function formatDms(value: number, axis: 'lat' | 'lon'): string {
  const hemisphere = axis === 'lat' ? (value >= 0 ? 'N' : 'S') : value >= 0 ? 'E' : 'W';
  let hundredths = Math.round(Math.abs(value) * 360_000);
  const d = Math.floor(hundredths / 360_000);
  hundredths -= d * 360_000;
  const m = Math.floor(hundredths / 6000);
  const s = (hundredths - m * 6000) / 100;
  return `${d}°${String(m).padStart(2, '0')}'${s.toFixed(2).padStart(5, '0')}" ${hemisphere}`;
}
