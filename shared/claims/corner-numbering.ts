/**
 * Corner numbers and the compass word printed beside each ("Corner No. 1 (NE)"). Both come from where the corner
 * actually is on the ground, never from the claim's own frame: NRS 517.050(1)(f) asks for the location and
 * description of each corner, and a recorder or a staker reads "NE" as the corner lying north-east of the claim's
 * centre. Alaska fixes 1 = NE, 2 = SE, 3 = SW, 4 = NW (AS 27.10.030(1) posts the lode notice at the NE corner;
 * DNR numbers state-land corners the same way), so there Corner 1 is the corner truly north-east of the centre.
 *
 * BLM's Mineral Survey Procedures Guide only asks that corner numbers be consecutive; numbering runs clockwise,
 * seen from above, from the corner the job (or the state) names as Corner 1.
 */
import { gridToTrueDeg } from '../geo/convergence';
import type { Utm } from '../geo/utm';
import type { CornerPosition, MonumentSettings } from '../layout/layout.types';
import type { ClaimFrame } from './claim-frame';
import type { StateRule } from './state-rules';

export type CornerNumber = 1 | 2 | 3 | 4;

/** Eight compass points: four-corner claims use the quadrant words, a claim turned near 45° the cardinal ones. */
export const COMPASS_POINTS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
export type CompassPoint = (typeof COMPASS_POINTS)[number];

/** The true bearing a compass point names, degrees clockwise from true north. */
export function compassBearing(point: CompassPoint): number {
  return COMPASS_POINTS.indexOf(point) * 45;
}

/** A label is right when the corner lies within 45° of the direction it names, seen from the claim's centre. */
export const COMPASS_SECTOR_HALF_DEG = 45;

const circularDiff = (a: number, b: number): number => {
  const d = Math.abs((((a - b) % 360) + 360) % 360);
  return Math.min(d, 360 - d);
};

export interface NumberedCorner {
  number: CornerNumber;
  /** The corner's direction from the claim's centre on the ground; null when no word fits each corner uniquely. */
  position: CompassPoint | null;
  utm: Utm;
  /** True bearing from the claim's centre, degrees. */
  bearingDeg: number;
}

/**
 * Compass words for corners given clockwise with their true bearings from the centre. The usual quadrant words
 * (NE, SE, SW, NW) when each corner lies in its own quadrant; for a claim turned near 45°, where two corners
 * share a quadrant, the nearest of the eight points when those differ, else N, E, S, W in clockwise order from the
 * corner nearest north. Whatever is chosen must put each corner within 45° of its word, or no word is printed:
 * "Corner No. 3" alone is never wrong, "Corner No. 3 (NW)" on a corner lying north-east is.
 */
export function compassLabels(bearings: readonly number[]): (CompassPoint | null)[] {
  const fits = (labels: CompassPoint[]): boolean =>
    new Set(labels).size === labels.length &&
    labels.every((label, k) => circularDiff(bearings[k]!, compassBearing(label)) <= COMPASS_SECTOR_HALF_DEG + 1e-9);
  const quadrants = bearings.map((b): CompassPoint => (['NE', 'SE', 'SW', 'NW'] as const)[Math.floor((((b % 360) + 360) % 360) / 90) % 4]!);
  if (bearings.length === 4 && fits(quadrants)) return quadrants;
  const nearest = bearings.map((b) => COMPASS_POINTS[Math.round((((b % 360) + 360) % 360) / 45) % 8]!);
  if (fits(nearest)) return nearest;
  if (bearings.length === 4) {
    const north = bearings.reduce((best, b, k) => (circularDiff(b, 0) < circularDiff(bearings[best]!, 0) ? k : best), 0);
    const cardinal = bearings.map((_, k): CompassPoint => (['N', 'E', 'S', 'W'] as const)[(k - north + 4) % 4]!);
    if (fits(cardinal)) return cardinal;
  }
  return bearings.map(() => null);
}

/** The frame's corners clockwise seen from above (start-left, end-left, end-right, start-right). */
export function clockwiseCorners(frame: ClaimFrame): Utm[] {
  const { startLeft, endLeft, endRight, startRight } = frame.corners;
  return [startLeft, endLeft, endRight, startRight];
}

/**
 * Numbers a four-corner claim clockwise from the corner truly nearest `corner1` (NE = the corner whose bearing
 * from the centre is nearest 45° true). On a claim turned exactly 45° two corners are equally near; the one
 * counter-clockwise of the wanted direction is taken, the same for every claim of a block.
 */
export function numberCorners(frame: ClaimFrame, corner1: CornerPosition, epsg: number): NumberedCorner[] {
  const ring = clockwiseCorners(frame);
  const centre: Utm = [ring.reduce((s, p) => s + p[0], 0) / 4, ring.reduce((s, p) => s + p[1], 0) / 4];
  const bearings = ring.map((p) => gridToTrueDeg(epsg, centre, (Math.atan2(p[0] - centre[0], p[1] - centre[1]) * 180) / Math.PI));
  const labels = compassLabels(bearings);
  const target = compassBearing(corner1);
  const signed = (b: number): number => ((((b - target) % 360) + 540) % 360) - 180;
  let first = 0;
  for (let k = 1; k < 4; k += 1) {
    const [a, b] = [Math.abs(signed(bearings[k]!)), Math.abs(signed(bearings[first]!))];
    if (a < b - 1e-9 || (Math.abs(a - b) <= 1e-9 && signed(bearings[k]!) < signed(bearings[first]!))) first = k;
  }
  return [0, 1, 2, 3].map((offset) => {
    const k = (first + offset) % 4;
    return { number: (offset + 1) as CornerNumber, position: labels[k]!, utm: ring[k]!, bearingDeg: bearings[k]! };
  });
}

/** The state's fixed Corner 1 (Alaska) wins over the job's setting. */
export function effectiveCorner1(rule: StateRule, settings: Pick<MonumentSettings, 'corner1'> | null): CornerPosition {
  return rule.corner1Fixed ?? settings?.corner1 ?? rule.defaultCorner1;
}
