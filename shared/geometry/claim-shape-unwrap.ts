/**
 * Turns claim_polygons, in whichever shape the server stored it, into a flat list of claim entries
 * (name + raw geometry). The real server mixes shapes by order age and source (as the GeoDB QGIS plugin reads them):
 * FeatureCollection, single Feature, bare list of Features, {claims: [{name, geometry}]}, a JSON string of
 * any of those (legacy rows), and we also take a bare Polygon/MultiPolygon geometry. Nothing is validated
 * here beyond the wrapping; geometry checks live in claim-geometry-check.ts.
 */
import type { OrderIssue } from '../domain/order.types';
import { CLAIM_PROBLEM_CODES, claimIssue, describeValue } from './claim-issue-codes';
import { ORDER_LIMITS } from '../domain/order-limits';

export interface RawClaimEntry {
  /** 1-based position among the claims found, used for "Claim <n>" names. */
  position: number;
  /** The name the entry carries, or null when it has none. */
  name: string | null;
  /** The entry's geometry exactly as received (may be null or garbage). */
  geometry: unknown;
  /** Set when the entry is not a Feature / claim record at all: what it is instead. */
  unrecognised?: string;
  /** The name's length as sent, when it was longer than ORDER_LIMITS.maxTextChars and was cut there. */
  nameCutFrom?: number;
}

export type UnwrapResult = { ok: true; entries: RawClaimEntry[] } | { ok: false; problem: OrderIssue };

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

/** Where claim names live, in the order the plugin (and its step-6 processing) looks for them. */
const NAME_KEYS = ['name', 'claim_name', 'Name', 'NAME', 'CLAIM_NAME'] as const;

/** Legacy rows are sometimes serialised twice; two levels of JSON string is all we have seen. */
const MAX_STRING_DEPTH = 2;

const EXPECTED_SHAPES =
  'expected a FeatureCollection, a Feature, a list of Features, {claims: [...]} or a Polygon/MultiPolygon geometry';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readName(source: Record<string, unknown> | null | undefined): string | null {
  if (!source) return null;
  for (const key of NAME_KEYS) {
    const value = source[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return null;
}

/** A name longer than the text cap is cut there; the entry records its length so a problem can name it. */
function withName(entry: RawClaimEntry): RawClaimEntry {
  if (entry.name === null || entry.name.length <= ORDER_LIMITS.maxTextChars) return entry;
  return { ...entry, name: entry.name.slice(0, ORDER_LIMITS.maxTextChars), nameCutFrom: entry.name.length };
}

/** One element of a features / claims list (or the single Feature). */
function readEntry(item: unknown, position: number): RawClaimEntry {
  return withName(readEntryAsSent(item, position));
}

function readEntryAsSent(item: unknown, position: number): RawClaimEntry {
  if (!isRecord(item)) {
    return { position, name: null, geometry: undefined, unrecognised: describeValue(item) };
  }
  const properties = isRecord(item.properties) ? item.properties : null;
  if (item.type === 'Feature' || 'geometry' in item) {
    // Features carry their name in properties; {claims: [{name, geometry}]} records carry it on themselves.
    return { position, name: readName(properties) ?? readName(item), geometry: item.geometry };
  }
  if (typeof item.type === 'string' && GEOMETRY_TYPES.has(item.type)) {
    return { position, name: null, geometry: item };
  }
  const what = typeof item.type === 'string' ? `an object of type "${item.type}"` : 'an object without a geometry';
  return { position, name: readName(properties) ?? readName(item), geometry: undefined, unrecognised: what };
}

function readList(list: unknown[], what: string): UnwrapResult {
  if (list.length === 0) {
    return { ok: false, problem: claimIssue(CLAIM_PROBLEM_CODES.empty, `claim_polygons is ${what} with no claims in it`) };
  }
  return { ok: true, entries: list.map((item, i) => readEntry(item, i + 1)) };
}

function describeKeys(value: Record<string, unknown>): string {
  const keys = Object.keys(value);
  if (keys.length === 0) return 'an empty object';
  const shown = keys.slice(0, 6).join(', ');
  return `an object with keys ${shown}${keys.length > 6 ? ', …' : ''}`;
}

function unwrap(value: unknown, depth: number): UnwrapResult {
  if (value === null || value === undefined) {
    const message = value === null ? 'claim_polygons is null: the order has no claim polygons' : 'claim_polygons is missing';
    return { ok: false, problem: claimIssue(CLAIM_PROBLEM_CODES.missing, message) };
  }
  if (typeof value === 'string') {
    if (value.trim() === '') {
      return { ok: false, problem: claimIssue(CLAIM_PROBLEM_CODES.empty, 'claim_polygons is an empty string') };
    }
    if (depth >= MAX_STRING_DEPTH) {
      return { ok: false, problem: claimIssue(CLAIM_PROBLEM_CODES.unrecognised, `claim_polygons is JSON text nested too deeply; ${EXPECTED_SHAPES}`) };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      const detail = error instanceof Error ? ` (${error.message})` : '';
      return {
        ok: false,
        problem: claimIssue(CLAIM_PROBLEM_CODES.unparseable, `claim_polygons is a string that does not parse as JSON${detail}`),
      };
    }
    return unwrap(parsed, depth + 1);
  }
  if (Array.isArray(value)) return readList(value, 'a list');
  if (!isRecord(value)) {
    return {
      ok: false,
      problem: claimIssue(CLAIM_PROBLEM_CODES.unrecognised, `claim_polygons is ${describeValue(value)}; ${EXPECTED_SHAPES}`),
    };
  }
  if (value.type === 'FeatureCollection') {
    if (Array.isArray(value.features)) return readList(value.features, 'a FeatureCollection');
    return {
      ok: false,
      problem: claimIssue(CLAIM_PROBLEM_CODES.unrecognised, 'claim_polygons is a FeatureCollection without a features list'),
    };
  }
  if (value.type === 'Feature') return { ok: true, entries: [readEntry(value, 1)] };
  if (typeof value.type === 'string' && GEOMETRY_TYPES.has(value.type)) {
    return { ok: true, entries: [{ position: 1, name: null, geometry: value }] };
  }
  if (Array.isArray(value.claims)) return readList(value.claims, 'a claims list');
  return {
    ok: false,
    problem: claimIssue(CLAIM_PROBLEM_CODES.unrecognised, `claim_polygons has an unrecognised shape (${describeKeys(value)}); ${EXPECTED_SHAPES}`),
  };
}

export function unwrapClaimPolygons(value: unknown): UnwrapResult {
  return unwrap(value, 0);
}
