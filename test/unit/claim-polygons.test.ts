import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { parseClaimPolygons } from '../../shared/geometry/claim-polygons';
import { CLAIM_PROBLEM_CODES as P, CLAIM_WARNING_CODES as W } from '../../shared/geometry/claim-issue-codes';
import type { Position } from '../../shared/geometry/geojson.types';
import { loadOrderFixture, loadOrderRecord } from '../fixtures/orders/load-order-fixture';

const UTM_11_NAD83 = '+proj=utm +zone=11 +datum=NAD83 +units=m +no_defs';
const FT = 0.3048;

/** A 600 × 1500 ft lode claim laid out in UTM 11 (NAD83) metres, returned as a lon/lat ring. */
function lodeRing(easting: number, northing: number): Position[] {
  const w = 600 * FT;
  const l = 1500 * FT;
  const corners: Position[] = [[easting, northing], [easting + w, northing], [easting + w, northing + l], [easting, northing + l], [easting, northing]];
  return corners.map((c) => proj4(UTM_11_NAD83, 'EPSG:4326', c) as Position);
}

const RING: Position[] = [[-116.3, 40.8], [-116.297, 40.8], [-116.297, 40.803], [-116.3, 40.803], [-116.3, 40.8]];
const polygon = (ring: unknown[] = RING) => ({ type: 'Polygon', coordinates: [ring] });
const feature = (name: string | undefined, geometry: unknown, key = 'name') => ({
  type: 'Feature',
  properties: name === undefined ? {} : { [key]: name },
  geometry,
});
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('parseClaimPolygons: accepted shapes', () => {
  const fc = { type: 'FeatureCollection', features: [feature('GE 1', polygon()), feature('GE 2', polygon(lodeRing(560000, 4520000)))] };
  const shapes: [string, unknown, string[]][] = [
    ['a FeatureCollection', fc, ['GE 1', 'GE 2']],
    ['a single Polygon Feature', feature('GE 1', polygon()), ['GE 1']],
    ['a single MultiPolygon Feature', feature('GE 1', { type: 'MultiPolygon', coordinates: [[RING]] }), ['GE 1']],
    ['a bare list of Features', fc.features, ['GE 1', 'GE 2']],
    ['{claims: [{name, geometry}]}', { claims: [{ name: 'A 1', geometry: polygon() }, { name: 'A 2', geometry: polygon() }] }, ['A 1', 'A 2']],
    ['a JSON string of a FeatureCollection', JSON.stringify(fc), ['GE 1', 'GE 2']],
    ['a JSON string of a Feature', JSON.stringify(feature('GE 9', polygon())), ['GE 9']],
    ['a JSON string of a list', JSON.stringify(fc.features), ['GE 1', 'GE 2']],
    ['a JSON string of {claims}', JSON.stringify({ claims: [{ name: 'A 1', geometry: polygon() }] }), ['A 1']],
    ['a doubly serialised string', JSON.stringify(JSON.stringify(fc)), ['GE 1', 'GE 2']],
  ];
  it.each(shapes)('reads %s', (_label, value, names) => {
    const result = parseClaimPolygons(value);
    expect(result.problems).toEqual([]);
    expect(result.claims.map((c) => c.name)).toEqual(names);
    expect(result.polygonCount).toBe(names.length);
    expect(result.warnings).toEqual([]);
  });

  it('reads a bare Polygon and a bare MultiPolygon geometry, naming the claim with a warning', () => {
    for (const geometry of [polygon(), { type: 'MultiPolygon', coordinates: [[RING], [lodeRing(570000, 4520000)]] }]) {
      const result = parseClaimPolygons(geometry);
      expect(result.problems).toEqual([]);
      expect(result.claims).toHaveLength(1);
      expect(result.claims[0]?.geometry.type).toBe(geometry.type);
      expect(result.polygonCount).toBe(geometry.coordinates.length);
      expect(result.warnings).toEqual([
        { code: W.nameMissing, message: "Claim 1 has no name (properties.name or claim_name); it is called 'Claim 1'", claim: 'Claim 1' },
      ]);
    }
  });

  it.each(['name', 'claim_name', 'Name', 'NAME', 'CLAIM_NAME'])('takes the claim name from properties.%s', (key) => {
    const result = parseClaimPolygons([feature('Lucky 7', polygon(), key)]);
    expect(result.claims[0]?.name).toBe('Lucky 7');
    expect(result.warnings).toEqual([]);
  });

  it('counts each part of a MultiPolygon feature as a polygon but keeps the feature as one claim', () => {
    const block = feature('OAT block', { type: 'MultiPolygon', coordinates: [[RING], [lodeRing(560000, 4520000)], [lodeRing(570000, 4520000)]] });
    const result = parseClaimPolygons([block, feature('Vein', { type: 'LineString', coordinates: [[0, 0], [1, 1]] })]);
    expect(result.polygonCount).toBe(4);
    expect(result.claims.map((c) => c.name)).toEqual(['OAT block']);
  });

  it('prefers properties.name over claim_name', () => {
    const result = parseClaimPolygons([{ type: 'Feature', properties: { claim_name: 'B', name: 'A' }, geometry: polygon() }]);
    expect(result.claims[0]?.name).toBe('A');
  });

  it('names unnamed claims by position and warns about each', () => {
    const result = parseClaimPolygons([feature('GE 1', polygon()), feature(undefined, polygon()), { type: 'Feature', properties: null, geometry: polygon() }]);
    expect(result.claims.map((c) => c.name)).toEqual(['GE 1', 'Claim 2', 'Claim 3']);
    expect(result.warnings.map((w) => [w.code, w.claim])).toEqual([
      [W.nameMissing, 'Claim 2'],
      [W.nameMissing, 'Claim 3'],
    ]);
  });

  it('warns once about a claim name used twice', () => {
    const result = parseClaimPolygons([feature('GE 1', polygon()), feature('GE 1', polygon()), feature('GE 2', polygon())]);
    expect(result.claims).toHaveLength(2 + 1);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ code: W.nameDuplicate, claim: 'GE 1' });
    expect(result.warnings[0]?.message).toMatch(/^Claim name 'GE 1' is used by 2 claims/);
  });
});

