/**
 * Shapefiles, plain (.shp with its .dbf, .prj and .cpg beside it) or zipped as BLM and most portals publish them.
 * A zip is unpacked to a private temporary folder entry by entry (yauzl, streamed to disk), then each .shp is read
 * record by record (the `shapefile` package), so neither the archive nor a layer is ever held in memory. Every
 * shapefile in the archive is a layer: one zip may carry a state's township, section and second-division layers.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, open as openFile, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as shapefile from 'shapefile';
import yauzl from 'yauzl';
import { AppError } from '../../shared/errors';
import type { FeatureLayer, RawFeature } from './feature-source';
import { LONLAT, reprojectorFromWkt, type Reprojector } from './reproject';

const PARTS = new Set(['.shp', '.dbf', '.prj', '.cpg', '.shx']);

/** The record count from a dBASE header (bytes 4–7, little-endian): progress for a layer before reading it. */
async function dbfRecordCount(dbf: string): Promise<number | null> {
  const handle = await openFile(dbf, 'r');
  try {
    const header = Buffer.alloc(8);
    const { bytesRead } = await handle.read(header, 0, 8, 0);
    return bytesRead === 8 ? header.readUInt32LE(4) : null;
  } finally {
    await handle.close();
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** A shapefile's .prj decides its CRS; without one the coordinates must already look like lon/lat. */
async function layerCrs(base: string, label: string): Promise<Reprojector | null> {
  const prj = `${base}.prj`;
  if (!(await exists(prj))) return null;
  return reprojectorFromWkt(await readFile(prj, 'utf8'), `${label} .prj`);
}

export async function shapefileLayer(shpPath: string, label: string = basename(shpPath)): Promise<FeatureLayer> {
  const base = shpPath.slice(0, -extname(shpPath).length);
  const dbf = `${base}.dbf`;
  if (!(await exists(dbf))) throw new AppError('bad-file', `${label} has no .dbf beside it: its attributes (PLSSID, FRSTDIVNO…) are missing`);
  const declared = await layerCrs(base, label);
  const cpg = (await exists(`${base}.cpg`)) ? (await readFile(`${base}.cpg`, 'utf8')).trim() : '';
  // dBASE text is Windows-1252 unless a .cpg says otherwise (GDAL writes "UTF-8").
  const encoding = /utf-?8/i.test(cpg) ? 'utf-8' : cpg !== '' && /^[\w-]+$/.test(cpg) ? cpg : 'windows-1252';
  const total = await dbfRecordCount(dbf);
  return {
    name: label,
    total,
    crs: declared ?? LONLAT,
    async *features(): AsyncIterable<RawFeature> {
      let source: shapefile.Source<GeoJSON.Feature>;
      try {
        source = await shapefile.open(shpPath, dbf, { encoding });
      } catch (error) {
        throw new AppError('bad-file', `${label} is not a readable shapefile: ${error instanceof Error ? error.message : String(error)}`);
      }
      let index = 0;
      for (;;) {
        let result: { done: boolean; value: GeoJSON.Feature };
        try {
          result = await source.read();
        } catch (error) {
          throw new AppError('bad-file', `${label}: record ${index + 1} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (result.done) break;
        index += 1;
        const feature = result.value;
        if (!declared && index === 1) assertLooksLonLat(feature.geometry, label);
        yield { properties: (feature.properties ?? null) as Record<string, unknown> | null, geometry: feature.geometry };
      }
    },
  };
}

/** No .prj: accept the file only when its first coordinates are plausibly degrees, and say what was assumed. */
function assertLooksLonLat(geometry: unknown, label: string): void {
  const first = JSON.stringify((geometry as { coordinates?: unknown } | null)?.coordinates ?? []).match(/-?\d+(\.\d+)?/g)?.slice(0, 2).map(Number);
  if (first && first.length === 2 && Math.abs(first[0]!) <= 180 && Math.abs(first[1]!) <= 90) return;
  throw new AppError('bad-file', `${label} has no .prj and its coordinates are not longitude/latitude: its coordinate system is unknown`);
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zip) => (error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip)));
  });
}

/** Streams the shapefile parts of a zip into `dir`, flattening folders; answers the .shp paths found. */
async function extractShapefiles(zipPath: string, dir: string): Promise<{ shps: string[]; gdb: boolean }> {
  const zip = await openZip(zipPath);
  const shps: string[] = [];
  let gdb = false;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        if (/\.gdb\//i.test(name)) gdb = true;
        const ext = extname(name).toLowerCase();
        if (name.endsWith('/') || !PARTS.has(ext) || name.split('/').includes('..')) {
          zip.readEntry();
          return;
        }
        // Folders flattened with their path in the name, so two layers named alike in two folders stay apart.
        const flat = `${name.slice(0, -ext.length).replace(/[\\/]/g, '__')}${ext}`;
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) {
            reject(error ?? new Error(`cannot read ${name}`));
            return;
          }
          pipeline(stream, createWriteStream(join(dir, flat), { mode: 0o600 }))
            .then(() => {
              if (ext === '.shp') shps.push(join(dir, flat));
              zip.readEntry();
            })
            .catch(reject);
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return { shps, gdb };
}

export async function openShapefileZip(zipPath: string): Promise<{ layers: FeatureLayer[]; close: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-plss-'));
  const close = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    const { shps, gdb } = await extractShapefiles(zipPath, dir).catch((error: unknown) => {
      throw new AppError('bad-file', `${basename(zipPath)} is not a readable zip archive: ${error instanceof Error ? error.message : String(error)}`);
    });
    if (shps.length === 0) {
      const hint = gdb
        ? ' It holds a file geodatabase (.gdb), which ClaimDesk does not read: convert its layers first, e.g. `ogr2ogr -f GPKG nv_plss.gpkg NV.gdb`.'
        : '';
      throw new AppError('bad-file', `${basename(zipPath)} contains no shapefile (.shp with its .dbf).${hint}`);
    }
    const layers: FeatureLayer[] = [];
    for (const shp of shps.sort()) layers.push(await shapefileLayer(shp, `${basename(shp).replace(/__/g, '/')} in ${basename(zipPath)}`));
    return { layers, close };
  } catch (error) {
    await close();
    throw error;
  }
}

