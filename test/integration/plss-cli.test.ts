/**
 * The PLSS end to end through the CLI over a real cache: a synthetic CadNSDI township (36 sections numbered
 * serpentine from the north-east, quarter-quarters, lots in section 6) imported as GeoJSON, as a zipped shapefile
 * in UTM (GDAL writes its .prj: the import must reproject) and as a GeoPackage; lookups at known points; describe
 * on a claim straddling two sections; a bad file that leaves the data in force; a re-import that replaces it.
 */
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utmConverter } from '../../shared/geo/utm';
import { cli } from '../helpers/cli-runner';
import { makeTempDir } from '../helpers/temp-dir';
import {
  FIXTURE_DATE,
  FIXTURE_EPSG,
  MILE_M,
  T39N_R55E,
  quarterQuarterBox,
  quarterQuarterCentre,
  sectionCell,
  writeFixtureGeoJson,
  writeFixtureShapefileZip,
} from '../helpers/plss-fixture';

let temp: ReturnType<typeof makeTempDir>;
let geojson: string[];
let zip: string;
let gpkg: string;
let utmGeojson: string[];

const lookup = async (dataDir: string, [lon, lat]: readonly number[]) =>
  cli(['plss', 'lookup', '--lat', String(lat), '--lon', String(lon), '--json', '--data-dir', dataDir]);

/**
 * A 600 × 1,500 ft lode claim (grid feet), long axis north-south, centred on the line between sections 12 and 13.
 * `inset` shrinks each side by that many feet: a package needs the claim within the legal limits on the ground,
 * and ground distances here are 0.03 % longer than grid ones.
 */
function straddlingClaim(inset = 0): string {
  const box = quarterQuarterBox(T39N_R55E, 13, 'NENE'); // its north edge is the 12 | 13 section line
  const northLine = box[1]![1];
  const x = (box[0]![0] + box[2]![0]) / 2;
  const halfW = (300 - inset) * 0.3048;
  const halfL = (750 - inset) * 0.3048;
  const { toLonLat } = utmConverter(FIXTURE_EPSG);
  const ring = [
    [x - halfW, northLine - halfL],
    [x - halfW, northLine + halfL],
    [x + halfW, northLine + halfL],
    [x + halfW, northLine - halfL],
    [x - halfW, northLine - halfL],
  ].map((p) => toLonLat(p as [number, number]));
  const file = join(temp.dir, `straddle-${inset}.geojson`);
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'STRADDLE 1' }, geometry: { type: 'Polygon', coordinates: [ring] } }] }));
  return file;
}

/** GDAL once sat idle for minutes on a loaded machine: a stuck conversion fails the set-up with its name instead. */
const GDAL: ExecFileSyncOptions = { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 };

beforeAll(() => {
  temp = makeTempDir('claimdesk-plss-');
  geojson = writeFixtureGeoJson(temp.dir);
  zip = writeFixtureShapefileZip(temp.dir, geojson);
  // GDAL writes an old-style "crs" member for a projected GeoJSON: the reader must honour it.
  utmGeojson = geojson.map((file) => {
    const out = file.replace(/\.geojson$/, '.utm.geojson');
    execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', `EPSG:${FIXTURE_EPSG}`, out, file], GDAL);
    return out;
  });
  gpkg = join(temp.dir, 'NV_PLSS.gpkg');
  geojson.forEach((file, index) => {
    const layer = file.replace(/^.*[\\/]/, '').replace(/\.geojson$/, '');
    execFileSync('ogr2ogr', ['-f', 'GPKG', ...(index > 0 ? ['-update'] : []), '-t_srs', 'EPSG:4269', gpkg, file, '-nln', layer], GDAL);
  });
});
afterAll(() => temp.cleanup());

