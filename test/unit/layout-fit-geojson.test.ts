import { describe, expect, it } from 'vitest';
import { buildDemoOrder } from '../../server/seed/demo.seed';
import { DEMO_ORDER_SPECS } from '../../server/seed/demo-orders.data';
import { normalizePendingOrder } from '../../shared/domain/normalize-order';
import { FOOT_M, utmConverter, utmScaleFactor, type Utm } from '../../shared/geo/utm';
import { intersectionAreaM2 } from '../../shared/claims/polygon-ops';
import { fitGridToArea, orderAzimuthDeg } from '../../shared/layout/fit-to-area';
import { generateGrid } from '../../shared/layout/grid';
import { layoutToFeatureCollection, ringsFromOrderClaims } from '../../shared/layout/layout-geojson';
import { EPSG_NV, pointInRing, signedAreaM2, utmAt } from './layout-test-helpers';

/** A polygon given in ground feet in the frame of an azimuth (a: forward, c: to the right) around a point. */
function framePolygon(origin: Utm, azimuthDeg: number, points: [number, number][]): Utm[] {
  const k = utmScaleFactor(EPSG_NV, origin);
  const t = (azimuthDeg * Math.PI) / 180;
  return points.map(([a, c]) => {
    const am = a * FOOT_M * k;
    const cm = c * FOOT_M * k;
    return [origin[0] + am * Math.sin(t) + cm * Math.cos(t), origin[1] + am * Math.cos(t) - cm * Math.sin(t)];
  });
}

/** Points on a 25 ft lattice inside the ring. */
function samplesInside(ring: Utm[]): Utm[] {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const step = 25 * FOOT_M;
  const out: Utm[] = [];
  for (let x = Math.min(...xs); x <= Math.max(...xs); x += step) {
    for (let y = Math.min(...ys); y <= Math.max(...ys); y += step) if (pointInRing([x, y], ring)) out.push([x, y]);
  }
  return out;
}

