/**
 * A synthetic CadNSDI data set for tests and the benchmark, in BLM's own layers and field names: townships of 36
 * one-mile sections numbered serpentine from 1 at the north-east (1–6 west along the north tier, 7–12 back east…),
 * every section split into its sixteen quarter-quarters, and section 6 carrying government lots along its north
 * and west tiers as a real section 6 does. Laid out exactly in NAD83 / UTM zone 11 (EPSG:26911) and written in
 * lon/lat, so tests know the answer at any point.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { utmConverter, type Utm } from '../../shared/geo/utm';
import type { Position } from '../../shared/geometry/geojson.types';
import { readCadnsdiProperties } from '../../shared/plss/cadnsdi-fields';
import { meridianName } from '../../shared/plss/meridians';
import type { PlssArea, PlssPart } from '../../shared/plss/plss.types';

export const FIXTURE_EPSG = 26911;
/** US survey mile, metres. */
export const MILE_M = 1609.3472;
/** South-west corner of T39N R55E in the fixture (grid metres); other townships tile from it. */
export const FIXTURE_ORIGIN: Utm = [600_000, 4_560_000];
export const FIXTURE_DATE = '2024-03-01';

/** Section 6's lots: the north tier (L1 east … L4 west) and the west tier below it (L5 … L7 south). */
const SECTION_6_LOTS: Record<string, string> = { NENE: '1', NWNE: '2', NENW: '3', NWNW: '4', SWNW: '5', NWSW: '6', SWSW: '7' };

interface Feature {
  type: 'Feature';
  properties: Record<string, string>;
  geometry: { type: 'Polygon'; coordinates: Position[][] };
}

export interface TownshipSpec {
  /** Township and range numbers (north, east), and the grid offset of its SW corner in townships from the origin. */
  township: number;
  range: number;
  dx: number;
  dy: number;
}

/** Section number at (row from the north, column from the west), 0..5 each. */
export function sectionNumber(row: number, col: number): number {
  return row * 6 + (row % 2 === 0 ? 6 - col : col + 1);
}

/** Row and column of a section number. */
export function sectionCell(section: number): { row: number; col: number } {
  const row = Math.floor((section - 1) / 6);
  const k = (section - 1) % 6;
  return { row, col: row % 2 === 0 ? 5 - k : k };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function plssIdOf(spec: Pick<TownshipSpec, 'township' | 'range'>): string {
  return `NV21${pad(spec.township, 3)}0N${pad(spec.range, 3)}0E0`;
}

function ring(corners: Utm[]): Position[][] {
  const { toLonLat } = utmConverter(FIXTURE_EPSG);
  const points = corners.map((c) => {
    const [lon, lat] = toLonLat(c);
    return [Math.round(lon * 1e9) / 1e9, Math.round(lat * 1e9) / 1e9] as Position;
  });
  return [[...points, points[0]!]];
}

function box(x0: number, y0: number, x1: number, y1: number): Utm[] {
  return [[x0, y0], [x0, y1], [x1, y1], [x1, y0]];
}

/** Grid point of a township's section grid: (col, row) counted in miles from its NW corner. */
function origin(spec: TownshipSpec, base: Utm = FIXTURE_ORIGIN): Utm {
  return [base[0] + spec.dx * 6 * MILE_M, base[1] + spec.dy * 6 * MILE_M];
}

/** The grid rectangle of a quarter-quarter (or a lot in its place) of a section. */
export function quarterQuarterBox(spec: TownshipSpec, section: number, label: string, base?: Utm): Utm[] {
  const { row, col } = sectionCell(section);
  const [ox, oy] = origin(spec, base);
  const west = ox + col * MILE_M;
  const north = oy + (6 - row) * MILE_M;
  const q = MILE_M / 4;
  const quarterCol = label[3] === 'E' ? 2 : 0;
  const quarterRow = label[2] === 'N' ? 0 : 2;
  const c = quarterCol + (label[1] === 'E' ? 1 : 0);
  const r = quarterRow + (label[0] === 'N' ? 0 : 1);
  return box(west + c * q, north - (r + 1) * q, west + (c + 1) * q, north - r * q);
}

/** Centre of a quarter-quarter in lon/lat: where a lookup must answer it. */
export function quarterQuarterCentre(spec: TownshipSpec, section: number, label: string): Position {
  const b = quarterQuarterBox(spec, section, label);
  return utmConverter(FIXTURE_EPSG).toLonLat([(b[0]![0] + b[2]![0]) / 2, (b[0]![1] + b[2]![1]) / 2]);
}

export const T39N_R55E: TownshipSpec = { township: 39, range: 55, dx: 0, dy: 0 };

const QQ_LABELS = ['NE', 'NW', 'SW', 'SE'].flatMap((quarter) => ['NE', 'NW', 'SW', 'SE'].map((qq) => `${qq}${quarter}`));

export interface FixtureLayers {
  townships: Feature[];
  sections: Feature[];
  second: Feature[];
}

/** `origin`: the first township's SW corner in grid metres of EPSG:26911 (default FIXTURE_ORIGIN). */
export function fixtureLayers(specs: readonly TownshipSpec[] = [T39N_R55E], options: { secondDivision?: boolean; origin?: Utm } = {}): FixtureLayers {
  const out: FixtureLayers = { townships: [], sections: [], second: [] };
  for (const spec of specs) {
    const plssId = plssIdOf(spec);
    const [ox, oy] = origin(spec, options.origin);
    const township = {
      STATEABBR: 'NV', PRINMERCD: '21', PRINMER: 'Mount Diablo Meridian', TWNSHPNO: pad(spec.township, 3), TWNSHPFRAC: '0',
      TWNSHPDIR: 'N', RANGENO: pad(spec.range, 3), RANGEFRAC: '0', RANGEDIR: 'E', TWNSHPDPCD: '0', PLSSID: plssId,
      TWNSHPLAB: `${spec.township}N ${spec.range}E`, REVISEDDATE: FIXTURE_DATE,
    };
    out.townships.push({ type: 'Feature', properties: township, geometry: { type: 'Polygon', coordinates: ring(box(ox, oy, ox + 6 * MILE_M, oy + 6 * MILE_M)) } });
    for (let section = 1; section <= 36; section += 1) {
      const { row, col } = sectionCell(section);
      const west = ox + col * MILE_M;
      const south = oy + (5 - row) * MILE_M;
      const frstDivId = `${plssId}SN${pad(section, 2)}0`;
      out.sections.push({
        type: 'Feature',
        properties: { PLSSID: plssId, FRSTDIVID: frstDivId, FRSTDIVNO: String(section), FRSTDIVDUP: '0', FRSTDIVTYP: 'SN', FRSTDIVTXT: 'Section', FRSTDIVLAB: String(section), REVISEDDATE: FIXTURE_DATE },
        geometry: { type: 'Polygon', coordinates: ring(box(west, south, west + MILE_M, south + MILE_M)) },
      });
      if (options.secondDivision === false) continue;
      for (const label of QQ_LABELS) {
        const lot = section === 6 ? SECTION_6_LOTS[label] : undefined;
        const properties = lot
          ? { SECDIVID: `${frstDivId}L${lot}`, FRSTDIVID: frstDivId, PLSSID: plssId, SECDIVNO: lot, SECDIVTYP: 'L', SECDIVTXT: 'Lot', SECDIVLAB: `L ${lot}`, REVISEDDATE: FIXTURE_DATE }
          : { SECDIVID: `${frstDivId}A${label}`, FRSTDIVID: frstDivId, PLSSID: plssId, SECDIVNO: '', SECDIVTYP: 'A', SECDIVTXT: 'Aliquot Part', SECDIVLAB: label, REVISEDDATE: FIXTURE_DATE };
        out.second.push({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: ring(quarterQuarterBox(spec, section, label, options.origin)) } });
      }
    }
  }
  return out;
}

