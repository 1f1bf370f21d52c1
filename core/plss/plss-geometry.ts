/**
 * A feature's geometry as lon/lat polygons: Polygon and MultiPolygon only (every CadNSDI layer is polygons),
 * reprojected from the layer's CRS, Z dropped, every coordinate finite and on the globe.
 */
import type { Position } from '../../shared/geometry/geojson.types';
import type { Polygons } from './geometry-blob';
import type { Reprojector } from './reproject';

export type GeometryRead = { ok: true; polygons: Polygons } | { ok: false; reason: string };

function ring(raw: unknown, crs: Reprojector): Position[] | string {
  if (!Array.isArray(raw) || raw.length < 4) return 'a ring has fewer than 4 positions';
  const out: Position[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) {
    const p = raw[i] as unknown;
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') return 'a position is not a pair of numbers';
    const [lon, lat] = crs.identity ? [p[0], p[1]] : crs.toLonLat(p[0], p[1]);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      return `a position (${p[0]}, ${p[1]}) is not on the globe in ${crs.label}`;
    }
    out[i] = [lon, lat];
  }
  return out;
}

function polygon(raw: unknown, crs: Reprojector): Position[][] | string {
  if (!Array.isArray(raw) || raw.length === 0) return 'a polygon has no rings';
  const rings: Position[][] = [];
  for (const r of raw) {
    const read = ring(r, crs);
    if (typeof read === 'string') return read;
    rings.push(read);
  }
  return rings;
}

export function readPolygons(geometry: unknown, crs: Reprojector): GeometryRead {
  if (geometry === null || typeof geometry !== 'object') return { ok: false, reason: 'it has no geometry' };
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  const parts = type === 'Polygon' ? [coordinates] : type === 'MultiPolygon' && Array.isArray(coordinates) ? coordinates : null;
  if (!parts) return { ok: false, reason: `its geometry is a ${String(type)}, not a polygon` };
  const polygons: Polygons = [];
  for (const part of parts) {
    const read = polygon(part, crs);
    if (typeof read === 'string') return { ok: false, reason: read };
    polygons.push(read);
  }
  return polygons.length > 0 ? { ok: true, polygons } : { ok: false, reason: 'its geometry is empty' };
}
