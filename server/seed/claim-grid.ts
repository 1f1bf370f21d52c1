/**
 * Builds blocks of federal lode claims (600 × 1500 ft) with exact geometry: the block is laid out in the
 * NAD83 UTM zone that contains it, so side lengths are exact in grid metres, and every corner is computed
 * once and reused, so neighbouring claims share corners bit for bit after conversion to WGS84.
 */
import proj4 from 'proj4';

export const FOOT_M = 0.3048;
export const LODE_LENGTH_FT = 1500;
export const LODE_WIDTH_FT = 600;
export const LODE_LENGTH_M = LODE_LENGTH_FT * FOOT_M; // 457.2
export const LODE_WIDTH_M = LODE_WIDTH_FT * FOOT_M; // 182.88
/** 8 decimals of a degree is about 1 mm: well inside the 1 cm the tests allow, and ≥ 7 as the contract asks. */
export const COORDINATE_DECIMALS = 8;

export type LonLat = [number, number];

export interface LodeClaimFeature {
  type: 'Feature';
  properties: { name: string };
  geometry: { type: 'Polygon'; coordinates: LonLat[][] };
}

export interface LodeGridOptions {
  /** WGS84 longitude/latitude of the block's starting corner (corner 0,0). */
  lon: number;
  lat: number;
  /** Claims end to end along the azimuth. */
  rows: number;
  /** Claims side by side across the azimuth (to the right when facing along it). */
  cols: number;
  /** Direction of the long (1500 ft) axis, degrees clockwise from grid north. */
  azimuthDeg: number;
  /** Claim names are `${prefix} ${n}`, numbered row by row from 1. */
  prefix: string;
  /** First claim number (default 1). */
  firstNumber?: number;
  /** Force a UTM zone (default: the zone containing lon). */
  zone?: number;
}

export function utmZoneForLon(lon: number): number {
  return Math.min(60, Math.max(1, Math.floor((lon + 180) / 6) + 1));
}

/** NAD83 / UTM zone N north; EPSG:269NN covers zones 1-23 (all of the US including Alaska). */
export function nad83UtmEpsg(zone: number): number {
  return 26900 + zone;
}

export function nad83UtmProj4(zone: number): string {
  return `+proj=utm +zone=${zone} +datum=NAD83 +units=m +no_defs`;
}

const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';

export interface UtmConverter {
  zone: number;
  epsg: number;
  toUtm(lonLat: readonly [number, number]): [number, number];
  toLonLat(en: readonly [number, number]): [number, number];
}

const converters = new Map<number, UtmConverter>();

export function utmConverter(zone: number): UtmConverter {
  const cached = converters.get(zone);
  if (cached !== undefined) return cached;
  const converter = proj4(WGS84, nad83UtmProj4(zone));
  const made: UtmConverter = {
    zone,
    epsg: nad83UtmEpsg(zone),
    toUtm: ([lon, lat]) => {
      const [e, n] = converter.forward([lon, lat]);
      return [e ?? Number.NaN, n ?? Number.NaN];
    },
    toLonLat: ([e, n]) => {
      const [lon, lat] = converter.inverse([e, n]);
      return [lon ?? Number.NaN, lat ?? Number.NaN];
    },
  };
  converters.set(zone, made);
  return made;
}

function round(value: number): number {
  const factor = 10 ** COORDINATE_DECIMALS;
  return Math.round(value * factor) / factor;
}

/**
 * The lattice of block corners in UTM metres: `corners[i][j]` is i lengths along the azimuth and j widths
 * across it from the start corner.
 */
export function lodeCornerLattice(options: LodeGridOptions): { zone: number; corners: [number, number][][] } {
  if (!Number.isInteger(options.rows) || !Number.isInteger(options.cols) || options.rows < 1 || options.cols < 1) {
    throw new RangeError(`rows and cols must be positive integers (got ${options.rows} × ${options.cols})`);
  }
  const zone = options.zone ?? utmZoneForLon(options.lon);
  const [e0, n0] = utmConverter(zone).toUtm([options.lon, options.lat]);
  const az = (options.azimuthDeg * Math.PI) / 180;
  const along: [number, number] = [Math.sin(az), Math.cos(az)];
  const across: [number, number] = [Math.cos(az), -Math.sin(az)];
  const corners: [number, number][][] = [];
  for (let i = 0; i <= options.rows; i++) {
    const row: [number, number][] = [];
    for (let j = 0; j <= options.cols; j++) {
      const a = i * LODE_LENGTH_M;
      const c = j * LODE_WIDTH_M;
      row.push([e0 + a * along[0] + c * across[0], n0 + a * along[1] + c * across[1]]);
    }
    corners.push(row);
  }
  return { zone, corners };
}

/**
 * Claim polygons of a rows × cols block, WGS84, exterior rings counter-clockwise and closed
 * (start corner, across, across + along, along, start corner).
 */
export function buildLodeGrid(options: LodeGridOptions): LodeClaimFeature[] {
  const { zone, corners } = lodeCornerLattice(options);
  const toLonLat = utmConverter(zone).toLonLat;
  const lonLat = corners.map((row) =>
    row.map((en): LonLat => {
      const [lon, lat] = toLonLat(en);
      return [round(lon), round(lat)];
    }),
  );
  const at = (i: number, j: number): LonLat => {
    const point = lonLat[i]?.[j];
    if (point === undefined) throw new RangeError(`corner ${i},${j} outside the lattice`);
    return point;
  };
  const features: LodeClaimFeature[] = [];
  let number = options.firstNumber ?? 1;
  for (let i = 0; i < options.rows; i++) {
    for (let j = 0; j < options.cols; j++) {
      const ring = [at(i, j), at(i, j + 1), at(i + 1, j + 1), at(i + 1, j), at(i, j)];
      features.push({
        type: 'Feature',
        properties: { name: `${options.prefix} ${number}` },
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
      number++;
    }
  }
  return features;
}
