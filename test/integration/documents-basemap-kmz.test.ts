/**
 * What the offline basemap and the field-unit settings do to a package: the raster basemap printed under the
 * field map (rendered with pdftoppm: coloured terrain under the claims, the file's attribution on the sheet),
 * not under the claim map unless asked, reported when it cannot be printed; the KMZ with the claim map laid on
 * the ground where the GeoPDF says it lies; waypoint names cut to the configured length.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTileArchive } from '../../core/basemap/open-archive';
import type { TileArchive } from '../../core/basemap/tile-archive';
import type { RenderContext, RenderResult } from '../../core/documents/document.types';
import { findResourcesDir, loadFontBytes } from '../../core/documents/fonts';
import { runPackageTask } from '../../core/documents/package-task';
import { planMapDocument, renderClaimMap, renderFieldMap } from '../../core/documents/pdf/claim-map.pdf';
import { sheetProjection, type DrawnPage } from '../../core/documents/pdf/map-sheet.pdf';
import { DEFAULT_MAP_SETTINGS } from '../../shared/basemap/map-settings';
import { ringCentroid } from '../../shared/documents/map-geometry';
import type { PackageModel } from '../../shared/documents/package-model.types';
import { gdalPage, pointToPixel } from '../helpers/gdal';
import { samplePackageModel, samplePackageSource, STATE_SPOTS } from '../helpers/package-fixtures';
import { pixelsNear } from '../helpers/pdf-pixels';
import { textRuns } from '../helpers/pdf-text-runs';
import { makeTempDir } from '../helpers/temp-dir';
import { writeBasemapFixtures, type BasemapFixtures } from '../helpers/tile-fixtures';
import { INCH } from '../../core/documents/pdf/pdf-kit';
import { utmConverter } from '../../shared/geo/utm';

const [LON, LAT] = STATE_SPOTS.NV!.lonLat;

let temp: { dir: string; cleanup: () => void };
let files: BasemapFixtures;
let raster: TileArchive;
let base: RenderContext;

beforeAll(async () => {
  temp = makeTempDir('claimdesk-basemap-pdf-');
  files = writeBasemapFixtures(temp.dir, [LON - 0.025, LAT - 0.03, LON + 0.025, LAT + 0.02], [12, 17]);
  raster = await openTileArchive(files.rasterMbtiles);
  base = { fonts: loadFontBytes(findResourcesDir()), feeSchedule: null as unknown as RenderContext['feeSchedule'] };
});
afterAll(async () => {
  await raster.close();
  temp.cleanup();
});

function save(name: string, result: RenderResult): string {
  const file = join(temp.dir, `${name}.pdf`);
  writeFileSync(file, result.document.bytes);
  return file;
}

/** Pixels inside the first claim, between its centroid and Corner 1 (clear of the name and the corner labels). */
function underFirstClaim(file: string, model: PackageModel, document: 'claim-map' | 'field-map'): number[][] {
  const sheet = planMapDocument(model, document).plan.pages[0] as DrawnPage;
  const claim = model.claims[0]!;
  const centre = ringCentroid(claim.corners.map((c) => c.utm));
  const corner = claim.corners.find((c) => c.number === 1)!.utm;
  const inside: [number, number] = [centre[0] + (corner[0] - centre[0]) * 0.6, centre[1] + (corner[1] - centre[1]) * 0.6];
  return pixelsNear(file, 1, pointToPixel(sheetProjection(sheet).toPaper(inside), sheet.layout.pageIn[1] * INCH), 6);
}

/** Tan terrain, not paper or the grey claim fill: red clearly above blue. */
const coloured = (px: number[][]): number => px.filter(([r, , b]) => r! - b! > 25).length / px.length;

