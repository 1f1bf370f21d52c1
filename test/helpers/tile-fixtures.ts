/**
 * Small basemap files made in the test, never downloaded: MBTiles (SQLite) and PMTiles (version 3, written
 * byte by byte after the specification) holding raster PNG tiles or vector tiles (geojson-vt + vt-pbf, the
 * Mapbox Vector Tile encoding) over a test area. Raster tiles are a colour with a dark grid, so a rendered map
 * or PDF shows them plainly.
 */
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import GeoJsonVt from 'geojson-vt';
import { zxyToTileId } from 'pmtiles';
import { fromGeojsonVt } from 'vt-pbf';

export interface TileSpec {
  z: number;
  x: number;
  y: number;
  bytes: Uint8Array;
}

export interface FixtureMetadata {
  name: string;
  attribution: string;
  format: 'png' | 'pbf';
  bounds: [number, number, number, number];
  minzoom: number;
  maxzoom: number;
  vectorLayers?: string[];
}

/** XYZ tile of a lon/lat at zoom z (Web Mercator). */
export function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [x, y];
}

/** Every tile covering a lon/lat box at zooms minzoom..maxzoom. */
export function tilesOver(bounds: [number, number, number, number], minzoom: number, maxzoom: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let z = minzoom; z <= maxzoom; z += 1) {
    const [x0, y0] = tileOf(bounds[0], bounds[3], z);
    const [x1, y1] = tileOf(bounds[2], bounds[1], z);
    for (let x = x0; x <= x1; x += 1) for (let y = y0; y <= y1; y += 1) out.push([z, x, y]);
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/**
 * A 256 × 256 RGB PNG: one colour with a darker 32-px grid and a 4-px dark border. With a seed, 2-px blocks
 * vary in shade so the tile compresses about as poorly as a real topo tile (tens of kB rather than one).
 */
export function rasterTile(rgb: [number, number, number], size = 256, seed?: number): Uint8Array {
  let state = seed ?? 0;
  const shades = new Int8Array((size / 2) * (size / 2)).map(() => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed === undefined ? 0 : (state % 25) - 12;
  });
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x += 1) {
      const line = x % 32 === 0 || y % 32 === 0 || x < 4 || y < 4;
      const i = y * (size * 3 + 1) + 1 + x * 3;
      const shade = shades[(y >> 1) * (size / 2) + (x >> 1)]!;
      for (let c = 0; c < 3; c += 1) raw[i + c] = line ? rgb[c]! >> 1 : Math.max(0, Math.min(255, rgb[c]! + shade));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]));
}

/** A vector tile with a "water" polygon over the whole tile and a "contour" line across it, gzipped as MBTiles keep them. */
export function vectorTile(z: number, x: number, y: number): Uint8Array {
  const n = 2 ** z;
  const lon = (t: number): number => (t / n) * 360 - 180;
  const lat = (t: number): number => (Math.atan(Math.sinh(Math.PI * (1 - (2 * t) / n))) * 180) / Math.PI;
  const [w, e, north, south] = [lon(x), lon(x + 1), lat(y), lat(y + 1)];
  const inset = (a: number, b: number, f: number): number => a + (b - a) * f;
  const polygon = {
    type: 'Feature',
    properties: { kind: 'lake' },
    geometry: { type: 'Polygon', coordinates: [[[inset(w, e, 0.1), inset(south, north, 0.1)], [inset(w, e, 0.9), inset(south, north, 0.1)], [inset(w, e, 0.9), inset(south, north, 0.9)], [inset(w, e, 0.1), inset(south, north, 0.9)], [inset(w, e, 0.1), inset(south, north, 0.1)]]] },
  };
  const line = { type: 'Feature', properties: { elevation: 1500 }, geometry: { type: 'LineString', coordinates: [[w, south], [e, north]] } };
  const layer = (feature: object) => new GeoJsonVt({ type: 'FeatureCollection', features: [feature] } as never, { maxZoom: z, indexMaxZoom: z, buffer: 0 }).getTile(z, x, y);
  return new Uint8Array(gzipSync(fromGeojsonVt({ water: layer(polygon), contour: layer(line) }, { version: 2 })));
}

export function writeMbtiles(path: string, meta: FixtureMetadata, tiles: readonly TileSpec[]): void {
  const db = new Database(path);
  db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB); CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);');
  const put = db.prepare('INSERT INTO metadata (name, value) VALUES (?, ?)');
  put.run('name', meta.name);
  put.run('format', meta.format);
  put.run('bounds', meta.bounds.join(','));
  put.run('minzoom', String(meta.minzoom));
  put.run('maxzoom', String(meta.maxzoom));
  put.run('attribution', meta.attribution);
  if (meta.vectorLayers) put.run('json', JSON.stringify({ vector_layers: meta.vectorLayers.map((id) => ({ id, fields: {} })) }));
  const tile = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
  // TMS rows: row 0 is the southernmost.
  db.transaction(() => tiles.forEach((t) => tile.run(t.z, t.x, 2 ** t.z - 1 - t.y, Buffer.from(t.bytes))))();
  db.close();
}

