/**
 * GeoJSON read as a stream (stream-json): each member of "features" is assembled on its own, so a 500 MB statewide
 * file costs the memory of one feature. An old-style top-level "crs" member naming an EPSG code is honoured: GDAL
 * and ArcGIS write it at the head of the file, before the features, so the first 64 KB are read for it alone
 * (anything else is RFC 7946 lon/lat; projected coordinates that were not declared fail the range check on import).
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { chain } from 'stream-chain';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/Pick';
import { streamArray } from 'stream-json/streamers/StreamArray';
import { streamValues } from 'stream-json/streamers/StreamValues';
import { AppError } from '../../shared/errors';
import type { FeatureLayer, RawFeature } from './feature-source';
import { LONLAT, reprojectorFromEpsg, type Reprojector } from './reproject';

const HEAD_BYTES = 64 * 1024;

function epsgOf(crs: unknown): number | null {
  const name = (crs as { properties?: { name?: unknown } } | null)?.properties?.name;
  if (typeof name !== 'string') return null;
  if (/CRS84$/i.test(name)) return 4326;
  const match = /EPSG:{1,2}(\d+)$/i.exec(name);
  return match ? Number(match[1]) : null;
}

/** The "crs" member from the head of the file, if it has one there. */
async function headCrs(path: string, name: string): Promise<Reprojector> {
  const head = chain([createReadStream(path, { end: HEAD_BYTES - 1 }), parser(), pick({ filter: 'crs', once: true }), streamValues()]);
  let crs: unknown = null;
  try {
    for await (const chunk of head as AsyncIterable<{ value: unknown }>) {
      crs = chunk.value;
      break;
    }
  } catch {
    // The head of a large file is cut mid-value: that is expected, and no crs was seen before the cut.
  } finally {
    head.destroy();
  }
  if (crs === null) return LONLAT;
  const code = epsgOf(crs);
  if (code === null) throw new AppError('bad-file', `${name}: its "crs" member names no EPSG code`);
  return reprojectorFromEpsg(code);
}

function isFeatureLike(value: unknown): value is { properties?: unknown; geometry?: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function geoJsonLayer(path: string): FeatureLayer {
  const name = basename(path);
  const layer: FeatureLayer = {
    name,
    total: null,
    crs: LONLAT,
    async *features(): AsyncIterable<RawFeature> {
      // The import reads the layer's CRS per feature: it is known before the first one.
      layer.crs = await headCrs(path, name);
      const pipeline = chain([createReadStream(path), parser(), pick({ filter: 'features' }), streamArray()]);
      let seen = 0;
      try {
        for await (const chunk of pipeline as AsyncIterable<{ value: unknown }>) {
          seen += 1;
          const value = chunk.value;
          if (!isFeatureLike(value)) throw new AppError('bad-file', `${name}: item ${seen} of its features is not a GeoJSON Feature`);
          yield { properties: (value.properties ?? null) as Record<string, unknown> | null, geometry: value.geometry ?? null };
        }
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('bad-file', `${name} is not readable GeoJSON: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        pipeline.destroy();
      }
      if (seen === 0) throw new AppError('bad-file', `${name} has no features (is it a GeoJSON FeatureCollection?)`);
    },
  };
  return layer;
}
