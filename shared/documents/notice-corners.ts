/**
 * How corners and monuments are named, marked and located in words, shared by the notice (corner descriptions,
 * boundary courses) and the corner cards, so a post's card and the recorded certificate say the same thing.
 * Directions are TRUE bearings measured FROM the corner along each boundary line (IC 47-602 asks the posts to
 * show "the direction of the boundary lines"), each computed from the corner itself rather than reversing the
 * course from the far end, which differs by the meridian convergence (several seconds over 1,500 ft).
 */
import type { MonumentKind } from '../claims/monuments';
import { FOOT_M } from '../geo/utm';
import { formatBearing, formatFeet, formatLatLon, formatUtm, trueCourse } from './bearing-format';
import type { PackageClaim, PackageCorner, PackageModel } from './package-model.types';

export const MONUMENT_NAMES: Readonly<Record<MonumentKind, string>> = {
  discovery: 'Discovery monument',
  location: 'Location monument',
  sideline: 'Side-line centre monument',
  endline: 'End-line centre monument',
};

/** "Corner No. 1" */
export function cornerLabel(number: number): string {
  return `Corner No. ${number}`;
}

/** "Corner No. 1 (SE)" when the corner has a compass position. */
export function cornerTitle(corner: PackageCorner): string {
  return corner.position ? `${cornerLabel(corner.number)} (${corner.position})` : cornerLabel(corner.number);
}

export interface BoundaryLine {
  toCorner: number;
  bearingDeg: number;
  distanceFt: number;
}

/** The two boundary lines leaving corner `number`: to the next corner, then to the previous one. */
export function boundaryLinesAt(claim: PackageClaim, number: number): BoundaryLine[] {
  const corners = claim.corners;
  const index = corners.findIndex((c) => c.number === number);
  if (index < 0 || corners.length < 2) return [];
  const here = corners[index]!;
  const next = corners[(index + 1) % corners.length]!;
  const previous = corners[(index - 1 + corners.length) % corners.length]!;
  const others = next === previous ? [next] : [next, previous];
  return others.map((other) => {
    const { bearingDeg, distanceM } = trueCourse(here.lonLat, other.lonLat);
    return { toCorner: other.number, bearingDeg, distanceFt: distanceM / FOOT_M };
  });
}

/** "N 14°58'03" E to Corner No. 3 and S 75°01'50" E to Corner No. 1". */
export function boundaryLinesText(claim: PackageClaim, number: number): string {
  return boundaryLinesAt(claim, number)
    .map((line) => `${formatBearing(line.bearingDeg)} to ${cornerLabel(line.toCorner)}`)
    .join(' and ');
}

/** What is written on a post for one claim: "LUCKY STRIKE 1 — Corner No. 2". */
export function markingText(claimName: string, designation: string): string {
  return `${claimName} — ${designation.replace(/^Corner (\d+)$/, 'Corner No. $1')}`;
}

/** The other claims' markings on the same physical post (a common corner), for "also marked …". */
export function otherMarkings(model: PackageModel, postId: string, claimName: string): string[] {
  const post = model.posts.find((p) => p.id === postId);
  if (!post) return [];
  return post.markings.filter((m) => m.claim !== claimName).map((m) => markingText(m.claim, m.designation));
}

/** "UTM 11N E 495802.79 m, N 4449468.09 m; 40.1955968°, -117.0493119°". */
export function locationText(model: PackageModel, utm: readonly [number, number], lonLat: readonly [number, number]): string {
  const { easting, northing } = formatUtm(utm);
  const { latitude, longitude } = formatLatLon([lonLat[0], lonLat[1]]);
  return `UTM ${model.utmZone}N E ${easting} m, N ${northing} m; lat ${latitude}°, lon ${longitude}°`;
}

/** "NAD83 / UTM zone 11N (EPSG:26911)". */
export function crsText(model: PackageModel): string {
  return `NAD83 / UTM zone ${model.utmZone}N (EPSG:${model.epsg})`;
}

/** The corner where an Idaho / New Mexico location monument (and the notice) stands, or null. */
export function locationMonumentCorner(claim: PackageClaim): PackageCorner | null {
  const lm = claim.monuments.find((m) => m.kind === 'location');
  if (!lm) return null;
  return claim.corners.find((c) => c.postId === lm.postId) ?? null;
}

/** Distance in words, e.g. "1,474.99 ft N 14°58'03" E". */
export function courseText(bearingDeg: number, distanceFt: number): string {
  return `${formatBearing(bearingDeg)}, ${formatFeet(distanceFt)}`;
}
