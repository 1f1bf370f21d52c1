/**
 * How a PLSS polygon is kept in SQLite: one Float64Array, [polygons, (rings, (points, lon, lat …) …) …], as
 * bytes. Doubles keep CadNSDI's precision (a float32 longitude is only good to about a metre); the flat layout
 * decodes a section in microseconds, which the 1 ms lookup needs, where JSON would be parsed char by char.
 */
import type { Position } from '../../shared/geometry/geojson.types';

export type Polygons = Position[][][];

export function encodePolygons(polygons: Polygons): Uint8Array {
  let length = 1;
  for (const polygon of polygons) {
    length += 1;
    for (const ring of polygon) length += 1 + ring.length * 2;
  }
  const out = new Float64Array(length);
  let k = 0;
  out[k++] = polygons.length;
  for (const polygon of polygons) {
    out[k++] = polygon.length;
    for (const ring of polygon) {
      out[k++] = ring.length;
      for (const [lon, lat] of ring) {
        out[k++] = lon;
        out[k++] = lat;
      }
    }
  }
  return new Uint8Array(out.buffer);
}

export function decodePolygons(bytes: Uint8Array): Polygons {
  // SQLite hands back a Buffer that may sit at any offset of a shared pool: copy to an aligned one first.
  const values = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(values.buffer).set(bytes);
  let k = 0;
  const polygons: Polygons = [];
  const count = values[k++]!;
  for (let p = 0; p < count; p += 1) {
    const rings: Position[][] = [];
    const ringCount = values[k++]!;
    for (let r = 0; r < ringCount; r += 1) {
      const points = values[k++]!;
      const ring: Position[] = new Array(points);
      for (let i = 0; i < points; i += 1) {
        ring[i] = [values[k]!, values[k + 1]!];
        k += 2;
      }
      rings.push(ring);
    }
    polygons.push(rings);
  }
  return polygons;
}

export function polygonsBox(polygons: Polygons): { minLon: number; minLat: number; maxLon: number; maxLat: number } {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const polygon of polygons) {
    // The outer ring bounds the polygon; holes lie inside it.
    for (const [lon, lat] of polygon[0] ?? []) {
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  return { minLon, minLat, maxLon, maxLat };
}
