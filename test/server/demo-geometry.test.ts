/**
 * The demo geometry checked on the ground, independently of how claim-grid.ts lays it out: side lengths are
 * geodesics between the shipped lon/lat corners (geographiclib via shared/geo/ground.ts), corner angles come
 * from geodesic azimuths, and the app's own legal validation must accept every clean order as drawn.
 */
import { Geodesic } from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import { buildLodeGrid } from '../../server/seed/claim-grid';
import { buildDemoOrder } from '../../server/seed/demo.seed';
import { DEMO_ORDER_SPECS } from '../../server/seed/demo-orders.data';
import type { DemoOrderSpec } from '../../server/seed/demo-order.types';
import { validateLayout, type LayoutIssueCode } from '../../shared/claims/validate-layout';
import { normalizePendingOrder } from '../../shared/domain/normalize-order';
import { geodesicDistanceM } from '../../shared/geo/ground';
import { chooseZone, FOOT_M, nad83UtmEpsg, utmConverter, zoneForLongitude } from '../../shared/geo/utm';
import { claimsFromOrder } from '../../shared/layout/order-claims';

type Ring = number[][];
/** Allowed error of a ground side, feet: the 1e-8° rounding of shipped coordinates alone is up to ~0.004 ft. */
const SIDE_TOLERANCE_FT = 0.02;
/** Allowed error of a corner angle, degrees (1e-8° rounding over a 600 ft side is ~3e-4°). */
const ANGLE_TOLERANCE_DEG = 0.002;
const SIZE_CODES: readonly string[] = ['lode_too_long', 'lode_too_wide', 'lode_area_exceeded'] satisfies LayoutIssueCode[];

/** Just enough claim_polygons unwrapping for the demo's own shapes. */
function polygonsOf(value: unknown): Ring[][] {
  if (typeof value === 'string') return polygonsOf(JSON.parse(value));
  if (Array.isArray(value)) return value.flatMap(polygonsOf);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (record['type'] === 'FeatureCollection') return polygonsOf(record['features']);
  if (Array.isArray(record['claims'])) return (record['claims'] as { geometry: unknown }[]).flatMap((c) => polygonsOf(c.geometry));
  if (record['type'] === 'Feature') return polygonsOf(record['geometry']);
  if (record['type'] === 'Polygon') return [record['coordinates'] as Ring[]];
  if (record['type'] === 'MultiPolygon') return record['coordinates'] as Ring[][];
  return [];
}

const lonLat = (p: number[] | undefined): [number, number] => [p?.[0] ?? NaN, p?.[1] ?? NaN];

/** Geodesic lengths of a closed ring's sides, ground feet. */
function groundSidesFt(ring: Ring): number[] {
  return ring.slice(0, -1).map((a, i) => geodesicDistanceM(lonLat(a), lonLat(ring[i + 1])) / FOOT_M);
}

/** Interior angles of a closed 4-corner ring on the ellipsoid, degrees, from geodesic azimuths at each corner. */
function groundCornerAnglesDeg(ring: Ring): number[] {
  const corners = ring.slice(0, -1).map(lonLat);
  return corners.map((b, i) => {
    const a = corners[(i + corners.length - 1) % corners.length]!;
    const c = corners[(i + 1) % corners.length]!;
    const toA = Geodesic.WGS84.Inverse(b[1], b[0], a[1], a[0]).azi1 ?? NaN;
    const toC = Geodesic.WGS84.Inverse(b[1], b[0], c[1], c[0]).azi1 ?? NaN;
    const angle = Math.abs(toA - toC) % 360;
    return angle > 180 ? 360 - angle : angle;
  });
}

const declaredLengthFt = (spec: DemoOrderSpec): number => spec.site.lengthFt ?? 1500;
const declaredWidthFt = (spec: DemoOrderSpec): number => spec.site.widthFt ?? 600;
const isOversize = (spec: DemoOrderSpec): boolean => declaredLengthFt(spec) > 1500 || declaredWidthFt(spec) > 600;

