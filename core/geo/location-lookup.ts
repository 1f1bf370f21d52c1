/**
 * State and county of a point from the county boundaries shipped with the app (us-atlas counties-10m, TopoJSON
 * in lon/lat). Works offline; the boundaries are generalised to 1:10,000,000, so a point within about a
 * kilometre of a county line can land in the neighbour: that is what the job's manual override is for.
 *
 * The file (3.5 MB) is read once, lazily, on the first lookup, and resolved at run time from node_modules rather
 * than imported: imported JSON would be inlined into the electron-vite bundle, and resolving keeps it one copy
 * that works from source (tsx, vitest) and from out/main alike.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { booleanPointInPolygon, bbox } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import RBush from 'rbush';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { AppError } from '../../shared/errors';
import { stateByFips } from '../../shared/geo/us-states';
import type { LocationLookup } from '../../shared/jobs/job.types';

export const COUNTIES_MODULE = 'us-atlas/counties-10m.json';

interface CountyEntry {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  fips: string;
  name: string;
  shape: Feature<Polygon | MultiPolygon>;
}

export interface CountyIndex {
  tree: RBush<CountyEntry>;
  count: number;
}

export const NOWHERE: LocationLookup = { stateCode: null, stateName: null, countyName: null };

let cached: CountyIndex | null = null;

export function resolveCountiesFile(): string {
  try {
    return createRequire(__filename).resolve(COUNTIES_MODULE);
  } catch (error) {
    throw new AppError('internal', `The county boundaries (${COUNTIES_MODULE}) are missing from this installation.`, { cause: error });
  }
}

export function buildCountyIndex(topology: Topology): CountyIndex {
  const counties = topology.objects.counties as GeometryCollection<{ name: string }> | undefined;
  if (!counties) throw new AppError('internal', 'The county boundary file has no "counties" object.');
  const collection = feature(topology, counties);
  const entries: CountyEntry[] = [];
  for (const county of collection.features) {
    const { geometry } = county;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
    const [minX, minY, maxX, maxY] = bbox(county);
    entries.push({
      minX,
      minY,
      maxX,
      maxY,
      fips: String(county.id ?? ''),
      name: county.properties?.name ?? '',
      shape: county as Feature<Polygon | MultiPolygon>,
    });
  }
  const tree = new RBush<CountyEntry>();
  tree.load(entries); // bulk load: one packed tree instead of 3,000 inserts
  return { tree, count: entries.length };
}

/** The cached index, loaded on first use. */
export function countyIndex(): CountyIndex {
  if (!cached) {
    const file = resolveCountiesFile();
    cached = buildCountyIndex(JSON.parse(readFileSync(file, 'utf8')) as Topology);
  }
  return cached;
}

export function lookupLocationIn(index: CountyIndex, lon: number, lat: number): LocationLookup {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return NOWHERE;
  const candidates = index.tree.search({ minX: lon, minY: lat, maxX: lon, maxY: lat });
  for (const county of candidates) {
    if (!booleanPointInPolygon([lon, lat], county.shape)) continue;
    const state = stateByFips(county.fips.slice(0, 2));
    return { stateCode: state?.code ?? null, stateName: state?.name ?? null, countyName: county.name || null };
  }
  return NOWHERE;
}

/** State (postal code and name) and county at a WGS84 / NAD83 lon/lat; nulls outside the US. */
export function lookupLocation(lon: number, lat: number): LocationLookup {
  return lookupLocationIn(countyIndex(), lon, lat);
}
