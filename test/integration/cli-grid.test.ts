/** `grid` and `validate`: the CLI over the shared grid tool, monument rules and layout validation. */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-runner';
import { utmConverter } from '../../shared/geo/utm';
import { makeTempDir } from '../helpers/temp-dir';

interface Feature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}
interface Report {
  claims: number;
  problems: { claim: string | null; code: string; message: string }[];
  warnings: { claim: string | null; code: string; message: string }[];
}

async function grid(args: string[]): Promise<Feature[]> {
  const result = await cli(['grid', ...args, '--geojson']);
  expect(result.code, result.stderr).toBe(0);
  const collection = JSON.parse(result.stdout) as { type: string; features: Feature[] };
  expect(collection.type).toBe('FeatureCollection');
  return collection.features;
}

const count = (features: Feature[], type: string, kind?: string) =>
  features.filter((f) => f.geometry.type === type && (kind === undefined || f.properties.kind === kind)).length;

describe('CLI grid', () => {
  it('prints one polygon per claim and the monuments of a Nevada lode block', async () => {
    const features = await grid(['--lat', '40.93', '--lon', '-116.34', '--rows', '2', '--cols', '3', '--azimuth', '330', '--prefix', 'LYNN']);
    const polygons = features.filter((f) => f.geometry.type === 'Polygon');
    expect(polygons.map((f) => f.properties.name)).toEqual(['LYNN 1', 'LYNN 2', 'LYNN 3', 'LYNN 4', 'LYNN 5', 'LYNN 6']);
    const ring = (polygons[0]!.geometry.coordinates as number[][][])[0]!;
    expect(ring).toHaveLength(5); // closed lon/lat ring
    expect(ring[0]).toEqual(ring[4]);
    expect(count(features, 'Point', 'discovery')).toBe(6);
    expect(count(features, 'Point')).toBe(6); // Nevada: no side or end centre monuments
    const names = new Set(polygons.map((f) => f.properties.name));
    for (const point of features.filter((f) => f.geometry.type === 'Point')) expect(names.has(point.properties.claim as string)).toBe(true);
  });

  it('anchors the NW corner on --lat/--lon in the anchor\'s own UTM zone', async () => {
    const features = await grid(['--lat', '42.49', '--lon', '-108.76', '--rows', '1', '--cols', '1']);
    const ring = (features[0]!.geometry.coordinates as [number, number][][])[0]!;
    const { toUtm } = utmConverter(26912);
    const anchor = toUtm([-108.76, 42.49]);
    const nearest = Math.min(...ring.map((p) => Math.hypot(toUtm(p)[0] - anchor[0], toUtm(p)[1] - anchor[1])));
    expect(nearest).toBeLessThan(0.001);
  });

  it('follows the state rules: side line centres in Wyoming, end line centres in Arizona, location monuments in Idaho', async () => {
    const wy = await grid(['--lat', '42.49', '--lon', '-108.76', '--rows', '2', '--cols', '2']);
    expect([count(wy, 'Polygon'), count(wy, 'Point', 'discovery'), count(wy, 'Point', 'sideline')]).toEqual([4, 4, 8]);
    const az = await grid(['--lat', '35.04', '--lon', '-114.36', '--rows', '1', '--cols', '3', '--anchor', 'center']);
    expect([count(az, 'Point', 'discovery'), count(az, 'Point', 'endline')]).toEqual([3, 6]);
    const id = await grid(['--lat', '44.39', '--lon', '-114.33', '--rows', '1', '--cols', '2']);
    // The location monument is a corner post; each lode still marks its discovery point (43 CFR 3832.12).
    expect([count(id, 'Point', 'location'), count(id, 'Point', 'discovery')]).toEqual([2, 2]);
    // --state overrides the state found at the anchor.
    const asNv = await grid(['--lat', '44.39', '--lon', '-114.33', '--rows', '1', '--cols', '2', '--state', 'nv']);
    expect(count(asNv, 'Point', 'discovery')).toBe(2);
    const placer = await grid(['--lat', '65.07', '--lon', '-147.46', '--rows', '2', '--cols', '2', '--type', 'placer']);
    expect(count(placer, 'Polygon', 'placer')).toBe(4);
  });

  it('exits 2 on bad usage', async () => {
    for (const args of [
      ['grid', '--lon', '-116', '--rows', '1', '--cols', '1'],
      ['grid', '--lat', '40', '--lon', '-116', '--rows', '0', '--cols', '1'],
      ['grid', '--lat', '40', '--lon', '-116', '--rows', '1', '--cols', '1', '--type', 'mill'],
      ['grid', '--lat', '40', '--lon', '-116', '--rows', '1', '--cols', '1', '--anchor', 'se'],
      ['grid', '--lat', '40', '--lon', '-116', '--rows', '1', '--cols', '1', '--state', 'XX'],
      ['grid', '--lat', 'north', '--lon', '-116', '--rows', '1', '--cols', '1'],
      ['validate'],
      ['validate', 'a.geojson', 'b.geojson'],
    ]) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
    }
  });
});