/** The app's path from a GeoDB order to a validated layout: normalize, choose the zone, claims as drawn, validate. */
function validateAsDrawn(spec: DemoOrderSpec) {
  const normalized = normalizePendingOrder(buildDemoOrder(spec), 0);
  if (!normalized.ok) throw new Error(normalized.reason);
  const { order } = normalized;
  const vertices = order.claims.flatMap((c) =>
    (c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates).flatMap((poly) =>
      poly.flatMap((ring) => ring.slice(0, -1).map(lonLat)),
    ),
  );
  const { epsg } = chooseZone(vertices);
  const claims = claimsFromOrder(order.claims, epsg, spec.site.prefix);
  return { order, claims, validation: validateLayout({ claims, epsg }) };
}

function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += (ring[i]?.[0] ?? 0) * (ring[i + 1]?.[1] ?? 0) - (ring[i + 1]?.[0] ?? 0) * (ring[i]?.[1] ?? 0);
  return sum / 2;
}

/** Proper crossing of segments ab and cd (coordinates taken relative to a to keep the products small). */
function segmentsCross(a?: number[], b?: number[], c?: number[], d?: number[]): boolean {
  const o = a ?? [0, 0];
  const rel = (p?: number[]): [number, number] => [(p?.[0] ?? 0) - (o[0] ?? 0), (p?.[1] ?? 0) - (o[1] ?? 0)];
  const [A, B, C, D] = [rel(a), rel(b), rel(c), rel(d)];
  const cross = (p: [number, number], q: [number, number], r: [number, number]): number =>
    (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  return cross(A, B, C) * cross(A, B, D) < 0 && cross(C, D, A) * cross(C, D, B) < 0;
}

const clean = DEMO_ORDER_SPECS.filter((s) => s.flaw === undefined);
const oversize = DEMO_ORDER_SPECS.filter((s) => s.flaw === 'oversize');
/** Orders whose polygons ship as built: their size is exactly what the spec declares. */
const unflawed = [...clean, ...oversize];
const flawed = (flaw: string) => {
  const spec = DEMO_ORDER_SPECS.find((s) => s.flaw === flaw);
  if (spec === undefined) throw new Error(`no ${flaw} order`);
  return { spec, order: buildDemoOrder(spec), polygons: polygonsOf(buildDemoOrder(spec).claim_polygons) };
};

describe('demo geometry', () => {
  it('covers the five states with 1 to 40 claims and the shape variety', () => {
    const counts = clean.map((s) => s.site.rows * s.site.cols);
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(40);
    const zones = new Set(DEMO_ORDER_SPECS.map((s) => zoneForLongitude(s.site.lon)));
    expect([...zones].sort((a, b) => a - b)).toEqual([3, 6, 7, 11, 12, 13]);
    expect(new Set(DEMO_ORDER_SPECS.map((s) => s.shape)).size).toBe(6);
    expect(new Set(DEMO_ORDER_SPECS.map((s) => s.site.azimuthDeg))).toEqual(new Set([0, 15, 45, 90, 330]));
  });

  it.each(unflawed.map((s) => [`${s.type} ${s.id} (${s.shape}, az ${s.site.azimuthDeg})`, s] as const))(
    '%s: claims measure their declared size on the ground, right-angled, shared corners identical',
    (_label, spec) => {
      const order = buildDemoOrder(spec);
      const polygons = polygonsOf(order.claim_polygons);
      expect(polygons).toHaveLength(spec.site.rows * spec.site.cols);
      expect(order.claim_count).toBe(polygons.length);
      const corners = new Set<string>();
      for (const polygon of polygons) {
        expect(polygon).toHaveLength(1);
        const ring = polygon[0] ?? [];
        expect(ring).toHaveLength(5);
        expect(ring[4]).toEqual(ring[0]);
        expect(signedArea(ring)).toBeGreaterThan(0); // RFC 7946: exterior rings counter-clockwise
        const [a, b, c, d] = groundSidesFt(ring);
        for (const width of [a, c]) expect(Math.abs((width ?? 0) - declaredWidthFt(spec))).toBeLessThan(SIDE_TOLERANCE_FT);
        for (const length of [b, d]) expect(Math.abs((length ?? 0) - declaredLengthFt(spec))).toBeLessThan(SIDE_TOLERANCE_FT);
        for (const angle of groundCornerAnglesDeg(ring)) expect(Math.abs(angle - 90)).toBeLessThan(ANGLE_TOLERANCE_DEG);
        for (const p of ring) {
          // At least 7 decimals kept: values are multiples of 1e-8, not of 1e-6.
          expect(Math.abs((p[0] ?? 0) * 1e8 - Math.round((p[0] ?? 0) * 1e8))).toBeLessThan(1e-3);
          corners.add(JSON.stringify(p));
        }
      }
      // Adjacent claims reuse corners exactly: a rows × cols block has (rows+1)(cols+1) distinct corners.
      expect(corners.size).toBe((spec.site.rows + 1) * (spec.site.cols + 1));
    },
  );

  it.each(clean.map((s) => [`${s.type} ${s.id}`, s] as const))(
    '%s: the app\'s legal validation accepts the claims as drawn (no size or area problems)',
    (_label, spec) => {
      const { order, claims, validation } = validateAsDrawn(spec);
      expect(order.problems).toEqual([]);
      expect(claims).toHaveLength(spec.site.rows * spec.site.cols);
      expect(validation.problems.filter((p) => SIZE_CODES.includes(p.code))).toEqual([]);
    },
  );

  it('has exactly one deliberately oversize order: a listed claim_order with a claimant and 2-4 claims', () => {
    expect(oversize.map((s) => `${s.type} ${s.id}`)).toEqual(['claim_order 6']);
    expect(DEMO_ORDER_SPECS.filter(isOversize)).toEqual(oversize); // beyond the legal size ⇔ flagged as the flaw
    const spec = oversize[0]!;
    expect(declaredLengthFt(spec)).toBe(1540);
    expect(spec.claimantInfo).toBeTruthy();
    expect(spec.site.rows * spec.site.cols).toBeGreaterThanOrEqual(2);
    expect(spec.site.rows * spec.site.cols).toBeLessThanOrEqual(4);
  });

  it('the oversize order syncs without problems but fails the legal length check', () => {
    const spec = oversize[0]!;
    const { order, claims, validation } = validateAsDrawn(spec);
    expect(order.problems).toEqual([]); // valid geometry: oversize is a layout problem, not a sync problem
    expect(claims).toHaveLength(spec.site.rows * spec.site.cols);
    const tooLong = validation.problems.filter((p) => p.code === 'lode_too_long');
    expect(tooLong).toHaveLength(claims.length);
    for (const problem of tooLong) expect(problem.message).toMatch(/1,540\.0 ft long/);
    expect(validation.problems.some((p) => p.code === 'lode_too_wide')).toBe(false);
  });

  it('sizes claims by lengthFt / widthFt on the ground', () => {
    const [claim] = buildLodeGrid({ lon: -114.5, lat: 39.2, rows: 1, cols: 1, azimuthDeg: 45, prefix: 'S', lengthFt: 1200, widthFt: 450 });
    const [a, b, c, d] = groundSidesFt(claim?.geometry.coordinates[0] ?? []);
    for (const width of [a, c]) expect(Math.abs((width ?? 0) - 450)).toBeLessThan(SIDE_TOLERANCE_FT);
    for (const length of [b, d]) expect(Math.abs((length ?? 0) - 1200)).toBeLessThan(SIDE_TOLERANCE_FT);
    expect(() => buildLodeGrid({ lon: -114.5, lat: 39.2, rows: 1, cols: 1, azimuthDeg: 0, prefix: 'S', lengthFt: 0 })).toThrow(RangeError);
  });

  it('is ground-true near a zone edge, where 1,500 grid ft would be ~0.6 ft long on the ground', () => {
    // 40 claims around 114.1°W (zone 11, k ≈ 1.0004): one scale factor for the whole block is not enough here.
    const grid = buildLodeGrid({ lon: -114.1, lat: 36.0, rows: 4, cols: 10, azimuthDeg: 0, prefix: 'EDGE' });
    for (const claim of grid) {
      const [a, b, c, d] = groundSidesFt(claim.geometry.coordinates[0] ?? []);
      for (const width of [a, c]) expect(Math.abs((width ?? 0) - 600)).toBeLessThan(SIDE_TOLERANCE_FT);
      for (const length of [b, d]) expect(Math.abs((length ?? 0) - 1500)).toBeLessThan(SIDE_TOLERANCE_FT);
    }
  });

  it('lays the long axis along the azimuth', () => {
    for (const azimuthDeg of [0, 15, 90, 330]) {
      const [claim] = buildLodeGrid({ lon: -116.5, lat: 40.5, rows: 1, cols: 1, azimuthDeg, prefix: 'T' });
      const ring = claim?.geometry.coordinates[0] ?? [];
      const toUtm = utmConverter(nad83UtmEpsg(11)).toUtm;
      const [p1, p2] = [toUtm(lonLat(ring[1])), toUtm(lonLat(ring[2]))];
      const bearing = ((Math.atan2(p2[0] - p1[0], p2[1] - p1[1]) * 180) / Math.PI + 360) % 360;
      // Ground-straight sides bend by microradians on the grid, so allow a hair either side of the azimuth.
      const off = Math.abs(bearing - azimuthDeg) % 360;
      expect(Math.min(off, 360 - off)).toBeLessThan(1e-4);
    }
  });

  it('names claims with the prefix, row by row', () => {
    const grid = buildLodeGrid({ lon: -110, lat: 33, rows: 2, cols: 2, azimuthDeg: 0, prefix: 'GE', firstNumber: 5 });
    expect(grid.map((f) => f.properties.name)).toEqual(['GE 5', 'GE 6', 'GE 7', 'GE 8']);
    expect(() => buildLodeGrid({ lon: -110, lat: 33, rows: 0, cols: 2, azimuthDeg: 0, prefix: 'X' })).toThrow(RangeError);
  });

  it('uses both `name` and `claim_name` property keys', () => {
    const keys = new Set(
      DEMO_ORDER_SPECS.map((s) => buildDemoOrder(s).claim_polygons)
        .flatMap((cp) => (typeof cp === 'object' && cp !== null && 'features' in cp ? cp.features : []))
        .flatMap((f) => Object.keys(f.properties ?? {})),
    );
    expect(keys).toEqual(new Set(['name', 'claim_name']));
  });
});

describe('deliberately flawed demo orders', () => {
  it('has a LineString instead of polygons', () => {
    const { order } = flawed('linestring');
    expect(order.claim_polygons).toMatchObject({ type: 'Feature', geometry: { type: 'LineString' } });
  });

  it('has a bow-tie ring (two of its edges cross)', () => {
    const { polygons } = flawed('bow-tie');
    const crossing = polygons.filter((p) => {
      const ring = p[0] ?? [];
      return ring.length === 5 && segmentsCross(ring[1], ring[2], ring[3], ring[0]);
    });
    expect(crossing).toHaveLength(1);
  });

  it('has projected UTM metres in the coordinate fields', () => {
    const { polygons } = flawed('utm-coordinates');
    const first = polygons[0]?.[0]?.[0] ?? [];
    expect(first[0]).toBeGreaterThan(100_000);
    expect(first[1]).toBeGreaterThan(3_000_000);
  });

  it('has 3-D positions and unclosed rings but otherwise valid claims', () => {
    const { polygons } = flawed('3d-unclosed');
    for (const polygon of polygons) {
      const ring = polygon[0] ?? [];
      expect(ring).toHaveLength(4);
      expect(ring.every((p) => p.length === 3)).toBe(true);
      expect(ring[3]).not.toEqual(ring[0]);
      const closed = [...ring.map((p) => [p[0] ?? 0, p[1] ?? 0]), [ring[0]?.[0] ?? 0, ring[0]?.[1] ?? 0]];
      const [a, b] = groundSidesFt(closed);
      expect(Math.abs((a ?? 0) - 600)).toBeLessThan(SIDE_TOLERANCE_FT);
      expect(Math.abs((b ?? 0) - 1500)).toBeLessThan(SIDE_TOLERANCE_FT);
    }
  });

  it('has a claim_count that disagrees with its polygons', () => {
    const { order, polygons } = flawed('count-mismatch');
    expect(order.claim_count).not.toBe(polygons.length);
  });

  it('lists all flawed orders (the demo shows them)', () => {
    const flaws = DEMO_ORDER_SPECS.filter((s) => s.flaw !== undefined);
    expect(flaws.length).toBeGreaterThanOrEqual(3);
    for (const s of flaws) expect(['processing', 'pending', 'paid', 'approved']).toContain(s.status);
  });
});
