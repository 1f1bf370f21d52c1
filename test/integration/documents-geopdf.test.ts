/**
 * The claim and field maps as GeoPDFs, read by GDAL (`gdalinfo`, Debian's gdal-bin): every sheet with a map
 * frame reports the job's NAD83 / UTM CRS and a north-up geotransform, and Corner 1 of the first claim, taken
 * where the drawing puts it, maps back to its coordinates within a metre — on a single sheet and on a tiled
 * map (index and map sheets). pdftoppm at GDAL's 150 dpi confirms the corner post is really drawn there.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findResourcesDir, loadFontBytes } from '../../core/documents/fonts';
import { planMapDocument, renderClaimMap, renderFieldMap } from '../../core/documents/pdf/claim-map.pdf';
import type { RenderContext } from '../../core/documents/document.types';
import type { PackageModel } from '../../shared/documents/package-model.types';
import type { MapPage } from '../../shared/documents/map-sheets';
import { INCH } from '../../core/documents/pdf/pdf-kit';
import { sheetProjection } from '../../core/documents/pdf/map-sheet.pdf';
import { gdalPage, pointToPixel, roundTripMetres } from '../helpers/gdal';
import { pixelsNear } from '../helpers/pdf-pixels';
import { samplePackageModel } from '../helpers/package-fixtures';
import { makeTempDir } from '../helpers/temp-dir';

let context: RenderContext;
let temp: { dir: string; cleanup: () => void };

beforeAll(() => {
  context = { fonts: loadFontBytes(findResourcesDir()), feeSchedule: null as unknown as RenderContext['feeSchedule'] };
  temp = makeTempDir('claimdesk-geopdf-');
});
afterAll(() => temp.cleanup());

type FramedPage = Extract<MapPage, { kind: 'map' | 'index' }>;

function corner1(model: PackageModel): [number, number] {
  const corner = model.claims[0]!.corners.find((c) => c.number === 1)!;
  return corner.utm;
}

function expectNad83Utm(wkt: string, zone: number): void {
  expect(wkt).toContain(`NAD83 / UTM zone ${zone}N`);
  expect(wkt).toContain(`ID["EPSG",${26900 + zone}]`);
}

/** The grey level (0 black … 255 white) of the darkest pixel within 3 px of a pixel, at 150 dpi. */
function darkestNear(file: string, page: number, pixel: [number, number]): number {
  return Math.min(...pixelsNear(file, page, pixel, 3, { grey: true }).map(([v]) => v!));
}

describe('GeoPDF registration read by GDAL', () => {
  it('single-sheet claim map: CRS, geotransform and Corner 1 round trip; the post is drawn there', async () => {
    const model = samplePackageModel({ state: 'NV', rows: 2, cols: 4 });
    const file = join(temp.dir, 'claim-map.pdf');
    writeFileSync(file, (await renderClaimMap(model, context)).document.bytes);
    const { plan } = planMapDocument(model, 'claim-map');
    expect(plan.tiled).toBe(false);
    const sheet = plan.pages[0] as FramedPage;

    const info = gdalPage(file, 1);
    expectNad83Utm(info.wkt, model.utmZone);
    const gt = info.geoTransform!;
    // North up, square pixels: at 1 in = 500 ft and 150 dpi a pixel is 500 × 0.3048 / 150 ≈ 1.016 m (× k).
    expect(gt[2]).toBe(0);
    expect(gt[4]).toBe(0);
    expect(gt[1]).toBeCloseTo(1.016, 2);
    expect(gt[5]).toBeCloseTo(-gt[1]!, 6);
    expect(info.size).toEqual([Math.round(8.5 * 150), 14 * 150]);
    // gdalinfo on the file itself (not just page 1) names the CRS too: what a user types first.
    expect(execFileSync('gdalinfo', [file], { encoding: 'utf8' })).toContain('NAD83 / UTM zone 11N');

    const utm = corner1(model);
    expect(roundTripMetres(file, sheet, utm)).toBeLessThan(1);
    const proj = sheetProjection(sheet);
    expect(darkestNear(file, 1, pointToPixel(proj.toPaper(utm), sheet.layout.pageIn[1] * INCH))).toBeLessThan(60);
    // And a far corner of the frame: the whole sheet is registered, not only its centre.
    const farCorner: [number, number] = [proj.window.maxE - 1, proj.window.minN + 1];
    expect(roundTripMetres(file, sheet, farCorner)).toBeLessThan(1);
  });

  it('tiled map: the index and every map sheet are registered; Corner 1 round trips on its sheet and the index', async () => {
    // 3 × 6 lode claims do not fit one Nevada sheet at 1 in = 500 ft: an index and four map sheets.
    const model = samplePackageModel({ state: 'NV', rows: 3, cols: 6 });
    const file = join(temp.dir, 'claim-map-tiled.pdf');
    const result = await renderClaimMap(model, context);
    writeFileSync(file, result.document.bytes);
    const { plan } = planMapDocument(model, 'claim-map');
    expect(plan.tiled).toBe(true);
    expect(plan.pages.filter((p) => p.kind === 'map').length).toBeGreaterThan(1);
    const framed = plan.pages.filter((p): p is FramedPage => p.kind !== 'table');
    for (const page of framed) {
      const info = gdalPage(file, page.number);
      expect(info.geoTransform, `sheet ${page.number}`).not.toBeNull();
      expectNad83Utm(info.wkt, model.utmZone);
    }
    for (const page of plan.pages.filter((p) => p.kind === 'table')) expect(gdalPage(file, page.number).geoTransform).toBeNull();

    const utm = corner1(model);
    const first = model.claims[0]!.id;
    const sheet = framed.find((p) => p.kind === 'map' && p.claimIds.includes(first) && utm[0] > p.window.minE && utm[0] < p.window.maxE && utm[1] > p.window.minN && utm[1] < p.window.maxN)!;
    expect(sheet).toBeDefined();
    expect(roundTripMetres(file, sheet, utm)).toBeLessThan(1);
    // The index is drawn at a coarser scale; its registration must be just as exact.
    expect(roundTripMetres(file, framed[0]!, utm)).toBeLessThan(1);
  });

  it('field map sheets are registered the same way', async () => {
    const model = samplePackageModel({ state: 'AZ', rows: 2, cols: 3 });
    const file = join(temp.dir, 'field-map.pdf');
    writeFileSync(file, (await renderFieldMap(model, context)).document.bytes);
    const { plan } = planMapDocument(model, 'field-map');
    const sheet = plan.pages.find((p): p is FramedPage => p.kind === 'map')!;
    expectNad83Utm(gdalPage(file, sheet.number).wkt, model.utmZone);
    expect(roundTripMetres(file, sheet, corner1(model))).toBeLessThan(1);
  });
});
