/**
 * MBTiles 1.3 (an SQLite file): `metadata` (name/value rows: name, format, bounds, minzoom, maxzoom,
 * attribution, and for vector tiles a `json` row with vector_layers) and `tiles` in TMS numbering, where row 0
 * is the southernmost, so a web map's y is flipped on the way in. Opened read-only: the file is the user's.
 */
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { attributionText, type BasemapInfo, type TileFormat } from '../../shared/basemap/basemap.types';
import { archiveProblem, plainTileBytes, type OpenArchiveOptions, type TileArchive } from './tile-archive';
import { vectorLayersFrom } from './vector-layers';

const FORMATS: Readonly<Record<string, TileFormat>> = { png: 'png', jpg: 'jpg', jpeg: 'jpg', webp: 'webp', pbf: 'pbf', mvt: 'pbf' };

function parseBounds(text: string | undefined): BasemapInfo['bounds'] {
  const parts = (text ?? '').split(',').map((s) => Number(s.trim()));
  if (parts.length !== 4 || !parts.every(Number.isFinite)) return null;
  const [w, s, e, n] = parts as [number, number, number, number];
  return w < e && s < n && s >= -90 && n <= 90 ? [w, s, e, n] : null;
}

export function openMbtiles(path: string, options: OpenArchiveOptions = {}): TileArchive {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (error) {
    throw archiveProblem(path, `it cannot be opened (${error instanceof Error ? error.message : String(error)}).`);
  }
  try {
    const meta = new Map<string, string>();
    for (const row of db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[]) meta.set(String(row.name), String(row.value));
    const range = db.prepare('SELECT MIN(zoom_level) AS lo, MAX(zoom_level) AS hi FROM tiles').get() as { lo: number | null; hi: number | null };
    if (range.lo === null || range.hi === null) throw archiveProblem(path, 'it holds no tiles.');
    const declared = (meta.get('format') ?? '').toLowerCase();
    const format = FORMATS[declared] ?? sniffFormat(db);
    if (!format) throw archiveProblem(path, `its tile format "${declared || 'unknown'}" is not PNG, JPEG, WebP or vector (pbf).`);
    const zoom = (key: string, fallback: number): number => {
      const value = Number(meta.get(key));
      return Number.isInteger(value) && value >= 0 && value <= 30 ? value : fallback;
    };
    let json: unknown = null;
    try {
      json = meta.has('json') ? JSON.parse(meta.get('json')!) : null;
    } catch {
      json = null;
    }
    const info: BasemapInfo = {
      fileName: basename(path),
      container: 'mbtiles',
      name: meta.get('name')?.trim() || basename(path),
      format,
      type: format === 'pbf' ? 'vector' : 'raster',
      minzoom: zoom('minzoom', range.lo),
      maxzoom: zoom('maxzoom', range.hi),
      bounds: parseBounds(meta.get('bounds')),
      attribution: attributionText(meta.get('attribution')),
      vectorLayers: format === 'pbf' ? vectorLayersFrom(json) : [],
    };
    const select = db.prepare('SELECT tile_data AS data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
    return {
      info,
      getTile(z, x, y) {
        const row = select.get(z, x, 2 ** z - 1 - y) as { data: Buffer } | undefined;
        return Promise.resolve(row ? { bytes: plainTileBytes(new Uint8Array(row.data)), format } : null);
      },
      close() {
        db.close();
        return Promise.resolve();
      },
    };
  } catch (error) {
    db.close();
    if (error instanceof Error && error.name === 'AppError') throw error;
    throw archiveProblem(path, `it is not a readable MBTiles file (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** A file without a format row: look at one tile's first bytes. */
function sniffFormat(db: Database.Database): TileFormat | null {
  const row = db.prepare('SELECT tile_data AS data FROM tiles LIMIT 1').get() as { data: Buffer } | undefined;
  const b = row?.data;
  if (!b || b.length < 12) return null;
  if (b[0] === 0x89 && b.toString('latin1', 1, 4) === 'PNG') return 'png';
  if (b[0] === 0xff && b[1] === 0xd8) return 'jpg';
  if (b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (b[0] === 0x1f && b[1] === 0x8b) return 'pbf';
  return null;
}