describe.each([
  ['GeoJSON', () => geojson],
  ['GeoJSON in UTM with a crs member', () => utmGeojson],
  ['a zipped shapefile in UTM', () => [zip]],
  ['a GeoPackage', () => [gpkg]],
])('plss import of %s', (_kind, files) => {
  const dataDir = () => join(temp.dir, `cache-${_kind.replace(/\W+/g, '-')}`);

  it('imports the township, its 36 sections and 576 second-division parts', async () => {
    const result = await cli(['plss', 'import', ...files(), '--json', '--data-dir', dataDir()]);
    expect(result.stderr).not.toContain('claimdesk:');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { layers: { state: string; layer: string; features: number; data_date: string }[]; skipped: number };
    const byLayer = Object.fromEntries(report.layers.map((l) => [l.layer, l]));
    expect(byLayer['township']).toMatchObject({ state: 'NV', features: 1, data_date: FIXTURE_DATE });
    expect(byLayer['section']).toMatchObject({ state: 'NV', features: 36, data_date: FIXTURE_DATE });
    expect(byLayer['second']).toMatchObject({ state: 'NV', features: 576, data_date: FIXTURE_DATE });
    expect(report.skipped).toBe(0);
  });

  it('answers the issue’s JSON at known points, serpentine section numbers included', async () => {
    const nene12 = await lookup(dataDir(), quarterQuarterCentre(T39N_R55E, 12, 'NENE'));
    expect(nene12.code).toBe(0);
    expect(JSON.parse(nene12.stdout)).toEqual({
      state: 'NV', meridian: 'Mount Diablo Meridian', meridian_code: '21', township: '39N', range: '55E', section: 12, aliquot: 'NENE', lot: null,
    });
    const lot3 = JSON.parse((await lookup(dataDir(), quarterQuarterCentre(T39N_R55E, 6, 'NENW'))).stdout);
    expect(lot3).toMatchObject({ section: 6, aliquot: null, lot: 'L3' });
    expect(JSON.parse((await lookup(dataDir(), quarterQuarterCentre(T39N_R55E, 6, 'SENW'))).stdout)).toMatchObject({ section: 6, aliquot: 'SENW', lot: null });
    // Section 1 at the north-east, 6 at the north-west, 7 under 6, 36 at the south-east.
    for (const [section, row, col] of [[1, 0, 5], [6, 0, 0], [7, 1, 0], [18, 2, 0], [31, 5, 0], [36, 5, 5]] as const) {
      expect(sectionCell(section)).toEqual({ row, col });
      const answer = JSON.parse((await lookup(dataDir(), quarterQuarterCentre(T39N_R55E, section, 'SWSE'))).stdout);
      expect(answer).toMatchObject({ section, aliquot: 'SWSE' });
    }
  });

  it('exits 1 with a reason outside the imported data', async () => {
    const outside = await lookup(dataDir(), [-100, 40]);
    expect(outside.code).toBe(1);
    // --json: the reason is the one document on stdout as well as the line on stderr.
    expect(JSON.parse(outside.stdout)).toEqual({ error: { code: 'outside-plss', message: expect.stringContaining('outside the imported PLSS') } });
    expect(outside.stderr).toContain('outside the imported PLSS');
  });
});

