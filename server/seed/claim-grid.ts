/**
 * Builds blocks of federal lode claims (600 × 1500 ft ON THE GROUND, as the law measures them) with exact
 * geometry. The block is laid out in the NAD83 UTM zone that contains it, but UTM grid metres are not ground
 * metres: grid = ground × k, where the point scale factor k runs from 0.9996 on the central meridian to about
 * 1.0004 at zone edges. Laying a claim out as 457.2 grid metres makes it up to ~0.6 ft too long on the ground
 * (and 20.68 acres), which ClaimDesk's legal validation rightly rejects. So corners are placed through the
 * shared ground→grid frame (shared/layout/ground-lattice.ts, a conformal map whose scale follows k across the
 * block), the same one the app's grid tool uses; the geodesic side lengths come out within a millimetre.
 * Every corner is computed once and reused, so neighbouring claims share corners bit for bit after conversion
 * to WGS84.
 */
import { FOOT_M, nad83UtmEpsg, utmConverter, zoneForLongitude, type Utm } from '../../shared/geo/utm';
import { groundFrame } from '../../shared/layout/ground-lattice';

export { FOOT_M };
export const LODE_LENGTH_FT = 1500;
export const LODE_WIDTH_FT = 600;
/** Ground metres (not grid metres: see the module comment). */
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
  /** Direction of the long axis, degrees clockwise from grid north. */
  azimuthDeg: number;
  /** Claim names are `${prefix} ${n}`, numbered row by row from 1. */
  prefix: string;
  /** First claim number (default 1). */
  firstNumber?: number;
  /** Force a UTM zone (default: the zone containing lon). */
  zone?: number;
  /** Ground length of each claim along the azimuth, feet (default 1500, the legal maximum). */
  lengthFt?: number;
  /** Ground width of each claim across the azimuth, feet (default 600, the legal maximum). */
  widthFt?: number;
}

function round(value: number): number {
  const factor = 10 ** COORDINATE_DECIMALS;
  return Math.round(value * factor) / factor;
}

function checkSize(label: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${label} must be a positive number of feet (got ${value})`);
}

/**
 * The lattice of block corners in UTM grid metres: `corners[i][j]` is i claim lengths along the azimuth and
 * j widths across it (to the right) from the start corner, measured on the ground.
 */
export function lodeCornerLattice(options: LodeGridOptions): { zone: number; epsg: number; corners: Utm[][] } {
  if (!Number.isInteger(options.rows) || !Number.isInteger(options.cols) || options.rows < 1 || options.cols < 1) {
    throw new RangeError(`rows and cols must be positive integers (got ${options.rows} × ${options.cols})`);
  }
  const lengthFt = options.lengthFt ?? LODE_LENGTH_FT;
  const widthFt = options.widthFt ?? LODE_WIDTH_FT;
  checkSize('lengthFt', lengthFt);
  checkSize('widthFt', widthFt);
  const zone = options.zone ?? zoneForLongitude(options.lon);
  const epsg = nad83UtmEpsg(zone);
  const start = utmConverter(epsg).toUtm([options.lon, options.lat]);
  const frame = groundFrame(epsg, start, options.azimuthDeg);
  const lengthM = lengthFt * FOOT_M;
  const widthM = widthFt * FOOT_M;
  const corners: Utm[][] = [];
  for (let i = 0; i <= options.rows; i++) {
    const row: Utm[] = [];
    for (let j = 0; j <= options.cols; j++) row.push(frame.place(i * lengthM, j * widthM)); // place(0, 0) is the start corner exactly
    corners.push(row);
  }
  return { zone, epsg, corners };
}

/**
 * Claim polygons of a rows × cols block, WGS84, exterior rings counter-clockwise and closed
 * (start corner, across, across + along, along, start corner).
 */
export function buildLodeGrid(options: LodeGridOptions): LodeClaimFeature[] {
  const { epsg, corners } = lodeCornerLattice(options);
  const { toLonLat } = utmConverter(epsg);
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
