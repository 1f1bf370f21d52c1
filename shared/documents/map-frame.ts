/**
 * The map's projection from grid metres (NAD83 / UTM, the layout's own coordinates) to paper points and back:
 * a uniform scale and a shift, grid north up. Also what the frame prints around it: the UTM tick spacing and the
 * convergence angle between grid north and true north.
 */
import type { Utm } from '../geo/utm';
import type { GridRect } from './map-geometry';

/** A rectangle on paper in points, origin bottom-left (PDF). */
export interface PaperRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface MapProjection {
  window: GridRect;
  frame: PaperRect;
  pointsPerMetre: number;
  toPaper(utm: Utm): [number, number];
  toGrid(point: readonly [number, number]): Utm;
}

/** Maps `window` onto `frame`, centred, with one scale for both axes (a map must not stretch). */
export function mapProjection(window: GridRect, frame: PaperRect): MapProjection {
  const pointsPerMetre = Math.min(frame.w / (window.maxE - window.minE), frame.h / (window.maxN - window.minN));
  const ce = (window.minE + window.maxE) / 2;
  const cn = (window.minN + window.maxN) / 2;
  const cx = frame.x + frame.w / 2;
  const cy = frame.y + frame.h / 2;
  const halfE = frame.w / 2 / pointsPerMetre;
  const halfN = frame.h / 2 / pointsPerMetre;
  return {
    window: { minE: ce - halfE, minN: cn - halfN, maxE: ce + halfE, maxN: cn + halfN },
    frame,
    pointsPerMetre,
    toPaper: (utm) => [cx + (utm[0] - ce) * pointsPerMetre, cy + (utm[1] - cn) * pointsPerMetre],
    toGrid: (point) => [ce + (point[0] - cx) / pointsPerMetre, cn + (point[1] - cy) / pointsPerMetre],
  };
}

const TICK_STEPS_M = [50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 25_000, 50_000, 100_000];

/** Grid tick spacing in metres: the finest round step at least `minInches` apart on paper. */
export function gridTickStep(gridMetresPerInch: number, minInches = 1): number {
  return TICK_STEPS_M.find((step) => step >= gridMetresPerInch * minInches) ?? TICK_STEPS_M.at(-1)!;
}

/** Multiples of `step` strictly inside [min, max]. */
export function ticksBetween(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v < max; v += step) if (v > min) out.push(v);
  return out;
}

// Kept here for the map modules that import it from their own frame module.
export { gridConvergenceDeg } from '../geo/convergence';

/** 0.4523 → "0°27'08\"" (a convergence or rotation; the sign is said in words by the caller). */
export function formatAngle(deg: number): string {
  const total = Math.round(Math.abs(deg) * 3600);
  const d = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${d}°${String(m).padStart(2, '0')}'${String(s).padStart(2, '0')}"`;
}