describe('plss describe, the legal description and the tie', () => {
  const dataDir = () => join(temp.dir, 'cache-GeoJSON');

  it('names both sections a straddling claim touches, with the quarter-quarters it covers', async () => {
    const result = await cli(['plss', 'describe', straddlingClaim(), '--json', '--data-dir', dataDir()]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const [claim] = report.claims;
    expect(claim.claim).toBe('STRADDLE 1');
    expect(claim.coverage).toBe('full');
    expect(claim.townships).toHaveLength(1);
    expect(claim.townships[0]).toMatchObject({ state: 'NV', township: '39N', range: '55E', meridian: 'Mount Diablo Meridian' });
    const sections = claim.townships[0].sections;
    expect(sections.map((s: { section: number }) => s.section)).toEqual([12, 13]);
    expect(sections[0].aliquots).toEqual(['SESE']);
    expect(sections[1].aliquots).toEqual(['NENE']);
    // Half the claim each side of the line: 20.66 acres split evenly.
    expect(sections[0].acres).toBeCloseTo(claim.acres / 2, 1);
    expect(report.land_description.text).toBe('T39N R55E, Sec. 12: SE¼SE¼; Sec. 13: NE¼NE¼, Mount Diablo Meridian');
    expect(report.land_description).toMatchObject({ township: 'T39N', range: 'R55E', sections: '12, 13', meridian: 'Mount Diablo Meridian' });
    // A lode within one township: nothing for the PLSS checks to say.
    expect(report.warnings).toEqual([]);
  });

  it('warns, as the Validate step does, when a placer does not follow the aliquot lines', async () => {
    const json = await cli(['plss', 'describe', straddlingClaim(), '--type', 'placer', '--json', '--data-dir', dataDir()]);
    expect(json.code).toBe(0);
    const [warning, ...rest] = JSON.parse(json.stdout).warnings;
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ claim: 'STRADDLE 1', code: 'placer_not_aliquot' });
    // Its corners sit 660 ± 300 ft west of the section corner and 750 ft north or south of it; aliquot corners come
    // every 660 ft: the nearest is 300 ft across and 90 ft along, 313 ft away.
    expect(warning.message).toContain('a corner is 313 ft from the nearest aliquot corner');
    const human = await cli(['plss', 'describe', straddlingClaim(), '--type', 'placer', '--data-dir', dataDir()]);
    expect(human.stdout).toContain("warning  placer_not_aliquot: Placer claim 'STRADDLE 1' does not follow aliquot lines");
  });

  it('ties Corner 1 and the discovery monument to the nearest section corner by true bearing and ground distance', async () => {
    const report = JSON.parse((await cli(['plss', 'describe', straddlingClaim(), '--json', '--data-dir', dataDir()])).stdout);
    const tie = report.claims[0].tie;
    // The claim's centre sits 660 ft west of the corner of sections 12 and 13 on the township's east line (the
    // township east of it, with its sections 7 and 18, was not imported).
    expect(tie.corner.description).toBe('Section corner common to Sections 12 and 13, T39N R55E, Mount Diablo Meridian');
    expect(tie.from_corner_1.bearing).toMatch(/^N \d+°\d\d'\d\d" E$/);
    expect(tie.from_corner_1.distance_ft).toBeGreaterThan(600);
    expect(tie.from_corner_1.distance_ft).toBeLessThan(1_200);
    expect(tie.from_discovery.bearing).toMatch(/^N \d+°\d\d'\d\d" E$/);
    expect(report.land_description.tie.description).toBe(tie.corner.description);
  });

  it('exits 1 when a claim lies outside the imported PLSS', async () => {
    const file = join(temp.dir, 'far.geojson');
    const ring = [[-100, 40], [-100, 40.004], [-99.998, 40.004], [-99.998, 40], [-100, 40]];
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'FAR 1' }, geometry: { type: 'Polygon', coordinates: [ring] } }] }));
    const result = await cli(['plss', 'describe', file, '--json', '--data-dir', dataDir()]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).claims[0].coverage).toBe('none');
  });
});