describe('fitGridToArea', () => {
  const origin = utmAt(EPSG_NV, -116.9, 39.5);
  // An L: a 1,000 ft wide arm 4,000 ft along the axis, and an 800 ft deep foot 2,700 ft across at its back.
  const L: [number, number][] = [[0, 0], [0, 1000], [-3200, 1000], [-3200, 2700], [-4000, 2700], [-4000, 0]];

  it.each([30, 0, 285])('covers an L-shaped area at %s° with the minimum 3 × 5 grid and drops claims that miss it', (az) => {
    const area = framePolygon(origin, az, L);
    const { params, claims } = fitGridToArea([area], { kind: 'lode', azimuthDeg: az, prefix: 'FIT', firstNumber: 1 }, EPSG_NV);
    // 4,000 ft needs 3 claim lengths (2 × 1,500 < 4,000 ≤ 3 × 1,500); 2,700 ft needs 5 widths (4 × 600 < 2,700).
    expect([params.rows, params.cols]).toEqual([3, 5]);
    expect(params.azimuthDeg).toBe(az);
    // Arm: columns 1-2 of rows 1-2; foot: all of row 3.
    expect(claims).toHaveLength(9);
    expect(claims.map((c) => c.name)).toEqual(Array.from({ length: 9 }, (_, i) => `FIT ${i + 1}`));
    const inside = samplesInside(area);
    expect(inside.length).toBeGreaterThan(1000);
    // Every sampled point of the area is in a kept claim (coverage)...
    for (const p of inside) expect(claims.some((c) => pointInRing(p, c.corners))).toBe(true);
    // ...every kept claim holds some of the area, and every dropped claim holds none.
    const keptIds = new Set(claims.map((c) => c.id.split('-').slice(0, 3).join('-')));
    for (const claim of generateGrid(params, EPSG_NV)) {
      const kept = keptIds.has(claim.id.split('-').slice(0, 3).join('-'));
      expect(inside.some((p) => pointInRing(p, claim.corners))).toBe(kept);
    }
  });

  it('refits an order drawn as a claim block (grid feet, 330°) to the same claims, not one row or column more', () => {
    const spec = DEMO_ORDER_SPECS.find((s) => s.site.prefix === 'TUSC')!;
    const result = normalizePendingOrder(buildDemoOrder(spec), 0);
    if (!result.ok) throw new Error(result.reason);
    const rings = ringsFromOrderClaims(result.order.claims, EPSG_NV);
    expect(rings).toHaveLength(10);
    const { params, claims } = fitGridToArea(rings, { kind: 'lode', azimuthDeg: 330, prefix: 'TUSC', firstNumber: 1 }, EPSG_NV);
    expect([params.rows, params.cols]).toEqual([2, 5]);
    expect(claims).toHaveLength(10);
    // Each fitted claim lies on a drawn one (centres within a foot).
    for (const claim of claims) {
      const c: Utm = [claim.corners.reduce((s, p) => s + p[0], 0) / 4, claim.corners.reduce((s, p) => s + p[1], 0) / 4];
      expect(rings.some((r) => pointInRing(c, r))).toBe(true);
    }
  });

  it("with no azimuth given, follows the order's own axis: CO-4's six claims drawn at 150° refit to the same six", () => {
    const spec = DEMO_ORDER_SPECS.find((s) => s.site.prefix === 'BEAR')!;
    const result = normalizePendingOrder(buildDemoOrder(spec), 0);
    if (!result.ok) throw new Error(result.reason);
    const epsg = 26913; // Crook Co., WY: UTM zone 13
    const rings = ringsFromOrderClaims(result.order.claims, epsg);
    expect(rings).toHaveLength(6);
    expect(orderAzimuthDeg(rings)).toBeCloseTo(150, 1);
    const { params, claims, note } = fitGridToArea(rings, { kind: 'lode', prefix: 'BEAR', firstNumber: 1, maxClaims: 6 }, epsg);
    expect([params.rows, params.cols]).toEqual([3, 2]);
    expect(params.azimuthDeg).toBeCloseTo(150, 1);
    expect(claims).toHaveLength(6);
    expect(note).toBeNull();
    for (const claim of claims) {
      const c: Utm = [claim.corners.reduce((s, p) => s + p[0], 0) / 4, claim.corners.reduce((s, p) => s + p[1], 0) / 4];
      expect(rings.some((r) => pointInRing(c, r))).toBe(true);
    }
  });

  it('never lays out more claims than purchased without saying so: the positions covering most of the area are kept', () => {
    const area = framePolygon(origin, 0, L);
    const all = fitGridToArea([area], { kind: 'lode', azimuthDeg: 0, prefix: 'FIT', firstNumber: 1 }, EPSG_NV);
    expect(all.claims.length).toBeGreaterThan(5);
    expect(all.note).toBeNull();
    const capped = fitGridToArea([area], { kind: 'lode', azimuthDeg: 0, prefix: 'FIT', firstNumber: 1, maxClaims: 5 }, EPSG_NV);
    expect(capped.claims).toHaveLength(5);
    expect(capped.claims.map((c) => c.name)).toEqual(['FIT 1', 'FIT 2', 'FIT 3', 'FIT 4', 'FIT 5']);
    expect(capped.note).toContain(`touches ${all.claims.length} claim positions`);
    expect(capped.note).toContain('5 claims were purchased');
    // The kept ones are those with the most of the area: none of the dropped covers more than a kept one.
    const covered = (claim: { corners: Utm[] }) => intersectionAreaM2(claim.corners, area);
    // Ids are minted per call, so the two fits are matched by position.
    const at = (claim: { corners: Utm[] }) => claim.corners.map(([x, y]) => `${x.toFixed(3)},${y.toFixed(3)}`).join(' ');
    const keptAt = new Set(capped.claims.map(at));
    const dropped = all.claims.filter((c) => !keptAt.has(at(c)));
    expect(dropped).toHaveLength(all.claims.length - 5);
    const minKept = Math.min(...capped.claims.map(covered));
    for (const claim of dropped) expect(covered(claim)).toBeLessThanOrEqual(minKept + 1e-6);
  });

  it('fits placer claims north-south whatever the azimuth', () => {
    const area = framePolygon(origin, 0, [[0, 0], [0, 1000], [-2000, 1000], [-2000, 0]]);
    const { params, claims } = fitGridToArea([area], { kind: 'placer', azimuthDeg: 40, prefix: 'P', firstNumber: 3 }, EPSG_NV);
    expect([params.rows, params.cols, params.azimuthDeg]).toEqual([2, 2, 0]);
    expect(claims.map((c) => c.name)).toEqual(['P 3', 'P 4', 'P 5', 'P 6']);
  });
});

describe('layoutToFeatureCollection / ringsFromOrderClaims', () => {
  it('gives closed counter-clockwise lon/lat polygons that round-trip to the corners', () => {
    const claims = generateGrid({ kind: 'lode', rows: 1, cols: 2, azimuthDeg: 10, prefix: 'G', firstNumber: 1, anchorMode: 'nw', anchor: utmAt(EPSG_NV, -117, 40) }, EPSG_NV);
    const fc = layoutToFeatureCollection(claims, EPSG_NV);
    expect(fc.type).toBe('FeatureCollection');
    const { toUtm } = utmConverter(EPSG_NV);
    fc.features.forEach((f, i) => {
      const claim = claims[i]!;
      expect(f.properties).toEqual({ id: claim.id, name: claim.name, kind: 'lode', source: 'grid' });
      const ring = f.geometry.coordinates[0]!;
      expect(ring).toHaveLength(5);
      expect(ring[4]).toEqual(ring[0]);
      const back = ring.slice(0, 4).map((p) => toUtm(p));
      expect(signedAreaM2(back)).toBeGreaterThan(0);
      expect(back[0]![0]).toBeCloseTo(claim.corners[0]![0], 4);
      expect(back[1]![1]).toBeCloseTo(claim.corners[3]![1], 4);
    });
    // ringsFromOrderClaims reads them back as open clockwise rings.
    const rings = ringsFromOrderClaims(fc.features.map((f) => ({ name: f.properties.name, geometry: f.geometry, areaAcres: 20.66 })), EPSG_NV);
    expect(rings).toHaveLength(2);
    rings.forEach((r, i) => {
      expect(r).toHaveLength(4);
      r.forEach((p, j) => expect(Math.hypot(p[0] - claims[i]!.corners[j]![0], p[1] - claims[i]!.corners[j]![1])).toBeLessThan(1e-6));
    });
  });
});