function varint(value: number, out: number[]): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** PMTiles v3: 127-byte header, one uncompressed root directory, JSON metadata, then the tiles. */
export function writePmtiles(path: string, meta: FixtureMetadata, tiles: readonly TileSpec[]): void {
  const entries = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), bytes: t.bytes })).sort((a, b) => a.id - b.id);
  const data: Buffer[] = [];
  let offset = 0;
  const placed = entries.map((e) => {
    const at = { id: e.id, offset, length: e.bytes.length };
    data.push(Buffer.from(e.bytes));
    offset += e.bytes.length;
    return at;
  });
  const dir: number[] = [];
  varint(placed.length, dir);
  let last = 0;
  for (const e of placed) {
    varint(e.id - last, dir);
    last = e.id;
  }
  for (let k = 0; k < placed.length; k += 1) varint(1, dir);
  for (const e of placed) varint(e.length, dir);
  placed.forEach((e, k) => varint(k > 0 && e.offset === placed[k - 1]!.offset + placed[k - 1]!.length ? 0 : e.offset + 1, dir));
  const metadata = Buffer.from(
    JSON.stringify({ name: meta.name, attribution: meta.attribution, ...(meta.vectorLayers ? { vector_layers: meta.vectorLayers.map((id) => ({ id, fields: {} })) } : {}) }),
  );
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'latin1');
  header[7] = 3;
  const u64 = (value: number, at: number): void => void header.writeBigUInt64LE(BigInt(value), at);
  const root = Buffer.from(dir);
  const tileData = Buffer.concat(data);
  u64(127, 8);
  u64(root.length, 16);
  u64(127 + root.length, 24);
  u64(metadata.length, 32);
  u64(127 + root.length + metadata.length, 40);
  u64(0, 48);
  u64(127 + root.length + metadata.length, 56);
  u64(tileData.length, 64);
  u64(placed.length, 72);
  u64(placed.length, 80);
  u64(placed.length, 88);
  header[96] = 1; // clustered: tiles in tile-id order
  header[97] = 1; // internal compression: none
  header[98] = meta.format === 'pbf' ? 2 : 1; // tiles: gzip for vector, none for PNG
  header[99] = meta.format === 'pbf' ? 1 : 2; // MVT or PNG
  header[100] = meta.minzoom;
  header[101] = meta.maxzoom;
  const e7 = (deg: number, at: number): void => void header.writeInt32LE(Math.round(deg * 1e7), at);
  e7(meta.bounds[0], 102);
  e7(meta.bounds[1], 106);
  e7(meta.bounds[2], 110);
  e7(meta.bounds[3], 114);
  header[118] = meta.minzoom;
  e7((meta.bounds[0] + meta.bounds[2]) / 2, 119);
  e7((meta.bounds[1] + meta.bounds[3]) / 2, 123);
  writeFileSync(path, Buffer.concat([header, root, metadata, tileData]));
}

export interface BasemapFixtures {
  rasterMbtiles: string;
  rasterPmtiles: string;
  vectorMbtiles: string;
  vectorPmtiles: string;
}

const TAN: [number, number, number] = [222, 196, 150];

/** All four kinds over one area (a box around lon/lat), raster tiles at zooms minzoom..maxzoom. */
export function writeBasemapFixtures(dir: string, bounds: [number, number, number, number], zooms: [number, number] = [10, 15], options: { realistic?: boolean } = {}): BasemapFixtures {
  const raster = tilesOver(bounds, zooms[0], zooms[1]).map(([z, x, y], k) => ({ z, x, y, bytes: rasterTile(TAN, 256, options.realistic ? k + 1 : undefined) }));
  const vectorZooms: [number, number] = [zooms[0], Math.min(zooms[1], 14)];
  const vector = tilesOver(bounds, ...vectorZooms).map(([z, x, y]) => ({ z, x, y, bytes: vectorTile(z, x, y) }));
  const rasterMeta: FixtureMetadata = { name: 'Test topo', attribution: '<a href="https://example.test">© Test Survey</a>', format: 'png', bounds, minzoom: zooms[0], maxzoom: zooms[1] };
  const vectorMeta: FixtureMetadata = { ...rasterMeta, name: 'Test vector', attribution: '© Test Vector Data', format: 'pbf', minzoom: vectorZooms[0], maxzoom: vectorZooms[1], vectorLayers: ['water', 'contour'] };
  const files: BasemapFixtures = {
    rasterMbtiles: `${dir}/topo.mbtiles`,
    rasterPmtiles: `${dir}/topo.pmtiles`,
    vectorMbtiles: `${dir}/vector.mbtiles`,
    vectorPmtiles: `${dir}/vector.pmtiles`,
  };
  writeMbtiles(files.rasterMbtiles, rasterMeta, raster);
  writePmtiles(files.rasterPmtiles, rasterMeta, raster);
  writeMbtiles(files.vectorMbtiles, vectorMeta, vector);
  writePmtiles(files.vectorPmtiles, { ...vectorMeta, name: 'Test vector (PMTiles)' }, vector);
  return files;
}
