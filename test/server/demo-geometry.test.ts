import { describe, expect, it } from 'vitest';
import { buildLodeGrid, LODE_LENGTH_M, LODE_WIDTH_M, utmConverter, utmZoneForLon } from '../../server/seed/claim-grid';
import { buildDemoOrder } from '../../server/seed/demo.seed';
import { DEMO_ORDER_SPECS } from '../../server/seed/demo-orders.data';

type Ring = number[][];
const CM = 0.01;

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

function sideLengths(ring: Ring, zone: number): number[] {
  const toUtm = utmConverter(zone).toUtm;
  const utm = ring.map((p) => toUtm([p[0] ?? NaN, p[1] ?? NaN]));
  return utm.slice(0, -1).map((a, i) => {
    const b = utm[i + 1] ?? a;
    return Math.hypot(b[0] - a[0], b[1] - a[1]);
  });
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
    const zones = new Set(DEMO_ORDER_SPECS.map((s) => utmZoneForLon(s.site.lon)));
    expect([...zones].sort((a, b) => a - b)).toEqual([3, 6, 7, 11, 12, 13]);
    expect(new Set(DEMO_ORDER_SPECS.map((s) => s.shape)).size).toBe(6);
    expect(new Set(DEMO_ORDER_SPECS.map((s) => s.site.azimuthDeg))).toEqual(new Set([0, 15, 45, 90, 330]));
  });

  it.each(clean.map((s) => [`${s.type} ${s.id} (${s.shape}, az ${s.site.azimuthDeg})`, s] as const))(
    '%s: 600 × 1500 ft claims in NAD83 UTM, shared corners identical',
    (_label, spec) => {
      const order = buildDemoOrder(spec);
      const polygons = polygonsOf(order.claim_polygons);
      const zone = utmZoneForLon(spec.site.lon);
      expect(polygons).toHaveLength(spec.site.rows * spec.site.cols);
      expect(order.claim_count).toBe(polygons.length);
      const corners = new Set<string>();
      for (const polygon of polygons) {
        expect(polygon).toHaveLength(1);
        const ring = polygon[0] ?? [];
        expect(ring).toHaveLength(5);
        expect(ring[4]).toEqual(ring[0]);
        expect(signedArea(ring)).toBeGreaterThan(0); // RFC 7946: exterior rings counter-clockwise
        const [a, b, c, d] = sideLengths(ring, zone);
        for (const width of [a, c]) expect(Math.abs((width ?? 0) - LODE_WIDTH_M)).toBeLessThan(CM);
        for (const length of [b, d]) expect(Math.abs((length ?? 0) - LODE_LENGTH_M)).toBeLessThan(CM);
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

  it('lays the long axis along the azimuth', () => {
    for (const azimuthDeg of [0, 15, 90, 330]) {
      const [claim] = buildLodeGrid({ lon: -116.5, lat: 40.5, rows: 1, cols: 1, azimuthDeg, prefix: 'T' });
      const ring = claim?.geometry.coordinates[0] ?? [];
      const toUtm = utmConverter(11).toUtm;
      const [p1, p2] = [toUtm(ring[1] ?? [0, 0]), toUtm(ring[2] ?? [0, 0])];
      const bearing = ((Math.atan2(p2[0] - p1[0], p2[1] - p1[1]) * 180) / Math.PI + 360) % 360;
      expect(Math.abs(bearing - azimuthDeg)).toBeLessThan(1e-4);
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
    const { spec, polygons } = flawed('3d-unclosed');
    for (const polygon of polygons) {
      const ring = polygon[0] ?? [];
      expect(ring).toHaveLength(4);
      expect(ring.every((p) => p.length === 3)).toBe(true);
      expect(ring[3]).not.toEqual(ring[0]);
      const closed = [...ring.map((p) => [p[0] ?? 0, p[1] ?? 0]), [ring[0]?.[0] ?? 0, ring[0]?.[1] ?? 0]];
      const [a, b] = sideLengths(closed, utmZoneForLon(spec.site.lon));
      expect(Math.abs((a ?? 0) - LODE_WIDTH_M)).toBeLessThan(CM);
      expect(Math.abs((b ?? 0) - LODE_LENGTH_M)).toBeLessThan(CM);
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
