/**
 * GeoJSON read as a stream (stream-json): each feature is parsed on its own, so a 500 MB statewide file costs
 * the memory of one feature. A FeatureCollection or a bare array of features; an old-style "crs" member naming an
 * EPSG code is honoured when it comes before the features (as GDAL writes it), otherwise RFC 7946 lon/lat.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { chain } from 'stream-chain';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/Pick';
import { streamValues } from 'stream-json/streamers/StreamValues';
import { AppError } from '../../shared/errors';
import type { FeatureLayer, RawFeature } from './feature-source';
import { LONLAT, reprojectorFromEpsg } from './reproject';

function epsgOf(crs: unknown): number | null {
  const name = (crs as { properties?: { name?: unknown } } | null)?.properties?.name;
  if (typeof name !== 'string') return null;
  if (/CRS84$/i.test(name)) return 4326;
  const match = /EPSG:{1,2}(\d+)$/i.exec(name);
  return match ? Number(match[1]) : null;
}

function isFeatureLike(value: unknown): value is { type?: unknown; properties?: unknown; geometry?: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function geoJsonLayer(path: string): FeatureLayer {
  const name = basename(path);
  const layer: FeatureLayer = {
    name,
    total: null,
    crs: LONLAT,
    async *features(): AsyncIterable<RawFeature> {
      const pipeline = chain([
        createReadStream(path),
        parser(),
        // Only a top-level "crs" and the members of "features" (or of a top-level array) are ever assembled.
        pick({
          filter: (stack: readonly (string | number | null)[]) =>
            (stack.length === 1 && (stack[0] === 'crs' || typeof stack[0] === 'number')) ||
            (stack.length === 2 && stack[0] === 'features' && typeof stack[1] === 'number'),
        }),
        streamValues(),
      ]);
      let seen = 0;
      try {
        for await (const chunk of pipeline as AsyncIterable<{ value: unknown }>) {
          const value = chunk.value;
          // A top-level "crs" is {type: "name", properties: {name}}; features are {type: "Feature", …}.
          if (isFeatureLike(value) && (value.type === 'name' || value.type === 'link') && !('geometry' in value)) {
            if (seen > 0) throw new AppError('bad-file', `${name}: its "crs" member comes after the features; put it first or write the file in lon/lat`);
            const code = epsgOf(value);
            if (code === null) throw new AppError('bad-file', `${name}: its "crs" member names no EPSG code`);
            // The import reads the layer's CRS per feature: from here on it is this one.
            layer.crs = reprojectorFromEpsg(code);
            continue;
          }
          seen += 1;
          if (!isFeatureLike(value)) throw new AppError('bad-file', `${name}: item ${seen} of its features is not a GeoJSON Feature`);
          yield { properties: (value.properties ?? null) as Record<string, unknown> | null, geometry: value.geometry ?? null };
        }
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('bad-file', `${name} is not readable GeoJSON: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (seen === 0) throw new AppError('bad-file', `${name} has no features (is it a GeoJSON FeatureCollection?)`);
    },
  };
  return layer;
}
