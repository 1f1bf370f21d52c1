/**
 * The raster basemap printed under a map sheet's drawing, so the field map is a real topo map. Tiles are Web
 * Mercator and the sheet is NAD83 / UTM, grid north up: each tile is placed by the affine map through three of
 * its corners converted to the sheet (over a tile's few hundred metres Mercator → UTM is affine to well under
 * a millimetre on paper), so tiles arrive rotated by the grid convergence exactly as the ground lies. The tile
 * images go in as they are (PNG or JPEG XObjects, shared by every sheet that shows them): nothing is resampled.
 *
 * The zoom is the coarsest whose pixels print at PRINT_DPI or finer at the sheet's scale, within the file's
 * zooms; a sheet that would need more than MAX_TILES_PER_SHEET tiles (an index sheet of a large block) steps
 * down in zoom, and a sheet the file does not cover is printed without a basemap and reported.
 */
import {
  clip,
  concatTransformationMatrix,
  drawObject,
  endPath,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setGraphicsState,
  type PDFImage,
  type PDFPage,
} from 'pdf-lib';
import type { MapProjection } from '../../../shared/documents/map-frame';
import { utmConverter } from '../../../shared/geo/utm';
import type { TileArchive } from '../../basemap/tile-archive';
import { fitText, type PdfFonts } from './pdf-kit';
import { drawBox, drawTextFrom } from './map-draw.pdf';

/** Print resolution the basemap aims for; topo maps read well at 150 dpi and the file stays small. */
export const PRINT_DPI = 150;
const MAX_TILES_PER_SHEET = 160;
/** Mercator ground metres per pixel of a 256-px tile at zoom 0 on the equator. */
const EQUATOR_M_PER_PX = 156_543.033_928;
/**
 * The claim map may carry the basemap and is recorded: A.R.S. 11-480(A)(4) lets a recorder reject print under ten
 * points, so the credit is 10 pt on every sheet rather than smaller on the field map only.
 */
const CREDIT_SIZE = 10;

/** One document's basemap: the open file and the tiles already embedded (a tile on two sheets is stored once). */
export interface PrintBasemap {
  archive: TileArchive;
  embedded: Map<string, PDFImage | null>;
}

export type UnderlayResult = { drawn: true; zoom: number; tiles: number } | { drawn: false; reason: string };

function tileX(lon: number, z: number): number {
  return ((lon + 180) / 360) * 2 ** z;
}

function tileY(lat: number, z: number): number {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z;
}

function tileLon(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}

function tileLat(y: number, z: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;
}

