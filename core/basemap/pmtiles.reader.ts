/**
 * PMTiles version 3, read from a local file by byte ranges through the `pmtiles` library (the format's own
 * reference decoder) with a Node file handle as its source and Node's zlib for the compressed directories.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Compression, PMTiles, TileType, type Source } from 'pmtiles';
import { attributionText, type BasemapInfo, type TileFormat } from '../../shared/basemap/basemap.types';
import { archiveProblem, plainTileBytes, type TileArchive } from './tile-archive';
import { vectorLayersFrom } from './vector-layers';

const FORMATS: Partial<Record<TileType, TileFormat>> = {
  [TileType.Png]: 'png',
  [TileType.Jpeg]: 'jpg',
  [TileType.Webp]: 'webp',
  [TileType.Mvt]: 'pbf',
};

function fileSource(path: string, handle: FileHandle): Source {
  return {
    getKey: () => path,
    async getBytes(offset, length) {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      const data = new ArrayBuffer(bytesRead);
      new Uint8Array(data).set(buffer.subarray(0, bytesRead));
      return { data };
    },
  };
}

async function decompress(buf: ArrayBuffer, compression: Compression): Promise<ArrayBuffer> {
  const bytes = new Uint8Array(buf);
  const out =
    compression === Compression.None || compression === Compression.Unknown
      ? bytes
      : compression === Compression.Gzip
        ? gunzipSync(bytes)
        : compression === Compression.Brotli
          ? brotliDecompressSync(bytes)
          : null;
  if (!out) throw new Error('its directories are compressed with zstd, which ClaimDesk cannot read');
  const copy = new ArrayBuffer(out.byteLength);
  new Uint8Array(copy).set(out);
  return Promise.resolve(copy);
}

export async function openPmtiles(path: string): Promise<TileArchive> {
  const handle = await open(path, 'r').catch(() => {
    throw archiveProblem(path, 'the file cannot be read.');
  });
  try {
    const archive = new PMTiles(fileSource(path, handle), undefined, decompress);
    const header = await archive.getHeader();
    const format = FORMATS[header.tileType];
    if (!format) throw archiveProblem(path, `its tiles are of type ${TileType[header.tileType] ?? header.tileType}; PNG, JPEG, WebP or vector (MVT) are needed.`);
    if (header.tileCompression !== Compression.None && header.tileCompression !== Compression.Gzip && header.tileCompression !== Compression.Unknown) {
      throw archiveProblem(path, 'its tiles are compressed with brotli or zstd; re-export them gzip-compressed or uncompressed.');
    }
    const metadata = (await archive.getMetadata().catch(() => null)) as { name?: unknown; attribution?: unknown } | null;
    const bounded = header.minLon < header.maxLon && header.minLat < header.maxLat;
    const info: BasemapInfo = {
      fileName: basename(path),
      container: 'pmtiles',
      name: typeof metadata?.name === 'string' && metadata.name.trim() ? metadata.name.trim() : basename(path),
      format,
      type: format === 'pbf' ? 'vector' : 'raster',
      minzoom: header.minZoom,
      maxzoom: header.maxZoom,
      bounds: bounded ? [header.minLon, header.minLat, header.maxLon, header.maxLat] : null,
      attribution: attributionText(typeof metadata?.attribution === 'string' ? metadata.attribution : null),
      vectorLayers: format === 'pbf' ? vectorLayersFrom(metadata) : [],
    };
    return {
      info,
      async getTile(z, x, y) {
        const found = await archive.getZxy(z, x, y);
        return found ? { bytes: plainTileBytes(new Uint8Array(found.data)), format } : null;
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    if (error instanceof Error && error.name === 'AppError') throw error;
    throw archiveProblem(path, `it is not a readable PMTiles file (${error instanceof Error ? error.message : String(error)}).`);
  }
}
