/**
 * The job's projected CRS: NAD83 / UTM (EPSG:269zz, zones 1-23 cover the US incl. Alaska) chosen from the
 * order's own polygons, never from the screen. All metric layout work happens in that CRS through proj4.
 * NAD83 and WGS84 differ by about a metre in the US; the order's lon/lat (WGS84 GeoJSON) is treated as NAD83
 * geographic, which is what staff GPS units and county maps use for claims.
 */
import proj4 from 'proj4';
import type { Position } from '../geometry/geojson.types';

export type Utm = [easting: number, northing: number];

export const FOOT_M = 0.3048; // international foot, exact
export const ACRE_M2 = 4046.8564224; // international acre, exact
export const MIN_NAD83_ZONE = 1;
export const MAX_NAD83_ZONE = 23;

export function zoneForLongitude(lon: number): number {
  return Math.min(60, Math.max(1, Math.floor((lon + 180) / 6) + 1));
}

export function nad83UtmEpsg(zone: number): number {
  if (zone < MIN_NAD83_ZONE || zone > MAX_NAD83_ZONE) {
    throw new RangeError(`UTM zone ${zone} has no NAD83 EPSG code (zones ${MIN_NAD83_ZONE}-${MAX_NAD83_ZONE} only).`);
  }
  return 26900 + zone;
}

export function zoneFromEpsg(epsg: number): number {
  const zone = epsg - 26900;
  if (zone < MIN_NAD83_ZONE || zone > MAX_NAD83_ZONE) throw new RangeError(`EPSG:${epsg} is not a NAD83 / UTM zone.`);
  return zone;
}

export interface ZoneChoice {
  zone: number;
  epsg: number;
  /** Every zone the polygons' vertices fall in; more than one means the claims straddle a zone boundary. */
  zonesSeen: number[];
  straddles: boolean;
  /** Why this zone, in words for the UI when the claims straddle a boundary. */
  reason: string;
}

/** The zone holding most of the vertices (ties go to the zone of the centroid), and whether any lie outside it. */
export function chooseZone(positions: Position[]): ZoneChoice {
  if (positions.length === 0) throw new RangeError('No positions to choose a UTM zone from.');
  const counts = new Map<number, number>();
  let sumLon = 0;
  for (const [lon] of positions) {
    const zone = zoneForLongitude(lon);
    counts.set(zone, (counts.get(zone) ?? 0) + 1);
    sumLon += lon;
  }
  const centroidZone = zoneForLongitude(sumLon / positions.length);
  const zonesSeen = [...counts.keys()].sort((a, b) => a - b);
  const best = Math.max(...counts.values());
  const candidates = zonesSeen.filter((zone) => counts.get(zone) === best);
  const zone = candidates.includes(centroidZone) ? centroidZone : candidates[0]!;
  const straddles = zonesSeen.length > 1;
  const reason = straddles
    ? `The claims straddle UTM zones ${zonesSeen.join(' and ')}; zone ${zone} holds most of their corners, so all measuring is done in it. You can choose another zone.`
    : `All claims lie in UTM zone ${zone}.`;
  return { zone, epsg: nad83UtmEpsg(zone), zonesSeen, straddles, reason };
}

function definition(zone: number): string {
  return `+proj=utm +zone=${zone} +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`;
}

export interface UtmConverter {
  epsg: number;
  zone: number;
  toUtm(position: Position): Utm;
  toLonLat(utm: Utm): Position;
}

const converters = new Map<number, UtmConverter>();

/** Cached per zone: proj4 parses a definition once and the converter is called for every vertex. */
export function utmConverter(epsg: number): UtmConverter {
  const cached = converters.get(epsg);
  if (cached) return cached;
  const zone = zoneFromEpsg(epsg);
  const projection = proj4('EPSG:4326', definition(zone));
  const converter: UtmConverter = {
    epsg,
    zone,
    toUtm: (position) => projection.forward([position[0], position[1]]) as Utm,
    toLonLat: (utm) => projection.inverse([utm[0], utm[1]]) as Position,
  };
  converters.set(epsg, converter);
  return converter;
}

/**
 * Point scale factor k of the transverse Mercator at a point (grid distance = ground distance × k, ignoring
 * elevation). k is 0.9996 on the central meridian and grows to about 1.0004 at zone edges, so a "1,500 ft" line
 * laid out in grid units can be half a foot long or short on the ground; layout multiplies ground lengths by k
 * to get grid lengths, and measuring divides grid lengths by k.
 */
export function utmScaleFactor(epsg: number, utm: Utm): number {
  const { toLonLat, zone } = utmConverter(epsg);
  const [lon, lat] = toLonLat(utm);
  const centralMeridian = zone * 6 - 183;
  const e2 = 0.00669438002290; // GRS80 first eccentricity squared
  const phi = (lat * Math.PI) / 180;
  const dl = ((lon - centralMeridian) * Math.PI) / 180;
  const ep2 = e2 / (1 - e2);
  const c = ep2 * Math.cos(phi) ** 2;
  const a = dl * Math.cos(phi);
  const t = Math.tan(phi) ** 2;
  // Snyder (1987) eq. 8-11, accurate to well under 1 ppm within a zone.
  return 0.9996 * (1 + ((1 + c) * a ** 2) / 2 + ((5 - 4 * t + 42 * c + 13 * c ** 2 - 28 * ep2) * a ** 4) / 24);
}
