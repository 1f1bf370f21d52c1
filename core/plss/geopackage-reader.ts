/**
 * GeoPackage (OGC 12-128r18): an SQLite file, opened read-only with the better-sqlite3 the app already uses.
 * Every feature table listed in gpkg_contents is a layer; its rows are iterated (never loaded at once), each
 * geometry blob's GeoPackage header is skipped by its flags (§2.1.3) and the WKB behind it is read by wkx. The
 * layer's CRS comes from gpkg_spatial_ref_sys.
 */
import { basename } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import wkx from 'wkx';
import { AppError } from '../../shared/errors';
import type { FeatureLayer, RawFeature } from './feature-source';
import { reprojectorFromEpsg, reprojectorFromWkt, type Reprojector } from './reproject';

/** Bytes of the envelope for each envelope-contents indicator (flags bits 1–3). */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/** The WKB inside a GeoPackage geometry blob, or null for an empty geometry. */
export function gpkgWkb(blob: Buffer): Buffer | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('not a GeoPackage geometry (no "GP" header)');
  const flags = blob[3]!;
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0x07];
  if (envelope === undefined) throw new Error(`unknown envelope indicator ${(flags >> 1) & 0x07}`);
  if (flags & 0x10) return null;
  return blob.subarray(8 + envelope);
}

interface Contents {
  table_name: string;
  column_name: string;
  srs_id: number;
  organization: string | null;
  organization_coordsys_id: number | null;
  definition: string | null;
}

function layerCrs(row: Contents, label: string): Reprojector {
  if (row.organization?.toUpperCase() === 'EPSG' && row.organization_coordsys_id !== null) {
    return reprojectorFromEpsg(row.organization_coordsys_id, row.definition);
  }
  if (row.definition && row.definition.trim() !== '' && row.definition !== 'undefined') return reprojectorFromWkt(row.definition, label);
  throw new AppError('bad-file', `${label}: its coordinate system (srs_id ${row.srs_id}) has no definition`);
}

const quoteId = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export function openGeoPackage(path: string): { layers: FeatureLayer[]; close: () => Promise<void> } {
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    db.prepare('SELECT 1 FROM gpkg_contents LIMIT 1').all();
  } catch (error) {
    throw new AppError('bad-file', `${basename(path)} is not a GeoPackage: ${error instanceof Error ? error.message : String(error)}`);
  }
  const close = async (): Promise<void> => {
    db.close();
  };
  try {
    const rows = db
      .prepare(
        `SELECT c.table_name, g.column_name, g.srs_id, s.organization, s.organization_coordsys_id, s.definition
           FROM gpkg_contents c
           JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
           LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id
          WHERE c.data_type = 'features'
          ORDER BY c.table_name`,
      )
      .all() as Contents[];
    if (rows.length === 0) throw new AppError('bad-file', `${basename(path)} has no feature tables`);
    const layers = rows.map((row): FeatureLayer => {
      const label = `${row.table_name} in ${basename(path)}`;
      const table = quoteId(row.table_name);
      const geometryColumn = row.column_name;
      const { n } = db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
      return {
        name: label,
        total: n,
        crs: layerCrs(row, label),
        async *features(): AsyncIterable<RawFeature> {
          let index = 0;
          for (const record of db.prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Record<string, unknown>>) {
            index += 1;
            const { [geometryColumn]: blob, ...properties } = record;
            let geometry: unknown = null;
            if (blob instanceof Uint8Array) {
              try {
                const wkb = gpkgWkb(Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength));
                geometry = wkb ? wkx.Geometry.parse(wkb).toGeoJSON() : null;
              } catch (error) {
                throw new AppError('bad-file', `${label}: the geometry of row ${index} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
              }
            }
            yield { properties, geometry };
          }
        },
      };
    });
    return { layers, close };
  } catch (error) {
    db.close();
    throw error;
  }
}
