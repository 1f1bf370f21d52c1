import { describe, expect, it } from 'vitest';
import { DRAWN_OVER_LIMITS_CODE, drawnLimitIssues } from '../../shared/claims/drawn-limits';
import type { NormalizedClaim } from '../../shared/domain/normalized-order.types';

const FOOT_DEG_LAT = 0.3048 / 111_000;

/** A north-running rectangle near Tonopah, `lengthFt` × `widthFt` (degrees are rough: the check measures on the ground). */
function drawn(name: string, lon: number, lengthFt: number, widthFt: number): NormalizedClaim {
  const dLat = lengthFt * FOOT_DEG_LAT;
  const dLon = (widthFt * FOOT_DEG_LAT) / Math.cos((38 * Math.PI) / 180);
  const ring: [number, number][] = [[lon, 38], [lon + dLon, 38], [lon + dLon, 38 + dLat], [lon, 38 + dLat], [lon, 38]];
  return { name, geometry: { type: 'Polygon', coordinates: [ring] }, areaAcres: (lengthFt * widthFt) / 43560 };
}

describe('claims over the legal limits as drawn', () => {
  it('names each claim over the limits once, with the layout check’s measured reason, and leaves legal ones alone', () => {
    const issues = drawnLimitIssues([drawn('OK 1', -117.25, 1400, 580), drawn('LONG 2', -117.24, 1540, 580), drawn('BIG 3', -117.23, 1600, 700)]);
    expect(issues.map((issue) => issue.claim)).toEqual(['LONG 2', 'BIG 3']);
    expect(issues.every((issue) => issue.code === DRAWN_OVER_LIMITS_CODE)).toBe(true);
    expect(issues[0]!.message).toMatch(/^Over the legal limits as drawn — lay out a grid: Claim 'LONG 2' is 1,5\d\d\.\d ft long on the ground; a lode claim may be at most 1,500 ft/);
    expect(issues[1]!.message).toContain('; '); // too long and too wide, in one issue for the one claim
  });

  it('says nothing for an order without usable polygons', () => {
    expect(drawnLimitIssues([])).toEqual([]);
  });
});
