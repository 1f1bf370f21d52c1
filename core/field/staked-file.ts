/**
 * Reads the crew's file of set posts: a GPX (1.1 or 1.0; waypoints, as Garmin units, BaseCamp and phone apps
 * such as Gaia GPS or Avenza write them) or a CSV with a name, a latitude and a longitude column (ClaimDesk's own
 * waypoints.csv included). Only waypoints count: a GPX's route points repeat its waypoints, and a track is where
 * someone walked, not where a post stands. A point with a position that cannot be a position is skipped and said
 * why; a file with no usable point at all is refused with the reason.
 */
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../shared/errors';
import { stakedPointSchema, type StakedPoint } from '../../shared/field/field.types';

export interface StakedFile {
  points: StakedPoint[];
  /** Points left out, each with why. */
  warnings: string[];
}

function bad(message: string): AppError {
  return new AppError('invalid-request', message);
}

function point(name: string, lat: unknown, lon: unknown, time: unknown, where: string, warnings: string[]): StakedPoint | null {
  const parsed = stakedPointSchema.safeParse({
    name: name.trim().slice(0, 200),
    lat: typeof lat === 'string' && lat.trim() !== '' ? Number(lat) : NaN,
    lon: typeof lon === 'string' && lon.trim() !== '' ? Number(lon) : NaN,
    time: typeof time === 'string' && time.trim() !== '' ? time.trim().slice(0, 40) : null,
  });
  if (!parsed.success) {
    warnings.push(`${where}${name ? ` "${name}"` : ''} has no usable latitude and longitude (${String(lat)}, ${String(lon)}); it is left out.`);
    return null;
  }
  return parsed.data;
}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return text((value as { '#text': unknown })['#text']);
  return '';
}

export function parseGpx(xml: string, fileName: string): StakedFile {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw bad(`${fileName} is not a readable GPX file: ${valid.err.msg} (line ${valid.err.line}).`);
  // Namespace prefixes dropped: some apps write <gpx:wpt>. Values kept as text, so "0012" stays a name.
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, parseAttributeValue: false });
  const doc = parser.parse(xml) as { gpx?: { wpt?: unknown } };
  if (!doc.gpx || typeof doc.gpx !== 'object') throw bad(`${fileName} is XML but not GPX (no <gpx> element).`);
  const warnings: string[] = [];
  const points: StakedPoint[] = [];
  asArray(doc.gpx.wpt as Record<string, unknown> | Record<string, unknown>[] | undefined).forEach((wpt, k) => {
    const p = point(text(wpt.name), wpt['@lat'], wpt['@lon'], text(wpt.time), `Waypoint ${k + 1}`, warnings);
    if (p) points.push(p);
  });
  if (points.length === 0) throw bad(`${fileName} holds no waypoints${warnings.length > 0 ? ' with a usable position' : ''}: mark each post as a waypoint on the unit and export those.`);
  return { points, warnings };
}

/**
 * The rows of a CSV (RFC 4180 quoting; CRLF or LF) by csv-parse. The separator is the header's: a comma, else a
 * semicolon (spreadsheets set to decimal commas, where "40,5" is one number) or a tab; never several at once.
 */
function csvRows(text: string, fileName: string): string[][] {
  const head = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = head.includes(',') ? ',' : head.includes(';') ? ';' : '\t';
  try {
    const rows = parse(text, { bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
    return rows.filter((row) => row.some((field) => field.trim() !== ''));
  } catch (error) {
    throw bad(`${fileName} is not a readable CSV file: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const NAME_COLUMNS = ['name', 'waypoint', 'ident', 'post', 'post_id', 'id', 'title'];
const LAT_COLUMNS = ['lat', 'latitude', 'y'];
const LON_COLUMNS = ['lon', 'long', 'lng', 'longitude', 'x'];

export function parseStakedCsv(text: string, fileName: string): StakedFile {
  const rows = csvRows(text, fileName);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const column = (names: readonly string[]): number => names.map((n) => header.indexOf(n)).find((i) => i >= 0) ?? -1;
  const [nameAt, latAt, lonAt] = [column(NAME_COLUMNS), column(LAT_COLUMNS), column(LON_COLUMNS)];
  if (latAt < 0 || lonAt < 0) {
    throw bad(`${fileName} needs a header row with latitude and longitude columns (lat/latitude and lon/longitude, decimal degrees); it has: ${header.join(', ') || 'nothing'}.`);
  }
  const warnings: string[] = [];
  const points: StakedPoint[] = [];
  rows.slice(1).forEach((r, k) => {
    const p = point(nameAt >= 0 ? (r[nameAt] ?? '') : '', r[latAt], r[lonAt], undefined, `Row ${k + 2}`, warnings);
    if (p) points.push(p);
  });
  if (points.length === 0) throw bad(`${fileName} has no rows with a usable latitude and longitude.`);
  return { points, warnings };
}

/** By content, not by extension alone: a GPX saved as .txt is still read. */
export function parseStakedFile(text: string, fileName: string): StakedFile {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('<')) return parseGpx(trimmed, fileName);
  if (/\.gpx$/i.test(fileName)) throw bad(`${fileName} is not a readable GPX file: it does not start with XML.`);
  return parseStakedCsv(text, fileName);
}