describe('raster basemap on the printed maps', () => {
  it('field map: terrain under the claims, the attribution printed, the georeference kept', async () => {
    const model = samplePackageModel({ state: 'NV', rows: 2, cols: 4 });
    const result = await renderFieldMap(model, { ...base, basemap: { archive: raster, print: 'field-map' } });
    expect(result.problems).toEqual([]);
    const file = save('field-basemap', result);
    const under = underFirstClaim(file, model, 'field-map');
    expect(under.some(([r, g, b]) => r! < 250 || g! < 250 || b! < 250)).toBe(true);
    expect(coloured(under)).toBeGreaterThan(0.5);
    expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' })).toContain('Basemap: Test topo — © Test Survey');
    expect(gdalPage(file, 1).wkt).toContain('NAD83 / UTM zone 11N');
    // A picture to look at, kept with the run's results; the folder may not exist yet in a fresh clone.
    const pictures = join(process.cwd(), 'test-results', 'documents');
    mkdirSync(pictures, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(pictures, 'field-map-NV-basemap')]);

    // The same map without a basemap: paper and grey fill only, no colour at all.
    const plain = save('field-plain', await renderFieldMap(model, base));
    expect(coloured(underFirstClaim(plain, model, 'field-map'))).toBe(0);
  });

  it('claim map only when asked for both; PMTiles prints the same', async () => {
    const model = samplePackageModel({ state: 'AZ', rows: 2, cols: 2 });
    const spot = STATE_SPOTS.AZ!.lonLat;
    const azDir = join(temp.dir, 'az');
    mkdirSync(azDir);
    const az = writeBasemapFixtures(azDir, [spot[0] - 0.02, spot[1] - 0.02, spot[0] + 0.02, spot[1] + 0.02], [12, 16]);
    const pm = await openTileArchive(az.rasterPmtiles);
    try {
      const fieldOnly = save('claim-fieldonly', await renderClaimMap(model, { ...base, basemap: { archive: pm, print: 'field-map' } }));
      expect(coloured(underFirstClaim(fieldOnly, model, 'claim-map'))).toBe(0);
      const both = save('claim-both', await renderClaimMap(model, { ...base, basemap: { archive: pm, print: 'both' } }));
      expect(coloured(underFirstClaim(both, model, 'claim-map'))).toBeGreaterThan(0.5);
      // The claim map is recorded: its basemap credit obeys the ten-point rule like every other run on it.
      const runs = await textRuns(readFileSync(both));
      expect(runs.some((run) => run.text.startsWith('Basemap:'))).toBe(true);
      expect(runs.filter((run) => run.size < 10 - 0.01)).toEqual([]);
    } finally {
      await pm.close();
    }
  });

  it('a basemap that does not cover the claims, or holds vector tiles, is reported and left off', async () => {
    const model = samplePackageModel({ state: 'WY', rows: 1, cols: 2 });
    const elsewhere = await renderFieldMap(model, { ...base, basemap: { archive: raster, print: 'field-map' } });
    expect(elsewhere.problems.map((p) => p.message)).toEqual(['The basemap Test topo does not cover sheet 1; printed without it there.']);
    expect(execFileSync('pdftotext', [save('wy', elsewhere), '-'], { encoding: 'utf8' })).not.toContain('Basemap:');
    const vector = await openTileArchive(files.vectorMbtiles);
    try {
      const result = await renderFieldMap(samplePackageModel({ state: 'NV' }), { ...base, basemap: { archive: vector, print: 'field-map' } });
      expect(result.problems.map((p) => p.message).join()).toMatch(/Test vector holds vector tiles; only PNG or JPEG raster basemaps can be printed/);
    } finally {
      await vector.close();
    }
  });
});

