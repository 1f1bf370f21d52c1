/**
 * Moving a job to another UTM zone (claims that straddle a boundary): every stored coordinate goes UTM old →
 * lon/lat → UTM new, so the claims stay where they are on the ground and only their grid numbers change.
 * proj4's transverse Mercator round-trips to well under a millimetre inside and next to a zone.
 */
import { utmConverter, type Utm } from '../../shared/geo/utm';
import type { Layout } from '../../shared/layout/layout.types';

/** Length of the probe used to carry a direction into the new grid: long enough to be exact, short enough to be local. */
const PROBE_M = 1_000;

export function reprojectLayout(layout: Layout, fromEpsg: number, toEpsg: number): Layout {
  if (fromEpsg === toEpsg) return layout;
  const from = utmConverter(fromEpsg);
  const to = utmConverter(toEpsg);
  const move = (utm: Utm): Utm => to.toUtm(from.toLonLat(utm));
  let grid = layout.grid;
  if (grid) {
    // The grid's azimuth is measured from grid north, and grid north turns between zones (meridian convergence,
    // over a degree at a zone edge): carry the direction across so the stored grid still describes the claims.
    const rad = (grid.azimuthDeg * Math.PI) / 180;
    const anchor = move(grid.anchor);
    const ahead = move([grid.anchor[0] + PROBE_M * Math.sin(rad), grid.anchor[1] + PROBE_M * Math.cos(rad)]);
    const turned = (Math.atan2(ahead[0] - anchor[0], ahead[1] - anchor[1]) * 180) / Math.PI;
    const azimuthDeg = grid.kind === 'placer' ? grid.azimuthDeg : Math.min(360, ((turned % 360) + 360) % 360);
    grid = { ...grid, anchor, azimuthDeg };
  }
  return {
    claims: layout.claims.map((claim) => ({ ...claim, corners: claim.corners.map((corner) => move(corner)) })),
    grid,
  };
}
