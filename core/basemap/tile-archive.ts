/**
 * A tiles file opened for reading: MBTiles (an SQLite database, the format USGS and most desktop tools
 * export) or PMTiles (one file of directories and tiles, read by byte ranges). Both readers answer the same
 * questions: what the file holds (BasemapInfo, from its own metadata) and the bytes of one tile in XYZ
 * numbering, already decompressed so any client can use them as they are.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BasemapInfo, TileFormat } from '../../shared/basemap/basemap.types';
import { AppError } from '../../shared/errors';

export interface Tile {
  bytes: Uint8Array;
  format: TileFormat;
}

export interface TileArchive {
  readonly info: BasemapInfo;
  /** XYZ numbering (y grows southwards, as web maps use); null when the file has no such tile. */
  getTile(z: number, x: number, y: number): Promise<Tile | null>;
  close(): Promise<void>;
}

export interface OpenArchiveOptions {
  /** better-sqlite3 built for Electron's ABI, in the desktop app (MBTiles are SQLite files). */
  nativeBinding?: string;
}

export const TILE_CONTENT_TYPES: Readonly<Record<TileFormat, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  pbf: 'application/x-protobuf',
};

/** Vector tiles are usually stored gzipped; a client asked for a tile wants the protobuf itself. */
export function plainTileBytes(bytes: Uint8Array): Uint8Array {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b ? new Uint8Array(gunzipSync(bytes)) : bytes;
}

export function archiveProblem(path: string, why: string): AppError {
  return new AppError('invalid-request', `${basename(path)} cannot be used as a basemap: ${why}`);
}

/** Which container a file is, from its first bytes (the extension may be wrong or missing). */
export async function sniffContainer(path: string): Promise<'mbtiles' | 'pmtiles'> {
  let head: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      head = Buffer.alloc(16);
      await handle.read(head, 0, 16, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'the file does not exist (moved or renamed?).' : code === 'EISDIR' ? 'it is a folder, not a file.' : `it cannot be read (${code ?? String(error)}).`;
    throw archiveProblem(path, why);
  }
  if (head.toString('latin1', 0, 7) === 'PMTiles') {
    if (head[7] !== 3) throw archiveProblem(path, `it is PMTiles version ${head[7]}; only version 3 can be read.`);
    return 'pmtiles';
  }
  if (head.toString('latin1', 0, 16) === 'SQLite format 3\0') return 'mbtiles';
  throw archiveProblem(path, 'it is neither an MBTiles nor a PMTiles file.');
}

/** Zoom levels a map can ask for; anything else is refused before it reaches a reader. */
export function validTileAddress(z: number, x: number, y: number): boolean {
  if (![z, x, y].every(Number.isInteger) || z < 0 || z > 30) return false;
  const n = 2 ** z;
  return x >= 0 && x < n && y >= 0 && y < n;
}