describe('package with the map settings', () => {
  const parser = new XMLParser({ ignoreAttributes: false });
  const task = (maps: Partial<typeof DEFAULT_MAP_SETTINGS>) => ({
    source: samplePackageSource({ state: 'NV', rows: 2, cols: 4, prefix: 'GOLDEN EAGLE EXTENSION' }),
    preparedOn: '2026-11-22',
    generatedAt: '2026-11-22T12:00:00.000Z',
    generator: { name: 'ClaimDesk', version: 'test' },
    resourcesDir: findResourcesDir(),
    maps: { ...DEFAULT_MAP_SETTINGS, ...maps },
  });
  const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

  it('KMZ: doc.kml with the claims, posts and the claim map as a ground overlay where the GeoPDF puts it', async () => {
    const generated = await runPackageTask(task({ writeKmz: true, basemapFile: files.rasterMbtiles }));
    const names = generated.files.map((f) => f.name);
    expect(names).toContain('claims.kmz');
    expect(generated.manifest.files.find((f) => f.name === 'claims.kmz')?.kind).toBe('kmz');
    const zip = unzipSync(generated.files.find((f) => f.name === 'claims.kmz')!.bytes);
    expect(Object.keys(zip)[0]).toBe('doc.kml');
    const kml = parser.parse(text(zip['doc.kml']!)) as { kml: { Document: { Folder: { name: string; Placemark?: unknown[]; GroundOverlay?: { Icon: { href: string }; 'gx:LatLonQuad': { coordinates: string } } }[] } } };
    const folders = kml.kml.Document.Folder;
    expect(folders.map((f) => f.name)).toEqual(['Claims', 'Posts (staking order)', 'Claim map']);
    const overlay = folders[2]!.GroundOverlay!;
    const png = zip[overlay.Icon.href]!;
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    // The overlay's corners are the claim map's frame corners: GDAL's reading of the GeoPDF agrees within a metre.
    const claimMap = join(temp.dir, 'package-claim-map.pdf');
    writeFileSync(claimMap, generated.files.find((f) => f.name === 'claim-map.pdf')!.bytes);
    const gt = gdalPage(claimMap, 1).geoTransform!;
    const model = samplePackageModel({ state: 'NV', rows: 2, cols: 4, prefix: 'GOLDEN EAGLE EXTENSION' });
    const sheet = planMapDocument(model, 'claim-map').plan.pages[0] as DrawnPage;
    const frame = sheetProjection(sheet).frame;
    const [ulx, uly] = pointToPixel([frame.x, frame.y + frame.h], sheet.layout.pageIn[1] * INCH);
    const upperLeft = [gt[0]! + ulx * gt[1]!, gt[3]! + uly * gt[5]!];
    const quad = overlay['gx:LatLonQuad'].coordinates.split(' ').map((c) => c.split(',').map(Number));
    const kmzUpperLeft = utmConverter(model.epsg).toUtm([quad[3]![0]!, quad[3]![1]!]);
    expect(Math.hypot(kmzUpperLeft[0] - upperLeft[0]!, kmzUpperLeft[1] - upperLeft[1]!)).toBeLessThan(1);
  });

  it('waypoint names: 10 characters by default, longer when the setting allows; no KMZ unless asked', async () => {
    const short = await runPackageTask(task({}));
    expect(short.files.map((f) => f.name)).not.toContain('claims.kmz');
    const gpx = text(short.files.find((f) => f.name === 'waypoints.gpx')!.bytes);
    const names = [...gpx.matchAll(/<wpt [^>]*>\s*<name>([^<]*)<\/name>/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(10);
    expect(names.every((n) => n.length <= 10)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    const kmlNames = [...text(short.files.find((f) => f.name === 'claims.kml')!.bytes).matchAll(/<Placemark>\s*<name>(P\d+[^<]*)<\/name>/g)].map((m) => m[1]!);
    expect(kmlNames).toEqual(names);

    const long = await runPackageTask(task({ waypointNameMax: 30 }));
    const longNames = [...text(long.files.find((f) => f.name === 'waypoints.gpx')!.bytes).matchAll(/<wpt [^>]*>\s*<name>([^<]*)<\/name>/g)].map((m) => m[1]!);
    expect(Math.max(...longNames.map((n) => n.length))).toBeGreaterThan(10);
    expect(longNames.every((n) => n.length <= 30)).toBe(true);
  });
});
