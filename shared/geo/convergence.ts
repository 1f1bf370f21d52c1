/**
 * Meridian convergence: the angle between grid north (UTM) and true north at a point. Compass words on a
 * document ("the NE corner") and true bearings are about the ground, while the layout lives on the UTM grid, so
 * every conversion between the two goes through this one function.
 */
import { utmConverter, type Utm } from './utm';

/**
 * Degrees from true north clockwise to grid north (positive east of the zone's central meridian in the northern
 * hemisphere). Measured by stepping north along the meridian rather than by formula, so its sign cannot disagree
 * with the projection the layout is in.
 */
export function gridConvergenceDeg(epsg: number, utm: Utm): number {
  const { toLonLat, toUtm } = utmConverter(epsg);
  const [lon, lat] = toLonLat(utm);
  const a = toUtm([lon, lat]);
  const b = toUtm([lon, lat + 0.01]);
  return (-Math.atan2(b[0] - a[0], b[1] - a[1]) * 180) / Math.PI;
}

/** A grid azimuth (clockwise from grid north) as a true azimuth at `at`, [0, 360). */
export function gridToTrueDeg(epsg: number, at: Utm, gridDeg: number): number {
  return (((gridDeg + gridConvergenceDeg(epsg, at)) % 360) + 360) % 360;
}

/** A true azimuth as a grid azimuth at `at`, [0, 360). */
export function trueToGridDeg(epsg: number, at: Utm, trueDeg: number): number {
  return (((trueDeg - gridConvergenceDeg(epsg, at)) % 360) + 360) % 360;
}
