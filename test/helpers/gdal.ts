/**
 * GDAL as the reader of our GeoPDFs: `gdalinfo -json` on one page of a PDF (GDAL opens page N as
 * "PDF:N:file"), and the pixel arithmetic GDAL itself uses at its default 150 dpi.
 */
import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import { sheetProjection } from '../../core/documents/pdf/map-sheet.pdf';
import type { MapPage } from '../../shared/documents/map-sheets';
import type { Utm } from '../../shared/geo/utm';
import { INCH } from '../../core/documents/pdf/pdf-kit';

export const GDAL_PDF_DPI = 150;

export interface GdalPage {
  /** [originE, pixelW, rotX, originN, rotY, pixelH]; null when the page carries no georeference. */
  geoTransform: number[] | null;
  wkt: string;
  size: [number, number];
}

export function gdalPage(file: string, page: number): GdalPage {
  const json = execFileSync('gdalinfo', ['-json', `PDF:${page}:${file}`], { encoding: 'utf8', maxBuffer: 16 << 20 });
  const info = JSON.parse(json) as { geoTransform?: number[]; coordinateSystem?: { wkt: string }; size: [number, number] };
  return { geoTransform: info.geoTransform ?? null, wkt: info.coordinateSystem?.wkt ?? '', size: info.size };
}

/** A point on the page (PDF points, origin bottom-left) in GDAL's pixel grid (origin top-left). */
export function pointToPixel(point: readonly [number, number], pageHeightPt: number): [number, number] {
  const k = GDAL_PDF_DPI / INCH;
  return [point[0] * k, (pageHeightPt - point[1]) * k];
}

export function applyGeoTransform(gt: readonly number[], pixel: readonly [number, number]): Utm {
  const [px, py] = pixel;
  return [gt[0]! + px * gt[1]! + py * gt[2]!, gt[3]! + px * gt[4]! + py * gt[5]!];
}

/**
 * Where the drawing puts a grid point on a sheet (the same projection map-sheet.pdf.ts draws with), read back
 * through GDAL's geotransform of that page: the distance in metres between the two.
 */
export function roundTripMetres(file: string, sheet: Extract<MapPage, { kind: 'map' | 'index' }>, utm: Utm): number {
  const proj = sheetProjection(sheet);
  const info = gdalPage(file, sheet.number);
  expect(info.geoTransform, `page ${sheet.number} has a geotransform`).not.toBeNull();
  const back = applyGeoTransform(info.geoTransform!, pointToPixel(proj.toPaper(utm), sheet.layout.pageIn[1] * INCH));
  return Math.hypot(back[0] - utm[0], back[1] - utm[1]);
}