interface TileRange {
  z: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The frame's extent in lon/lat (its four corners and edge midpoints: UTM edges bow slightly in lon/lat). */
function frameLonLat(proj: MapProjection, epsg: number): { west: number; east: number; south: number; north: number } {
  const { toLonLat } = utmConverter(epsg);
  const w = proj.window;
  const points = [0, 0.5, 1].flatMap((u) => [0, 0.5, 1].map((v) => toLonLat([w.minE + u * (w.maxE - w.minE), w.minN + v * (w.maxN - w.minN)])));
  const lons = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  return { west: Math.min(...lons), east: Math.max(...lons), south: Math.min(...lats), north: Math.max(...lats) };
}

/** Which tiles to print, or why none. */
export function planUnderlay(proj: MapProjection, epsg: number, archive: TileArchive): TileRange | { reason: string } {
  const { info } = archive;
  const box = frameLonLat(proj, epsg);
  const b = info.bounds;
  if (b && (b[2] <= box.west || b[0] >= box.east || b[3] <= box.south || b[1] >= box.north)) {
    return { reason: `the basemap ${info.name} does not cover this sheet` };
  }
  // Grid metres per printed pixel wanted; Mercator pixels shrink with cos(latitude).
  const metresPerPixel = 1 / proj.pointsPerMetre / (PRINT_DPI / 72);
  const lat = (box.south + box.north) / 2;
  const wanted = Math.ceil(Math.log2((EQUATOR_M_PER_PX * Math.cos((lat * Math.PI) / 180)) / metresPerPixel));
  for (let z = Math.min(Math.max(wanted, info.minzoom), info.maxzoom); z >= info.minzoom; z -= 1) {
    const range = {
      z,
      x0: Math.floor(tileX(Math.max(box.west, b?.[0] ?? -180), z)),
      x1: Math.floor(tileX(Math.min(box.east, b?.[2] ?? 180), z)),
      y0: Math.floor(tileY(Math.min(box.north, b?.[3] ?? 85), z)),
      y1: Math.floor(tileY(Math.max(box.south, b?.[1] ?? -85), z)),
    };
    if ((range.x1 - range.x0 + 1) * (range.y1 - range.y0 + 1) <= MAX_TILES_PER_SHEET) return range;
  }
  return { reason: `the basemap ${info.name} has no zoom level coarse enough for this sheet (its coarsest is ${info.minzoom})` };
}

async function tileImage(page: PDFPage, basemap: PrintBasemap, z: number, x: number, y: number): Promise<PDFImage | null> {
  const key = `${z}/${x}/${y}`;
  if (basemap.embedded.has(key)) return basemap.embedded.get(key)!;
  const tile = await basemap.archive.getTile(z, x, y);
  let image: PDFImage | null = null;
  if (tile?.format === 'png') image = await page.doc.embedPng(tile.bytes).catch(() => null);
  else if (tile?.format === 'jpg') image = await page.doc.embedJpg(tile.bytes).catch(() => null);
  basemap.embedded.set(key, image);
  return image;
}

/** Draws the basemap into the frame (clipped to it), before anything else of the sheet. */
export async function drawBasemapUnder(page: PDFPage, proj: MapProjection, epsg: number, basemap: PrintBasemap): Promise<UnderlayResult> {
  const plan = planUnderlay(proj, epsg, basemap.archive);
  if ('reason' in plan) return { drawn: false, reason: plan.reason };
  const { toUtm } = utmConverter(epsg);
  const paper = (x: number, y: number, z: number): [number, number] => proj.toPaper(toUtm([tileLon(x, z), tileLat(y, z)]));
  const { x, y, w, h } = proj.frame;
  page.pushOperators(pushGraphicsState(), rectangle(x, y, w, h), clip(), endPath());
  let tiles = 0;
  for (let ty = plan.y0; ty <= plan.y1; ty += 1) {
    for (let tx = plan.x0; tx <= plan.x1; tx += 1) {
      const image = await tileImage(page, basemap, plan.z, tx, ty);
      if (!image) continue;
      // Half a pixel of overlap so neighbouring tiles leave no hairline between them.
      const grow = 0.5 / 256;
      const nw = paper(tx - grow, ty - grow, plan.z);
      const ne = paper(tx + 1 + grow, ty - grow, plan.z);
      const sw = paper(tx - grow, ty + 1 + grow, plan.z);
      const name = page.node.newXObject('Basemap', image.ref);
      page.pushOperators(
        pushGraphicsState(),
        concatTransformationMatrix(ne[0] - nw[0], ne[1] - nw[1], nw[0] - sw[0], nw[1] - sw[1], sw[0], sw[1]),
        drawObject(name),
        popGraphicsState(),
      );
      tiles += 1;
    }
  }
  page.pushOperators(popGraphicsState());
  if (tiles === 0) return { drawn: false, reason: `the basemap ${basemap.archive.info.name} has no tiles for this sheet` };
  return { drawn: true, zoom: plan.z, tiles };
}

/**
 * Claim fills over a basemap: a light grey that lets the terrain through (fill opacity only; outlines and text
 * stay solid black). Sets it in the current graphics state: the caller wraps the claim shapes in q … Q.
 */
export function translucentFill(page: PDFPage, alpha = 0.35): void {
  const state = page.doc.context.obj({ Type: 'ExtGState', ca: alpha });
  const name = page.node.newExtGState('BasemapFill', page.doc.context.register(state));
  page.pushOperators(setGraphicsState(name));
}

/** The basemap's source, inside the frame's bottom-right corner on a white strip (the file's own attribution). */
export function drawBasemapCredit(page: PDFPage, fonts: PdfFonts, proj: MapProjection, basemap: PrintBasemap): void {
  const { info } = basemap.archive;
  const frame = proj.frame;
  const text = fitText(`Basemap: ${info.name}${info.attribution ? ` — ${info.attribution}` : ''}`, fonts.regular, CREDIT_SIZE, frame.w * 0.8);
  const width = fonts.regular.widthOfTextAtSize(text, CREDIT_SIZE) + 6;
  const box = { x: frame.x + frame.w - width - 1, y: frame.y + 1, w: width, h: CREDIT_SIZE + 4 };
  drawBox(page, box, { fill: 1 });
  drawTextFrom(page, text, [box.x + 3, box.y + box.h / 2], { size: CREDIT_SIZE, font: fonts.regular });
}
