/**
 * From a file's coordinate system to lon/lat: whatever CRS a shapefile's .prj or a GeoPackage's
 * gpkg_spatial_ref_sys names (proj4 reads OGC and ESRI WKT), or the EPSG code a GeoJSON "crs" member gives.
 * NAD83 and WGS84 geographic coordinates are taken as they are (about a metre apart, see plss.types.ts).
 */
import proj4 from 'proj4';
import { AppError } from '../../shared/errors';

export interface Reprojector {
  /** How the CRS was named, for messages. */
  label: string;
  identity: boolean;
  toLonLat(x: number, y: number): [number, number];
}

export const LONLAT: Reprojector = { label: 'longitude/latitude', identity: true, toLonLat: (x, y) => [x, y] };

/** Geographic (lon/lat) EPSG codes on NAD83 or WGS84 and their realisations: no transformation needed. */
const GEOGRAPHIC_EPSG = new Set([4326, 4269, 4152, 6318, 4617, 4759, 4957]);

function fromDefinition(definition: string, label: string): Reprojector {
  let converter: proj4.Converter;
  try {
    converter = proj4(definition, 'EPSG:4326');
  } catch (error) {
    throw new AppError('bad-file', `its coordinate system (${label}) cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    label,
    identity: false,
    toLonLat: (x, y) => converter.forward([x, y]) as [number, number],
  };
}

/** Geographic WKT on NAD83 / WGS84 (GEOGCS with no PROJCS): lon/lat already. */
function isGeographicWkt(wkt: string): boolean {
  const head = wkt.trim().toUpperCase();
  if (!/^(GEOGCS|GEOGCRS|GEODCRS)\[/.test(head)) return false;
  return /NORTH_AMERICAN_DATUM_1983|NORTH AMERICAN DATUM 1983|WGS_1984|WGS 84|WORLD GEODETIC SYSTEM 1984|D_NORTH_AMERICAN_1983|D_WGS_1984|NAD83/.test(head);
}

export function reprojectorFromWkt(wkt: string, where: string): Reprojector {
  const text = wkt.trim();
  if (text === '') throw new AppError('bad-file', `${where} is empty: the coordinate system is unknown`);
  if (isGeographicWkt(text)) return { ...LONLAT, label: `${where} (geographic)` };
  const name = /^\w+\["([^"]+)"/.exec(text)?.[1] ?? where;
  return fromDefinition(text, name);
}

function utmDefinition(code: number): string | null {
  if (code >= 26901 && code <= 26923) return `+proj=utm +zone=${code - 26900} +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`;
  if (code >= 32601 && code <= 32660) return `+proj=utm +zone=${code - 32600} +datum=WGS84 +units=m +no_defs`;
  return null;
}

/** EPSG code (GeoJSON "crs", GeoPackage organisation id). Unknown projected codes need a WKT definition. */
export function reprojectorFromEpsg(code: number, definition?: string | null): Reprojector {
  if (GEOGRAPHIC_EPSG.has(code)) return { ...LONLAT, label: `EPSG:${code}` };
  if (code === 3857) return fromDefinition('EPSG:3857', 'EPSG:3857');
  const utm = utmDefinition(code);
  if (utm) return fromDefinition(utm, `EPSG:${code}`);
  if (definition && definition.trim() !== '' && definition.trim().toLowerCase() !== 'undefined') return reprojectorFromWkt(definition, `EPSG:${code}`);
  throw new AppError('bad-file', `its coordinate system EPSG:${code} is not one ClaimDesk knows without a definition; export the file in EPSG:4269 (NAD83) or EPSG:4326`);
}