describe('parseClaimPolygons: the whole value is unusable', () => {
  it.each([
    ['missing', undefined, P.missing, 'claim_polygons is missing'],
    ['null', null, P.missing, 'claim_polygons is null: the order has no claim polygons'],
    ['an empty string', '  ', P.empty, 'claim_polygons is an empty string'],
    ['an empty list', [], P.empty, 'claim_polygons is a list with no claims in it'],
    ['an empty FeatureCollection', { type: 'FeatureCollection', features: [] }, P.empty, 'claim_polygons is a FeatureCollection with no claims in it'],
    ['an empty claims list', { claims: [] }, P.empty, 'claim_polygons is a claims list with no claims in it'],
    ['a JSON string of null', 'null', P.missing, 'claim_polygons is null: the order has no claim polygons'],
  ])('%s → a problem', (_label, value, code, message) => {
    expect(parseClaimPolygons(value)).toEqual({ claims: [], polygonCount: 0, problems: [{ code, message }], warnings: [] });
  });

  it('says so when the string is not JSON', () => {
    const result = parseClaimPolygons('{"type": "FeatureCollection", "features": [');
    expect(codes(result.problems)).toEqual([P.unparseable]);
    expect(result.problems[0]?.message).toMatch(/^claim_polygons is a string that does not parse as JSON \(.+\)$/);
  });

  it.each([
    [{ foo: 1, bar: 2 }, /unrecognised shape \(an object with keys foo, bar\); expected a FeatureCollection/],
    [42, /claim_polygons is 42; expected a FeatureCollection/],
    [true, /claim_polygons is a boolean/],
    [{ type: 'FeatureCollection', features: 'nope' }, /FeatureCollection without a features list/],
  ])('rejects an unrecognised shape %j', (value, message) => {
    const result = parseClaimPolygons(value);
    expect(codes(result.problems)).toEqual([P.unrecognised]);
    expect(result.problems[0]?.message).toMatch(message);
  });
});