describe('a package from a layout file', () => {
  const dataDir = () => join(temp.dir, 'cache-GeoJSON');
  const details = (extra: Record<string, unknown> = {}): string => {
    const file = join(temp.dir, `details-${Object.keys(extra).join('-') || 'plain'}.json`);
    writeFileSync(file, JSON.stringify({
      claim_type: 'lode', state: 'NV', date_of_location: '2026-08-15', mining_district: 'Sierra', monument: '4 in x 4 in wooden post, 5 ft',
      locators: [{ name: 'Acme Mining, Inc.', address: ['1 Main St', 'Reno, NV 89501'] }], ...extra,
    }));
    return file;
  };

  it('fills a blank land description and tie from the cache’s PLSS and draws its section lines', async () => {
    const out = join(temp.dir, 'walk-in');
    const result = await cli(['package', '--layout', straddlingClaim(1), '--details', details(), '--out', out, '--data-dir', dataDir(), '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ outcome: 'written', land_description: 'T39N R55E, Sec. 12: SE¼SE¼; Sec. 13: NE¼NE¼, Mount Diablo Meridian', land_description_from: 'plss' });
    const notices = execFileSync('pdftotext', [join(out, 'location-notices.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(notices).toContain('Described as T39N R55E, Sec. 12: SE¼SE¼; Sec. 13: NE¼NE¼, Mount Diablo Meridian.');
    expect(notices).toContain('the reference point, Section corner common to Sections 12 and 13, T39N R55E, Mount Diablo Meridian, bears');
    const map = execFileSync('pdftotext', [join(out, 'claim-map.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(map).toContain(`Section lines (quarter-quarter lines dotted): BLM CadNSDI PLSS for NV, data of ${FIXTURE_DATE}`);
  });

  it('keeps the details’ own land description, and warns when there is none and no PLSS', async () => {
    const own = { meridian: 'Mount Diablo', township: 'T39N', range: 'R55E', sections: '12, 13', aliquot: 'S½SE¼ (12); N½NE¼ (13)' };
    const typed = await cli(['package', '--layout', straddlingClaim(1), '--details', details({ land_description: own }), '--out', join(temp.dir, 'walk-in-typed'), '--data-dir', dataDir(), '--json']);
    expect(JSON.parse(typed.stdout)).toMatchObject({ land_description: 'T39N R55E, Secs. 12, 13: S½SE¼ (12); N½NE¼ (13), Mount Diablo Meridian', land_description_from: 'details' });
    const empty = join(temp.dir, 'no-cache');
    const none = await cli(['package', '--layout', straddlingClaim(1), '--details', details(), '--out', join(temp.dir, 'walk-in-none'), '--data-dir', empty]);
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('warning: No land description: the details give none and no imported PLSS covers the claims');
    // No cache is made just to look for PLSS data.
    expect(existsSync(empty)).toBe(false);
  });
});

describe('a bad file and a re-import', () => {
  const dataDir = () => join(temp.dir, 'cache-GeoJSON');

  it('refuses a file that is not CadNSDI with a clear error and leaves the data in force', async () => {
    const before = (await cli(['plss', 'list', '--json', '--data-dir', dataDir()])).stdout;
    const bad = join(temp.dir, 'parcels.geojson');
    writeFileSync(bad, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { APN: '001-234' }, geometry: { type: 'Polygon', coordinates: [[[-115, 41], [-115, 41.1], [-114.9, 41.1], [-115, 41]]] } }] }));
    const truncated = join(temp.dir, 'broken.geojson');
    writeFileSync(truncated, '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"PLSSID":"NV210390N0550E0"},"geometry":');
    for (const [file, message] of [[bad, 'is not BLM CadNSDI PLSS data'], [truncated, 'is not readable GeoJSON']] as const) {
      // The good sections go first in the same import: they must be rolled back with the bad file.
      const result = await cli(['plss', 'import', geojson[1]!, file, '--data-dir', dataDir()]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('[bad-file]');
    }
    expect((await cli(['plss', 'list', '--json', '--data-dir', dataDir()])).stdout).toBe(before);
    expect(JSON.parse((await lookup(dataDir(), quarterQuarterCentre(T39N_R55E, 12, 'NENE'))).stdout)).toMatchObject({ section: 12, aliquot: 'NENE' });
  });

  it('replaces a state’s layer on re-import and keeps the layers it does not bring', async () => {
    const result = await cli(['plss', 'import', geojson[1]!, '--json', '--data-dir', dataDir()]);
    expect(result.code).toBe(0);
    const layers = JSON.parse((await cli(['plss', 'list', '--json', '--data-dir', dataDir()])).stdout) as { layer: string; features: number; source: string }[];
    expect(layers.map((l) => [l.layer, l.features])).toEqual([['second', 576], ['section', 36], ['township', 1]]);
    expect(layers.find((l) => l.layer === 'section')!.source).toBe('PLSSFirstDivision.geojson');
  });

  it('derives quarter-quarters from a regular section where no second division was imported', async () => {
    const dir = join(temp.dir, 'cache-sections-only');
    expect((await cli(['plss', 'import', geojson[0]!, geojson[1]!, '--data-dir', dir])).code).toBe(0);
    const human = await cli(['plss', 'lookup', '--lat', String(quarterQuarterCentre(T39N_R55E, 12, 'SWNE')[1]), '--lon', String(quarterQuarterCentre(T39N_R55E, 12, 'SWNE')[0]), '--data-dir', dir]);
    expect(human.stdout).toBe('T39N R55E, Sec. 12: SW¼NE¼, Mount Diablo Meridian (NV) — aliquot part derived from the section corners\n');
    expect(MILE_M).toBeGreaterThan(1609);
  });
});