const collection = (features: Feature[]) => ({ type: 'FeatureCollection', name: 'PLSS', features });

/** The three layers as GeoJSON files, named as BLM names the layers. */
export function writeFixtureGeoJson(dir: string, layers: FixtureLayers = fixtureLayers()): string[] {
  const files = [
    ['PLSSTownship.geojson', layers.townships],
    ['PLSSFirstDivision.geojson', layers.sections],
    ['PLSSSecondDivision.geojson', layers.second],
  ] as const;
  return files.map(([name, features]) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(collection([...features])));
    return path;
  });
}

/**
 * The same layers as one zipped shapefile set in NAD83 / UTM zone 11, written by GDAL's ogr2ogr (gdal-bin), so the
 * import must read a real .prj and reproject.
 */
export function writeFixtureShapefileZip(dir: string, geojsonFiles: readonly string[], name = 'NV_PLSS.shp.zip'): string {
  const zip = join(dir, name);
  geojsonFiles.forEach((file, index) => {
    const layer = file.replace(/^.*[\\/]/, '').replace(/\.geojson$/, '');
    execFileSync('ogr2ogr', ['-f', 'ESRI Shapefile', ...(index > 0 ? ['-update'] : []), '-t_srs', `EPSG:${FIXTURE_EPSG}`, zip, file, '-nln', layer], { stdio: 'pipe' });
  });
  return zip;
}

/** The fixture as the cache would answer it (PlssPart objects), for tests of the pure PLSS code. */
export function fixtureArea(layers: FixtureLayers = fixtureLayers()): PlssArea {
  const parts: PlssPart[] = [];
  for (const feature of [...layers.townships, ...layers.sections, ...layers.second]) {
    const read = readCadnsdiProperties(feature.properties);
    if (!read.ok) throw new Error(read.reason);
    const r = read.record;
    parts.push({
      id: parts.length + 1,
      layer: r.layer,
      kind: r.kind,
      state: r.state,
      meridianCode: r.meridianCode,
      meridian: meridianName(r.meridianCode, r.meridianText),
      plssId: r.plssId,
      township: r.township,
      range: r.range,
      section: r.section,
      label: r.label,
      polygons: [feature.geometry.coordinates],
    });
  }
  const layer = (name: PlssArea['layers'][number]['layer']) => ({ state: 'NV', layer: name, dataDate: FIXTURE_DATE, importedAt: '2026-12-01T10:00:00.000Z', source: 'fixture', features: 0 });
  return { parts, layers: [layer('township'), layer('section'), layer('second')] };
}
