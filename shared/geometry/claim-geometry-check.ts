/**
 * Checks and repairs the geometry of ONE claim. Returns the repaired geometry only when nothing blocks
 * fulfilment; every problem and warning names the claim so staff can find it among the order's claims.
 * Checking stops at the first problem of a claim: once a coordinate is garbage, further messages about the
 * same claim would only be noise.
 */
import type { OrderIssue } from '../domain/order.types';
import { claimAreaAcres, formatAcres, judgeClaimArea, MAX_PLAUSIBLE_ACRES, MIN_PLAUSIBLE_ACRES } from './claim-area';
import { CLAIM_PROBLEM_CODES as P, CLAIM_WARNING_CODES as W, claimIssue, describeValue } from './claim-issue-codes';
import { checkCoordinateRange, extentOf } from './coordinate-range-check';
import type { ClaimGeometry, LinearRing } from './geojson.types';
import { readRing } from './ring-repair';
import { BUDGET_EXCEEDED, findRingSelfIntersection } from './ring-self-intersection';
import { formatCount, ORDER_LIMIT_CODES, ORDER_LIMITS, vertexCapsText } from '../domain/order-limits';

export interface ClaimGeometryResult {
  /** The repaired geometry, or null when a problem blocks the claim. */
  geometry: ClaimGeometry | null;
  areaAcres: number;
  problems: OrderIssue[];
  warnings: OrderIssue[];
}

export interface ClaimLabel {
  /** The claim's name as stored (also OrderIssue.claim). */
  name: string;
  /** How messages refer to it: "Claim 'GE 3'", or "Claim 3" when the name was made up. */
  label: string;
}

function ringName(part: number, ring: number, multi: boolean): string {
  const which = ring === 0 ? 'outer ring' : `inner ring ${ring}`;
  return multi ? `part ${part + 1} ${which}` : which;
}

/** 7 decimals of a degree is ~1 cm: enough to find the spot, without float noise like 40.832834899999995. */
function formatPosition(position: readonly [number, number]): string {
  return `${Number(position[0].toFixed(7))}, ${Number(position[1].toFixed(7))}`;
}

function fail(claim: ClaimLabel, code: (typeof P)[keyof typeof P], message: string, warnings: OrderIssue[] = []): ClaimGeometryResult {
  return { geometry: null, areaAcres: 0, problems: [claimIssue(code, message, claim.name)], warnings };
}

/** The polygons' raw coordinates, or a reason they cannot be read. */
function polygonsOf(type: 'Polygon' | 'MultiPolygon', coordinates: unknown[]): unknown[][] | string {
  if (type === 'Polygon') return [coordinates];
  const polygons: unknown[][] = [];
  for (let p = 0; p < coordinates.length; p++) {
    const polygon = coordinates[p];
    if (!Array.isArray(polygon)) return `part ${p + 1} is ${describeValue(polygon)} instead of a list of rings`;
    if (polygon.length === 0) return `part ${p + 1} has empty coordinates`;
    polygons.push(polygon);
  }
  return polygons;
}

export interface GeometryCheckOptions {
  /** True once the order's geometry check has used its time budget: the claim is then left unchecked. */
  overBudget?: () => boolean;
}

