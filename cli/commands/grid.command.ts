/**
 * `claimdesk grid --lat LAT --lon LON --rows R --cols C [--azimuth DEG] [--prefix P] [--first N] [--anchor nw|center]
 * [--type lode|placer] [--state XX] [--geojson]`: lays out a block of claims with the app's own grid tool and
 * monument rules, without a job or a cache. The UTM zone is the anchor's; the state (which decides the monuments)
 * defaults to where the anchor lies.
 */
import { parseArgs } from 'node:util';
import { deriveMonuments } from '../../shared/claims/monuments';
import { AppError, describeZodError } from '../../shared/errors';
import { stateByCode } from '../../shared/geo/us-states';
import { chooseZone, utmConverter } from '../../shared/geo/utm';
import type { Position } from '../../shared/geometry/geojson.types';
import { generateGrid } from '../../shared/layout/grid';
import { layoutToFeatureCollection } from '../../shared/layout/layout-geojson';
import { gridParamsSchema } from '../../shared/layout/layout.types';
import { lookupLocation } from '../../core/geo/location-lookup';
import { defaultMonumentSettings } from '../../core/jobs/job-defaults';
import { UsageError, type CliIo } from '../cli-context';

const NUMERIC_OPTIONS = ['--lat', '--lon', '--azimuth', '--rows', '--cols', '--first'];

/**
 * parseArgs refuses `--lon -116.5` as ambiguous (the value looks like an option); longitudes in the US are all
 * negative, so a number after a numeric option is joined to it (`--lon=-116.5`) before parsing.
 */
export function joinNegativeNumbers(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (NUMERIC_OPTIONS.includes(arg) && next !== undefined && /^-\d*\.?\d+(e[-+]?\d+)?$/i.test(next)) {
      out.push(`${arg}=${next}`);
      i += 1;
    } else {
      out.push(arg);
    }
  }
  return out;
}

function number(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`grid needs --${name}.`);
  }
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new UsageError(`--${name} must be a number (got "${value}").`);
  return parsed;
}

interface MonumentFeature {
  type: 'Feature';
  properties: { kind: string; claim: string; label: string };
  geometry: { type: 'Point'; coordinates: Position };
}

export async function runGridCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: joinNegativeNumbers(args),
    strict: true,
    options: {
      lat: { type: 'string' },
      lon: { type: 'string' },
      rows: { type: 'string' },
      cols: { type: 'string' },
      azimuth: { type: 'string' },
      prefix: { type: 'string' },
      first: { type: 'string' },
      anchor: { type: 'string' },
      type: { type: 'string' },
      state: { type: 'string' },
      geojson: { type: 'boolean', default: false },
    },
  });
  const lat = number('lat', values.lat);
  const lon = number('lon', values.lon);
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) throw new UsageError('--lat must be within ±90 and --lon within ±180.');
  const state = values.state === undefined ? undefined : stateByCode(values.state);
  if (values.state !== undefined && !state) throw new UsageError(`--state "${values.state}" is not a US state code (for example NV).`);

  let epsg: number;
  try {
    epsg = chooseZone([[lon, lat]]).epsg;
  } catch (error) {
    throw new AppError('invalid-request', `${lon}, ${lat} lies outside the NAD83 / UTM zones of the US (1-23).`, { cause: error });
  }
  const params = gridParamsSchema.safeParse({
    kind: values.type ?? 'lode',
    rows: number('rows', values.rows),
    cols: number('cols', values.cols),
    azimuthDeg: number('azimuth', values.azimuth, 0),
    prefix: values.prefix ?? 'Claim',
    firstNumber: number('first', values.first, 1),
    anchorMode: values.anchor ?? 'nw',
    anchor: utmConverter(epsg).toUtm([lon, lat]),
  });
  if (!params.success) throw new UsageError(describeZodError(params.error, 'grid options'));

  const stateCode = state?.code ?? lookupLocation(lon, lat).stateCode;
  const claims = generateGrid(params.data, epsg);
  const { monuments } = deriveMonuments(claims, defaultMonumentSettings(stateCode), stateCode, epsg);

  if (values.geojson) {
    const points: MonumentFeature[] = monuments.map((monument) => ({
      type: 'Feature',
      properties: { kind: monument.kind, claim: monument.claimName, label: monument.label },
      geometry: { type: 'Point', coordinates: monument.lonLat },
    }));
    const polygons = layoutToFeatureCollection(claims, epsg).features.map((feature) => ({
      type: feature.type,
      properties: { name: feature.properties.name, kind: feature.properties.kind },
      geometry: feature.geometry,
    }));
    io.stdout(`${JSON.stringify({ type: 'FeatureCollection', features: [...polygons, ...points] })}\n`);
    return 0;
  }
  const where = stateCode ?? 'outside the US';
  io.stdout(`${claims.length} ${params.data.kind} claims in EPSG:${epsg} (${where}), ${monuments.length} monuments\n`);
  const { toLonLat } = utmConverter(epsg);
  for (const claim of claims) {
    const corners = claim.corners.map((corner) => toLonLat(corner).map((v) => v.toFixed(7)).join(',')).join('  ');
    io.stdout(`${claim.name.padEnd(16)} ${corners}\n`);
  }
  return 0;
}
