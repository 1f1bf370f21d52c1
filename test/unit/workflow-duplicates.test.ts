import { area, intersect, featureCollection, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { duplicatesByOrder, findDuplicateOrders, type DuplicateCandidate } from '../../shared/workflow/duplicate-orders';
import type { ClaimGeometry, Position } from '../../shared/geometry/geojson.types';

/** A lode-claim-sized rectangle (~510 m × 445 m at 40° N) with its south-west corner at (lon, lat). */
const W = 0.006;
const H = 0.004;
function rectRing(lon: number, lat: number, w = W, h = H): Position[] {
  return [[lon, lat], [lon + w, lat], [lon + w, lat + h], [lon, lat + h], [lon, lat]];
}
function rect(lon: number, lat: number): ClaimGeometry {
  return { type: 'Polygon', coordinates: [rectRing(lon, lat)] };
}
function order(key: string, geometries: ClaimGeometry[]): DuplicateCandidate {
  return { key, claims: geometries.map((geometry, i) => ({ name: `${key} #${i + 1}`, geometry })) };
}
/** A 2 × 2 block of claims. */
function block(lon: number, lat: number): ClaimGeometry[] {
  return [rect(lon, lat), rect(lon + W, lat), rect(lon, lat + H), rect(lon + W, lat + H)];
}

describe('findDuplicateOrders', () => {
  it('flags two orders for the same claims, with the claims that overlap', () => {
    const pairs = findDuplicateOrders([order('claim_purchase:1', block(-117, 40)), order('claim_order:7', block(-117, 40))]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ a: 'claim_purchase:1', b: 'claim_order:7' });
    expect(pairs[0]!.share).toBeCloseTo(1, 9);
    expect(pairs[0]!.overlapAcres).toBeCloseTo(4 * 56.1, -1);
    expect(pairs[0]!.claims).toHaveLength(4);
    expect(pairs[0]!.claims).toContainEqual({ a: 'claim_purchase:1 #3', b: 'claim_order:7 #3' });
  });

  it('measures the share against the smaller order', () => {
    const big = order('big', [...block(-117, 40), ...block(-117 + 2 * W, 40)]);
    const inside = order('inside', [rect(-117 + W, 40)]);
    const pairs = findDuplicateOrders([big, inside]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.share).toBeCloseTo(1, 9);
    expect(pairs[0]!.claims).toEqual([{ a: 'big #2', b: 'inside #1' }]);
  });

  it('flags a shifted copy above the threshold and not below it', () => {
    const base = order('a', [rect(-117, 40)]);
    const sixty = findDuplicateOrders([base, order('b', [rect(-117 + 0.4 * W, 40)])]);
    expect(sixty).toHaveLength(1);
    expect(sixty[0]!.share).toBeCloseTo(0.6, 6);
    expect(findDuplicateOrders([base, order('b', [rect(-117 + 0.6 * W, 40)])])).toEqual([]);
    expect(findDuplicateOrders([base, order('b', [rect(-117 + 0.6 * W, 40)])], { minShare: 0.3 })[0]!.share).toBeCloseTo(0.4, 6);
  });

  it('never flags orders whose claims only touch along an edge or at a corner', () => {
    const base = order('a', block(-117, 40));
    expect(findDuplicateOrders([base, order('east', block(-117 + 2 * W, 40))], { minShare: 0.0001 })).toEqual([]);
    expect(findDuplicateOrders([base, order('corner', block(-117 + 2 * W, 40 + 2 * H))], { minShare: 0.0001 })).toEqual([]);
  });

  it('never flags disjoint orders, or an order against itself listed twice', () => {
    expect(findDuplicateOrders([order('a', block(-117, 40)), order('b', block(-116, 41))])).toEqual([]);
    expect(findDuplicateOrders([order('a', block(-117, 40)), order('a', block(-117, 40))])).toEqual([]);
    expect(findDuplicateOrders([])).toEqual([]);
  });

  it('agrees with turf on an irregular overlap, across a UTM zone boundary', () => {
    // -114° is the boundary of UTM zones 11 and 12: one zone could not measure both claims.
    const a: Position[] = [[-114.004, 40.0], [-113.998, 40.0005], [-113.9975, 40.0042], [-114.0035, 40.0038], [-114.004, 40.0]];
    const b: Position[] = [[-114.002, 40.001], [-113.996, 40.0012], [-113.9962, 40.005], [-114.0021, 40.0049], [-114.002, 40.001]];
    const [pair] = findDuplicateOrders([order('a', [{ type: 'Polygon', coordinates: [a] }]), order('b', [{ type: 'Polygon', coordinates: [b] }])], { minShare: 0.01 });
    const common = intersect(featureCollection([polygon([a]), polygon([b])]))!;
    const expected = area(common) / Math.min(area(polygon([a])), area(polygon([b])));
    expect(pair!.share).toBeCloseTo(expected, 3);
    expect(pair!.overlapM2 / area(common)).toBeCloseTo(1, 2);
  });

  it('handles non-convex claims, multipolygons and holes', () => {
    const l: Position[] = [[-117, 40], [-116.99, 40], [-116.99, 40.003], [-116.996, 40.003], [-116.996, 40.008], [-117, 40.008], [-117, 40]];
    expect(findDuplicateOrders([order('a', [{ type: 'Polygon', coordinates: [l] }]), order('b', [{ type: 'Polygon', coordinates: [l] }])])[0]!.share).toBeCloseTo(1, 9);

    const outer: Position[] = [[-117, 40], [-116.99, 40], [-116.99, 40.01], [-117, 40.01], [-117, 40]];
    const hole: Position[] = [[-116.998, 40.002], [-116.992, 40.002], [-116.992, 40.008], [-116.998, 40.008], [-116.998, 40.002]];
    const ring: ClaimGeometry = { type: 'Polygon', coordinates: [outer, hole] };
    const inHole = order('in-hole', [{ type: 'Polygon', coordinates: [hole] }]);
    expect(findDuplicateOrders([order('ring', [ring]), inHole], { minShare: 0.0001 })).toEqual([]);
    expect(findDuplicateOrders([order('ring', [ring]), order('ring-2', [ring])])[0]!.share).toBeCloseTo(1, 9);

    const multi: ClaimGeometry = { type: 'MultiPolygon', coordinates: [[rectRing(-117, 40)], [rectRing(-116.9, 40)]] };
    const [pair] = findDuplicateOrders([order('multi', [multi]), order('one-part', [rect(-116.9, 40)])]);
    expect(pair!.share).toBeCloseTo(1, 9);
  });

  it('skips claims it cannot read instead of failing the scan', () => {
    const broken: ClaimGeometry[] = [
      { type: 'Polygon', coordinates: [[[-117, 40], [Number.NaN, 40], [-117, 40.004], [-117, 40]]] },
      { type: 'Polygon', coordinates: [[[-117, 40], [-117.001, 40]]] },
      { type: 'Polygon', coordinates: [] },
    ];
    const pairs = findDuplicateOrders([order('a', [...broken, rect(-117, 40)]), order('b', [rect(-117, 40)])]);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([['a', 'b']]);
    expect(() => findDuplicateOrders([], { minShare: 0 })).toThrow(RangeError);
    expect(() => findDuplicateOrders([], { minShare: 1.5 })).toThrow(RangeError);
  });

  it('finds the planted duplicates among 10,000 orders quickly', () => {
    const orders: DuplicateCandidate[] = [];
    // A 100 × 100 field of 2 × 2 blocks that touch their neighbours' edges, like adjoining claim groups.
    for (let i = 0; i < 100; i += 1) for (let j = 0; j < 100; j += 1) orders.push(order(`o${i}-${j}`, block(-118 + i * 2 * W, 38 + j * 2 * H)));
    const planted = [7, 1234, 5000, 9999].map((n) => orders[n]!);
    for (const original of planted) orders.push(order(`dup-of-${original.key}`, original.claims.map((c) => c.geometry)));
    const started = performance.now();
    const pairs = findDuplicateOrders(orders);
    const elapsed = performance.now() - started;
    expect(pairs.map((p) => `${p.a}=${p.b}`).sort()).toEqual(planted.map((o) => `${o.key}=dup-of-${o.key}`).sort());
    expect(elapsed).toBeLessThan(15_000);
  });
});

describe('duplicatesByOrder', () => {
  it('flags both orders of each pair', () => {
    const pairs = findDuplicateOrders([order('a', block(-117, 40)), order('b', block(-117, 40)), order('c', [rect(-117, 40)])]);
    const flags = duplicatesByOrder(pairs);
    expect([...flags.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(flags.get('a')!.map((f) => f.other).sort()).toEqual(['b', 'c']);
    expect(flags.get('c')!.map((f) => f.other).sort()).toEqual(['a', 'b']);
    expect(flags.get('c')![0]!.share).toBeCloseTo(1, 9);
  });
});
