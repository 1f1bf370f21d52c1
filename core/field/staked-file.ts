/**
 * Reads the crew's file of set posts: a GPX (1.1 or 1.0; waypoints, as Garmin units, BaseCamp and phone apps
 * such as Gaia GPS or Avenza write them) or a CSV with a name, a latitude and a longitude column (ClaimDesk's own
 * waypoints.csv included). Only waypoints count: a GPX's route points repeat its waypoints, and a track is where
 * someone walked, not where a post stands. A point with a position that cannot be a position is skipped and said
 * why; a file with no usable point at all is refused with the reason.
 */
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

/** RFC 4180 fields: quotes around a field that holds a comma, quote or line break; quotes doubled inside. */
export function csvRows(text: string): string[][] {
  // The header's separator: a comma, else a semicolon (spreadsheets set to decimal commas) or a tab.
  const head = text.split(/\r?\n/, 1)[0] ?? '';
  const separator = head.includes(',') ? ',' : head.includes(';') ? ';' : '\t';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') [field, i] = [field + '"', i + 1];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) [row, field] = [[...row, field], ''];
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      rows.push([...row, field]);
      [row, field] = [[], ''];
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

const NAME_COLUMNS = ['name', 'waypoint', 'ident', 'post', 'post_id', 'id', 'title'];
const LAT_COLUMNS = ['lat', 'latitude', 'y'];
const LON_COLUMNS = ['lon', 'long', 'lng', 'longitude', 'x'];

export function parseStakedCsv(text: string, fileName: string): StakedFile {
  const rows = csvRows(text.replace(/^\uFEFF/, ''));
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
