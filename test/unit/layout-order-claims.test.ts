import { describe, expect, it } from 'vitest';
import { buildDemoOrder } from '../../server/seed/demo.seed';
import { DEMO_ORDER_SPECS } from '../../server/seed/demo-orders.data';
import { normalizePendingOrder } from '../../shared/domain/normalize-order';
import { chooseZone, utmConverter } from '../../shared/geo/utm';
import type { Position } from '../../shared/geometry/geojson.types';
import type { JobOrderContext } from '../../shared/jobs/job.types';
import { claimsFromOrder, partNames } from '../../shared/layout/order-claims';
import { sidesFt, signedAreaM2 } from './layout-test-helpers';

type OrderClaims = JobOrderContext['orderClaims'];

function orderClaimsOf(spec: (typeof DEMO_ORDER_SPECS)[number]): OrderClaims {
  const result = normalizePendingOrder(buildDemoOrder(spec), 0);
  if (!result.ok) throw new Error(result.reason);
  return result.order.claims.map((c) => ({ name: c.name, geometry: c.geometry, areaAcres: c.areaAcres }));
}

function positionsOf(claims: OrderClaims): Position[] {
  return claims.flatMap((c) => (JSON.stringify(c.geometry.coordinates).match(/-?\d+\.?\d*,-?\d+\.?\d*/g) ?? []).map((s) => s.split(',').map(Number) as Position));
}

describe('claimsFromOrder on the reference server demo orders', () => {
  const clean = DEMO_ORDER_SPECS.filter((s) => s.flaw === undefined);
  it.each(clean.map((s) => [`${s.type} ${s.id} (${s.shape})`, s] as const))('%s: one claim per drawn claim, named, clockwise', (_label, spec) => {
    const orderClaims = orderClaimsOf(spec);
    const { epsg } = chooseZone(positionsOf(orderClaims));
    const claims = claimsFromOrder(orderClaims, epsg, 'X');
    const count = spec.site.rows * spec.site.cols;
    expect(claims).toHaveLength(count);
    expect(claims.map((c) => c.name)).toEqual(Array.from({ length: count }, (_, i) => `${spec.site.prefix} ${i + 1}`));
    expect(new Set(claims.map((c) => c.id)).size).toBe(count);
    for (const claim of claims) {
      expect(claim.source).toBe('order');
      expect(claim.corners).toHaveLength(4); // closing vertex dropped
      expect(signedAreaM2(claim.corners)).toBeLessThan(0);
      // The demo draws 1,500 × 600 grid ft, within ~1 ft of that on the ground; first side is along the lode.
      const [left, end] = sidesFt(epsg, claim.corners);
      expect(Math.abs(left! - 1500)).toBeLessThan(1);
      expect(Math.abs(end! - 600)).toBeLessThan(1);
    }
  });

  it('keeps the drawn start corner: at azimuth 0 the first corner is the south-west one', () => {
    const spec = DEMO_ORDER_SPECS.find((s) => s.site.azimuthDeg === 0 && s.flaw === undefined)!;
    const orderClaims = orderClaimsOf(spec);
    const { epsg } = chooseZone(positionsOf(orderClaims));
    for (const claim of claimsFromOrder(orderClaims, epsg, 'X')) {
      const [sw, nw, ne, se] = claim.corners;
      expect(sw![0]).toBeCloseTo(nw![0], 1);
      expect(sw![1]).toBeLessThan(nw![1]);
      expect(ne![0]).toBeGreaterThan(nw![0]);
      expect(se![1]).toBeCloseTo(sw![1], 1);
    }
  });
});

describe('claimsFromOrder naming and rings', () => {
  const epsg = 26911;
  const { toLonLat } = utmConverter(epsg);
  const rect = (e: number, n: number, closed = true): Position[] => {
    const ring: Position[] = [[e, n], [e + 182.88, n], [e + 182.88, n + 457.2], [e, n + 457.2]].map((p) => toLonLat(p as [number, number]));
    return closed ? [...ring, ring[0]!] : ring;
  };

  it('names parts of a MultiPolygon from a range, a plain name, or the fallback', () => {
    expect(partNames('OAT 1-3', 3)).toEqual(['OAT 1', 'OAT 2', 'OAT 3']);
    expect(partNames('OAT 4 - 5', 2)).toEqual(['OAT 4', 'OAT 5']);
    expect(partNames('OAT 1-3', 2)).toEqual(['OAT 1-3 1', 'OAT 1-3 2']);
    expect(partNames('Block', 1)).toEqual(['Block']);
    const orderClaims: OrderClaims = [
      { name: 'Block', geometry: { type: 'MultiPolygon', coordinates: [[rect(500000, 4400000)], [rect(500200, 4400000)]] }, areaAcres: 41 },
      { name: '  ', geometry: { type: 'Polygon', coordinates: [rect(500400, 4400000, false)] }, areaAcres: 20 },
      { name: 'Solo', geometry: { type: 'MultiPolygon', coordinates: [[rect(500600, 4400000)]] }, areaAcres: 20 },
    ];
    const claims = claimsFromOrder(orderClaims, epsg, ' GE ');
    expect(claims.map((c) => c.name)).toEqual(['Block 1', 'Block 2', 'GE 3', 'Solo']);
    for (const claim of claims) {
      expect(claim.corners).toHaveLength(4);
      expect(signedAreaM2(claim.corners)).toBeLessThan(0); // the input rings were counter-clockwise
    }
    // Counter-clockwise input reversed keeping its first vertex.
    expect(claims[0]!.corners[0]![0]).toBeCloseTo(500000, 4);
    expect(claims[0]!.corners[1]![1]).toBeCloseTo(4400457.2, 4);
  });

  it('uses only the outer ring and skips malformed positions', () => {
    const hole = rect(500050, 4400100).slice(0, 4);
    const claims = claimsFromOrder(
      [{ name: 'H 1', geometry: { type: 'Polygon', coordinates: [[...rect(500000, 4400000), ['x', 1]], hole] }, areaAcres: 20 }],
      epsg,
      'X',
    );
    expect(claims).toHaveLength(1);
    expect(claims[0]!.corners).toHaveLength(4);
  });
});
