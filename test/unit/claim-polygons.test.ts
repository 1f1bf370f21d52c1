import { describe, expect, it } from 'vitest';
import { parseClaimPolygons } from '../../shared/geometry/claim-polygons';
import { CLAIM_PROBLEM_CODES as P, CLAIM_WARNING_CODES as W } from '../../shared/geometry/claim-issue-codes';
import { codes, feature, lodeRing, polygon, RING } from '../fixtures/orders/claim-builders';
import { loadOrderFixture } from '../fixtures/orders/load-order-fixture';

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