export function checkClaimGeometry(raw: unknown, claim: ClaimLabel, options: GeometryCheckOptions = {}): ClaimGeometryResult {
  const { label } = claim;
  if (raw === null || raw === undefined) return fail(claim, P.geometryNull, `${label} has no geometry (${describeValue(raw)})`);
  if (typeof raw !== 'object' || Array.isArray(raw) || !('type' in raw) || typeof raw.type !== 'string') {
    return fail(claim, P.geometryInvalid, `${label} does not have a GeoJSON geometry (got ${describeValue(raw)})`);
  }
  const type = raw.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return fail(claim, P.geometryType, `${label} is a ${type}; only Polygon or MultiPolygon claims can be fulfilled`);
  }
  const coordinates: unknown = 'coordinates' in raw ? raw.coordinates : undefined;
  if (coordinates === null || coordinates === undefined || (Array.isArray(coordinates) && coordinates.length === 0)) {
    return fail(claim, P.coordinatesEmpty, `${label} has empty coordinates (${type} without any positions)`);
  }
  if (!Array.isArray(coordinates)) {
    return fail(claim, P.geometryInvalid, `${label} has coordinates that are ${describeValue(coordinates)} instead of a list`);
  }
  const multi = type === 'MultiPolygon';
  const polygons = polygonsOf(type, coordinates);
  if (typeof polygons === 'string') return fail(claim, P.coordinatesEmpty, `${label}: ${polygons}`);

  const repaired: LinearRing[][] = [];
  let dimensions = 2;
  let duplicates = 0;
  const closedRings: string[] = [];
  for (let p = 0; p < polygons.length; p++) {
    const rings: LinearRing[] = [];
    const polygon = polygons[p] as unknown[];
    for (let r = 0; r < polygon.length; r++) {
      const positions: unknown = polygon[r];
      if (Array.isArray(positions) && positions.length > ORDER_LIMITS.maxVerticesPerRing) {
        const message = `${label}: ${ringName(p, r, multi)} has ${formatCount(positions.length)} vertices; ClaimDesk checks ${vertexCapsText()}`;
        return { geometry: null, areaAcres: 0, problems: [{ code: ORDER_LIMIT_CODES.tooManyVerticesInRing, message, claim: claim.name }], warnings: [] };
      }
      const read = readRing(positions);
      if (!read.ok) {
        const where = ringName(p, r, multi);
        if (read.kind === 'not-a-list') {
          return fail(claim, P.geometryInvalid, `${label}: ${where} is ${describeValue(read.value)} instead of a list of positions`);
        }
        if (read.kind === 'too-short' && read.positions === 0) {
          return fail(claim, P.coordinatesEmpty, `${label}: ${where} has empty coordinates`);
        }
        if (read.kind === 'too-short') {
          const message = `${label}: ${where} has only ${read.positions} position${read.positions === 1 ? '' : 's'} after closing; a ring needs at least 4`;
          return fail(claim, P.ringTooShort, message);
        }
        const at = `${where}, position ${read.positionIndex + 1}`;
        const message = read.wholePosition
          ? `${label} has an invalid position at ${at}: ${describeValue(read.value)} instead of [longitude, latitude]`
          : `${label} has an invalid coordinate value (${describeValue(read.value)}) at ${at}`;
        return fail(claim, P.coordinateInvalid, message);
      }
      dimensions = Math.max(dimensions, read.dimensions);
      duplicates += read.duplicatesRemoved;
      if (read.closed) closedRings.push(ringName(p, r, multi));
      rings.push(read.ring);
    }
    repaired.push(rings);
  }

  const warnings: OrderIssue[] = [];
  if (dimensions > 2) {
    const extra = dimensions === 3 ? 'Z' : 'Z/M';
    warnings.push(claimIssue(W.zDropped, `${label} has ${dimensions}-D coordinates; the ${extra} values were dropped`, claim.name));
  }
  if (closedRings.length > 0) {
    const verb = closedRings.length === 1 ? 'was' : 'were';
    const message = `${label}: ${closedRings.join(', ')} ${verb} not closed; closed by repeating the first position`;
    warnings.push(claimIssue(W.ringClosed, message, claim.name));
  }
  if (duplicates > 0) {
    const message = `${label}: ${duplicates} duplicate consecutive ${duplicates === 1 ? 'vertex' : 'vertices'} removed`;
    warnings.push(claimIssue(W.duplicateVertex, message, claim.name));
  }

  const range = checkCoordinateRange(extentOf(repaired), repaired[0]?.[0]?.[0] ?? [0, 0]);
  if (range.kind === 'projected') {
    const message = `${label} looks like projected coordinates (metres), expected longitude/latitude (first position ${formatPosition(range.sample)})`;
    return fail(claim, P.projected, message, warnings);
  }
  if (range.kind === 'out-of-range') {
    const message = `${label} has coordinates outside the longitude/latitude range ±180, ±90 (first position ${formatPosition(range.sample)})`;
    return fail(claim, P.outOfRange, message, warnings);
  }
  if (range.kind === 'swapped') {
    const message = `${label} looks like it has latitude, longitude swapped (first position ${formatPosition(range.sample)}); GeoJSON expects longitude first`;
    return fail(claim, P.swapped, message, warnings);
  }

  for (let p = 0; p < repaired.length; p++) {
    const rings = repaired[p] as LinearRing[];
    for (let r = 0; r < rings.length; r++) {
      const near = findRingSelfIntersection(rings[r] as LinearRing, { overBudget: options.overBudget });
      if (near === BUDGET_EXCEEDED) {
        const message = `${label} was not checked: the order's geometry check ran past its ${ORDER_LIMITS.geometryBudgetMs / 1000} s budget`;
        return { geometry: null, areaAcres: 0, problems: [{ code: ORDER_LIMIT_CODES.geometryTimedOut, message, claim: claim.name }], warnings };
      }
      if (near !== null) {
        const message = `${label} is self-intersecting: its ${ringName(p, r, multi)} crosses or touches itself near ${formatPosition(near)}`;
        return fail(claim, P.selfIntersection, message, warnings);
      }
    }
  }

  const geometry: ClaimGeometry = multi
    ? { type: 'MultiPolygon', coordinates: repaired }
    : { type: 'Polygon', coordinates: repaired[0] as LinearRing[] };
  const areaAcres = claimAreaAcres(geometry);
  const verdict = judgeClaimArea(areaAcres);
  if (verdict === 'large') {
    const message = `${label} is ${formatAcres(areaAcres)} acres, far larger than a lode or placer claim can be (over ${MAX_PLAUSIBLE_ACRES} acres); it looks suspicious`;
    warnings.push(claimIssue(W.areaLarge, message, claim.name));
  } else if (verdict === 'tiny') {
    const message = `${label} is only ${formatAcres(areaAcres)} acres (under ${MIN_PLAUSIBLE_ACRES} acre); it looks suspicious`;
    warnings.push(claimIssue(W.areaTiny, message, claim.name));
  }
  return { geometry, areaAcres, problems: [], warnings };
}
