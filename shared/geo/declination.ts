/**
 * Magnetic declination at a site on a date, from the World Magnetic Model through the `geomagnetism` package
 * (NOAA/BGS coefficients bundled: WMM-2015 to WMM-2025). A crew with a compass needs it to turn the documents'
 * true bearings into compass bearings. A date outside the bundled models' validity gets no figure rather than an
 * extrapolated one: the instructions then say to look it up.
 */
import * as geomagnetism from 'geomagnetism';
import type { Position } from '../geometry/geojson.types';

export interface Declination {
  /** Degrees, east positive: magnetic north lies this far clockwise of true north. */
  deg: number;
  /** The model used, e.g. "WMM-2025". */
  model: string;
}

/** Declination at lon/lat on an ISO date (noon UTC); null when no bundled model covers the date. */
export function magneticDeclination(lonLat: Position, isoDate: string): Declination | null {
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return null;
  try {
    const model = geomagnetism.model(date, { allowOutOfBoundsModel: false });
    const point = model.point([lonLat[1], lonLat[0]]);
    return Number.isFinite(point.decl) ? { deg: point.decl, model: model.name } : null;
  } catch {
    return null;
  }
}

/** 12.2261 → "12°14' E"; west declinations "W". */
export function formatDeclination(deg: number): string {
  const minutes = Math.round(Math.abs(deg) * 60);
  return `${Math.floor(minutes / 60)}°${String(minutes % 60).padStart(2, '0')}' ${deg >= 0 ? 'E' : 'W'}`;
}

/** A true bearing as the compass reads it: magnetic = true − east declination, [0, 360). */
export function trueToMagnetic(trueDeg: number, declinationDeg: number): number {
  return (((trueDeg - declinationDeg) % 360) + 360) % 360;
}
