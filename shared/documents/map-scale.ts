/**
 * Map scales: the "nice" scales a surveyor prints (1 in = 500 ft), and whether an extent of grid metres fits a
 * map frame at one. One paper inch is feetPerInch GROUND feet, i.e. feetPerInch × FOOT_M × k grid metres with k
 * the UTM scale factor at the block's centre.
 */
import { FOOT_M, type Utm } from '../geo/utm';
import { rectAround, rectHeight, rectWidth, type GridRect } from './map-geometry';
import type { InchRect } from './map-layout';

/** Scales a surveyor would print ("1 in = 500 ft"), finest first. */
export const NICE_FEET_PER_INCH = [100, 200, 250, 400, 500, 800, 1000, 1500, 2000, 2500, 4000, 5000] as const;
/** The index sheet only shows where the map sheets are, so it may be far coarser than any state allows. */
export const INDEX_FEET_PER_INCH = [...NICE_FEET_PER_INCH, 8000, 10_000, 20_000, 25_000, 50_000, 100_000, 250_000];
/** Blank paper kept between the claims and the neatline, for corner numbers and monument labels. */
export const PAD_IN = 0.3;

export function scaleDenominator(feetPerInch: number): number {
  return feetPerInch * 12;
}

export function gridMetresPerInch(feetPerInch: number, scaleFactor: number): number {
  return feetPerInch * FOOT_M * scaleFactor;
}

/** The finest nice scale at which `extent` fits the map frame with padding, or null. */
export function finestFittingScale(
  extent: GridRect,
  mapIn: { w: number; h: number },
  scaleFactor: number,
  scales: readonly number[] = NICE_FEET_PER_INCH,
  maxFeetPerInch = Infinity,
): number | null {
  for (const fpi of scales) {
    if (fpi > maxFeetPerInch) break;
    const mpi = gridMetresPerInch(fpi, scaleFactor);
    if (rectWidth(extent) <= (mapIn.w - 2 * PAD_IN) * mpi && rectHeight(extent) <= (mapIn.h - 2 * PAD_IN) * mpi) return fpi;
  }
  return null;
}

/** The window a map frame shows at `mpi` grid metres per inch, centred on a point. */
export function windowFor(centre: Utm, frameIn: InchRect, mpi: number): GridRect {
  return rectAround(centre, frameIn.w * mpi, frameIn.h * mpi);
}

