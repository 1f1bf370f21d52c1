import { describe, expect, it } from 'vitest';
import { parseClaimPolygons } from '../../shared/geometry/claim-polygons';
import { CLAIM_PROBLEM_CODES as P, CLAIM_WARNING_CODES as W } from '../../shared/geometry/claim-issue-codes';
import type { Position } from '../../shared/geometry/geojson.types';
import { codes, feature, lodeRing, polygon, RING, utmSquare } from '../fixtures/orders/claim-builders';
import { loadOrderFixture, loadOrderRecord } from '../fixtures/orders/load-order-fixture';

describe('parseClaimPolygons: self-intersection', () => {
  const check = (ring: Position[]) => parseClaimPolygons([feature('S 1', polygon(ring))]);

  it('catches a bow-tie', () => {
    const result = check([[-116.3, 40.8], [-116.297, 40.803], [-116.297, 40.8], [-116.3, 40.803], [-116.3, 40.8]]);
    expect(result.claims).toEqual([]);
    expect(result.problems).toMatchObject([{ code: P.selfIntersection, claim: 'S 1' }]);
  });

  it('catches a ring that folds back on itself (a spike)', () => {
    const result = check([[-116.3, 40.8], [-116.297, 40.8], [-116.297, 40.803], [-116.297, 40.801], [-116.3, 40.803], [-116.3, 40.8]]);
    expect(codes(result.problems)).toEqual([P.selfIntersection]);
  });

  it('catches zero-area rings whose segments only overlap collinearly (turf kinks reports none)', () => {
    expect(codes(check([[-116.3, 40.8], [-116.299, 40.8], [-116.298, 40.8], [-116.3, 40.8]]).problems)).toEqual([P.selfIntersection]);
    const foldedTriangle = check([[-116.3, 40.8], [-116.298, 40.8], [-116.299, 40.8], [-116.3, 40.8]]);
    expect(codes(foldedTriangle.problems)).toEqual([P.selfIntersection]);
  });

  it('accepts a MultiPolygon whose two parts touch at one corner', () => {
    const a: Position[] = [[0, 0], [0.002, 0], [0.002, 0.004], [0, 0.004], [0, 0]];
    const b: Position[] = [[0.002, 0.004], [0.004, 0.004], [0.004, 0.008], [0.002, 0.008], [0.002, 0.004]];
    const result = parseClaimPolygons([feature('M 2', { type: 'MultiPolygon', coordinates: [[a], [b]] })]);
    expect(result.problems).toEqual([]);
  });

  it('catches a ring that touches itself at a vertex', () => {
    const result = check([[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1], [0, 0]]);
    expect(codes(result.problems)).toEqual([P.selfIntersection]);
  });

  it('catches a crossing in a long ring (sweep path) and in part 2 of a MultiPolygon', () => {
    const circle: Position[] = Array.from({ length: 100 }, (_, i) => [
      -116.3 + 0.002 * Math.cos((2 * Math.PI * i) / 100),
      40.8 + 0.002 * Math.sin((2 * Math.PI * i) / 100),
    ]);
    circle.push(circle[0] as Position);
    expect(check(circle).problems).toEqual([]);
    const crossed = circle.slice();
    [crossed[10], crossed[60]] = [crossed[60] as Position, crossed[10] as Position];
    expect(codes(check(crossed).problems)).toEqual([P.selfIntersection]);

    const bowTie = [[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]];
    const multi = parseClaimPolygons([feature('M 1', { type: 'MultiPolygon', coordinates: [[RING], [bowTie]] })]);
    expect(multi.problems[0]?.message).toMatch(/^Claim 'M 1' is self-intersecting: its part 2 outer ring crosses/);
  });

  it('accepts adjacent claims that share corners and edges (a 2 × 2 grid)', () => {
    const order = loadOrderRecord('valid-claim-order.json');
    const grid = parseClaimPolygons(order.claim_polygons);
    expect(grid.problems).toEqual([]);
    expect(grid.warnings).toEqual([]);
    expect(grid.claims.map((c) => c.name)).toEqual(['GE 1', 'GE 2', 'GE 3', 'GE 4']);
  });

  it('accepts a claim touching its neighbour only at one corner, in either orientation', () => {
    const a: Position[] = [[0, 0], [0.002, 0], [0.002, 0.004], [0, 0.004], [0, 0]];
    const b: Position[] = [[0.002, 0.004], [0.004, 0.004], [0.004, 0.008], [0.002, 0.008], [0.002, 0.004]];
    const result = parseClaimPolygons([feature('A', polygon(a)), feature('B', polygon(b.slice().reverse()))]);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe('parseClaimPolygons: repairs and suspicious sizes', () => {
  it('drops Z, removes a duplicate vertex and closes the ring, with a warning each', () => {
    const result = parseClaimPolygons(loadOrderFixture('repairable-claim.json'));
    expect(result.problems).toEqual([]);
    expect(result.claims[0]?.geometry).toEqual({
      type: 'Polygon',
      coordinates: [[[-116.3, 40.8], [-116.297, 40.8], [-116.297, 40.803], [-116.3, 40.803], [-116.3, 40.8]]],
    });
    expect(result.warnings).toEqual([
      { code: W.zDropped, message: "Claim 'PL 1' has 3-D coordinates; the Z values were dropped", claim: 'PL 1' },
      { code: W.ringClosed, message: "Claim 'PL 1': outer ring was not closed; closed by repeating the first position", claim: 'PL 1' },
      { code: W.duplicateVertex, message: "Claim 'PL 1': 1 duplicate consecutive vertex removed", claim: 'PL 1' },
    ]);
  });

  it('says 4-D when positions carry Z and M, and does not change its input', () => {
    const ring = Object.freeze(RING.map(([x, y]) => Object.freeze([x, y, 100, 7])));
    const result = parseClaimPolygons([feature('Z 1', polygon(ring as unknown[]))]);
    expect(result.warnings[0]?.message).toBe("Claim 'Z 1' has 4-D coordinates; the Z/M values were dropped");
    expect(result.claims[0]?.geometry.coordinates).toEqual([RING]);
    expect(ring[0]).toEqual([-116.3, 40.8, 100, 7]);
  });

  it('gives a 600 × 1500 ft lode claim built in UTM 11 about 20.66 acres, with no warnings', () => {
    const result = parseClaimPolygons([feature('GE 1', polygon(lodeRing(560000, 4520000)))]);
    expect(result.warnings).toEqual([]);
    expect(result.claims[0]?.areaAcres).toBeCloseTo(20.66, 1);
    expect(Math.abs((result.claims[0]?.areaAcres ?? 0) - 20.6612)).toBeLessThan(0.03);
  });

  it('does not care about ring orientation', () => {
    const cw = parseClaimPolygons([feature('CW', polygon(RING.slice().reverse()))]);
    const ccw = parseClaimPolygons([feature('CCW', polygon(RING))]);
    expect(cw.warnings).toEqual([]);
    expect(cw.claims[0]?.areaAcres).toBeCloseTo(ccw.claims[0]?.areaAcres ?? 0, 9);
  });

  it('warns that a 640-acre square and a 10 m square look suspicious, but keeps both', () => {
    const big = utmSquare(1609.344);
    const small = utmSquare(10);
    const result = parseClaimPolygons([feature('Big', polygon(big)), feature('Small', polygon(small))]);
    expect(result.claims.map((c) => c.name)).toEqual(['Big', 'Small']);
    expect(result.warnings.map((w) => [w.code, w.claim])).toEqual([
      [W.areaLarge, 'Big'],
      [W.areaTiny, 'Small'],
    ]);
    expect(result.warnings[0]?.message).toMatch(/^Claim 'Big' is 6\d\d\.\d acres, far larger than a lode or placer claim can be \(over 200 acres\); it looks suspicious$/);
    expect(result.warnings[1]?.message).toMatch(/^Claim 'Small' is only 0\.02\d* acres \(under 0\.5 acre\); it looks suspicious$/);
  });
});