describe('parseClaimPolygons: problems of one claim', () => {
  const broken = parseClaimPolygons(loadOrderFixture('broken-claims.json'));

  it('keeps only the usable claim but counts every polygon', () => {
    expect(broken.claims.map((c) => c.name)).toEqual(['GE 1']);
    expect(broken.polygonCount).toBe(10);
    expect(broken.warnings).toEqual([]);
  });

  it.each([
    ['GE 2', P.selfIntersection, /^Claim 'GE 2' is self-intersecting: its outer ring crosses or touches itself near -?\d/],
    ['GE 3', P.geometryType, /^Claim 'GE 3' is a LineString; only Polygon or MultiPolygon claims can be fulfilled$/],
    ['GE 4', P.geometryNull, /^Claim 'GE 4' has no geometry \(null\)$/],
    ['GE 5', P.projected, /^Claim 'GE 5' looks like projected coordinates \(metres\), expected longitude\/latitude \(first position 560000, 4520000\)$/],
    ['GE 6', P.coordinateInvalid, /^Claim 'GE 6' has an invalid coordinate value \(null\) at outer ring, position 2$/],
    ['GE 7', P.swapped, /^Claim 'GE 7' looks like it has latitude, longitude swapped \(first position 40\.\d+, -116\.\d+\)/],
    ['GE 8', P.ringTooShort, /^Claim 'GE 8': outer ring has only 3 positions after closing; a ring needs at least 4$/],
    ['GE 9', P.coordinatesEmpty, /^Claim 'GE 9' has empty coordinates/],
    ['GE 10', P.coordinateInvalid, /^Claim 'GE 10' has an invalid coordinate value \(the text "-116.28"\) at outer ring, position 3$/],
  ])('%s: %s', (claim, code, message) => {
    const problem = broken.problems.find((p) => p.claim === claim);
    expect(problem?.code).toBe(code);
    expect(problem?.message).toMatch(message);
  });

  it('reports exactly one problem per broken claim', () => {
    expect(broken.problems.map((p) => p.claim)).toEqual(['GE 2', 'GE 3', 'GE 4', 'GE 5', 'GE 6', 'GE 7', 'GE 8', 'GE 9', 'GE 10']);
  });

  it.each([
    ['NaN', Number.NaN, 'NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'Infinity'],
    ['undefined', undefined, 'missing'],
    ['an object', { lon: 1 }, 'an object'],
  ])('rejects a %s coordinate value and names the claim', (_label, bad, shown) => {
    const ring = [[-116.3, 40.8], [-116.297, bad], [-116.297, 40.803], [-116.3, 40.803], [-116.3, 40.8]];
    const result = parseClaimPolygons([feature('GE 4', polygon(ring))]);
    expect(result.claims).toEqual([]);
    expect(result.problems).toEqual([
      { code: P.coordinateInvalid, message: `Claim 'GE 4' has an invalid coordinate value (${shown}) at outer ring, position 2`, claim: 'GE 4' },
    ]);
  });

  it('rejects a position that is not a pair of numbers', () => {
    const result = parseClaimPolygons([feature('GE 4', polygon([[-116.3, 40.8], null, [-116.297, 40.803], [-116.3, 40.8]]))]);
    expect(result.problems[0]?.message).toBe("Claim 'GE 4' has an invalid position at outer ring, position 2: null instead of [longitude, latitude]");
  });

  it('rejects coordinates just outside the lon/lat range without calling them metres', () => {
    const result = parseClaimPolygons([feature('X', polygon([[181, 40], [181.1, 40], [181.1, 40.1], [181, 40]]))]);
    expect(result.problems[0]).toMatchObject({ code: P.outOfRange, claim: 'X' });
  });

  it('rejects a Feature of another geometry type, a list entry that is not a Feature, and bad coordinates lists', () => {
    const result = parseClaimPolygons([
      feature('P 1', { type: 'Point', coordinates: [-116, 40] }),
      null,
      feature('P 3', { type: 'Polygon', coordinates: 'x' }),
      feature('P 4', { type: 'MultiPolygon', coordinates: [[RING], []] }),
      feature('P 5', 'POLYGON((0 0, 1 0, 1 1, 0 0))'),
    ]);
    expect(result.problems.map((p) => [p.code, p.claim])).toEqual([
      [P.geometryType, 'P 1'],
      [P.entryUnrecognised, 'Claim 2'],
      [P.geometryInvalid, 'P 3'],
      [P.coordinatesEmpty, 'P 4'],
      [P.geometryInvalid, 'P 5'],
    ]);
    expect(result.problems[0]?.message).toBe("Claim 'P 1' is a Point; only Polygon or MultiPolygon claims can be fulfilled");
    expect(result.problems[1]?.message).toBe('Claim 2 is not a GeoJSON Feature or claim record (got null)');
    expect(result.problems[3]?.message).toBe("Claim 'P 4': part 2 has empty coordinates");
    expect(result.polygonCount).toBe(6); // P 4's two parts count twice
  });
});

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
    const square = (side: number): Position[] =>
      ([[0, 0], [side, 0], [side, side], [0, side], [0, 0]] as Position[]).map(
        ([e, n]) => proj4(UTM_11_NAD83, 'EPSG:4326', [560000 + e, 4520000 + n]) as Position,
      );
    const big = square(1609.344);
    const small = square(10);
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