describe('CLI validate', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const file = (name: string, content: unknown) => {
    const path = join(temp.dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const validate = async (path: string) => {
    const result = await cli(['validate', path, '--json']);
    return { ...result, report: result.stdout ? (JSON.parse(result.stdout) as Report) : null };
  };

  beforeAll(() => {
    temp = makeTempDir();
  });
  afterAll(() => temp.cleanup());

  it('passes a clean grid (monument points in the file are not claims)', async () => {
    const features = await grid(['--lat', '40.93', '--lon', '-116.34', '--rows', '3', '--cols', '4', '--azimuth', '15']);
    const { code, report, stderr } = await validate(file('clean.geojson', { type: 'FeatureCollection', features }));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(report).toEqual({ claims: 12, problems: [], warnings: [] });
    // A bare list of features is read too.
    expect((await validate(file('list.geojson', features))).code).toBe(0);
  });

  it('exits 1 on overlapping claims and names them', async () => {
    const a = await grid(['--lat', '40.93', '--lon', '-116.34', '--rows', '1', '--cols', '2', '--prefix', 'A']);
    const b = await grid(['--lat', '40.93', '--lon', '-116.339', '--rows', '1', '--cols', '2', '--prefix', 'B']);
    const { code, report } = await validate(file('overlap.geojson', { type: 'FeatureCollection', features: [...a, ...b] }));
    expect(code).toBe(1);
    const overlaps = report!.problems.filter((p) => p.code === 'overlap');
    expect(overlaps.length).toBeGreaterThan(0);
    expect(overlaps.every((p) => typeof p.claim === 'string' && /^[AB] \d$/.test(p.claim))).toBe(true);
  });

  it('exits 1 on an oversized lode claim', async () => {
    // 2,000 × 600 ft, north-south, laid out in UTM zone 11 and written as lon/lat.
    const { toUtm, toLonLat } = utmConverter(26911);
    const [e, n] = toUtm([-116.34, 40.93]);
    const ft = 0.3048;
    const ring = [[e, n], [e + 600 * ft, n], [e + 600 * ft, n + 2000 * ft], [e, n + 2000 * ft], [e, n]].map(([x, y]) => toLonLat([x!, y!]));
    const feature = { type: 'Feature', properties: { name: 'BIG 1' }, geometry: { type: 'Polygon', coordinates: [ring] } };
    const { code, report } = await validate(file('big.geojson', { type: 'FeatureCollection', features: [feature] }));
    expect(code).toBe(1);
    expect(report!.claims).toBe(1);
    expect(report!.problems).toContainEqual(expect.objectContaining({ claim: 'BIG 1', code: 'lode_too_long' }));
  });

  it('exits 2 when the file cannot be read, with the reason on stderr and, with --json, in the one document on stdout', async () => {
    for (const path of [join(temp.dir, 'missing.geojson'), file('broken.geojson', '{"type": "FeatureCollection", "features": ['), file('other.json', { hello: 'world' })]) {
      const result = await cli(['validate', path, '--json']);
      expect(result.code, path).toBe(2);
      expect(JSON.parse(result.stdout)).toEqual({ error: { code: 'unreadable-file', message: expect.stringContaining(path) } });
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect((await cli(['validate', path])).stdout).toBe('');
    }
  });

  it('prints only GeoJSON on stdout through `npx claimdesk`, with negative longitudes as plain arguments', async () => {
    const { stdout } = await promisify(execFile)(
      'npx',
      ['claimdesk', 'grid', '--lat', '40.93', '--lon', '-116.34', '--rows', '1', '--cols', '2', '--geojson'],
      { cwd: process.cwd() },
    );
    const collection = JSON.parse(stdout) as { features: Feature[] };
    expect(count(collection.features, 'Polygon')).toBe(2);
    expect(count(collection.features, 'Point', 'discovery')).toBe(2);
  }, 90_000); // npm itself starts slowly on a busy machine
});
