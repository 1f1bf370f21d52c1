/**
 * parseClaimPolygons: an order's claim_polygons, in any shape the server sends, into named claims that can
 * be fulfilled plus a list of what is wrong (problems block a claim) and what was repaired or looks odd
 * (warnings). It never throws: garbage in gives problems out, so one order cannot break a sync. Its cost is
 * bounded (shared/domain/order-limits.ts): vertices are counted before any is read, and the whole order's
 * check has a time budget; an order past either is kept with a problem naming the cap.
 */
import type { NormalizedClaim } from '../domain/normalized-order.types';
import type { OrderIssue } from '../domain/order.types';
import { checkClaimGeometry, type ClaimLabel } from './claim-geometry-check';
import { CLAIM_PROBLEM_CODES, CLAIM_WARNING_CODES, claimIssue } from './claim-issue-codes';
import { unwrapClaimPolygons, type RawClaimEntry } from './claim-shape-unwrap';
import { formatCount, ORDER_LIMIT_CODES, ORDER_LIMITS, vertexCapsText } from '../domain/order-limits';

export interface ClaimPolygonsResult {
  /** Claims without problems, in the order received, with repaired geometry. */
  claims: NormalizedClaim[];
  /**
   * Every polygon found, usable or not: each entry counts once (a LineString or null geometry is still a
   * claim the customer paid for), except a MultiPolygon, which counts its parts. The server packs a whole
   * block of claims into one MultiPolygon feature and counts them in claim_count, which this is compared
   * with. Such a feature stays ONE claim in `claims`, as in the QGIS plugin: its parts share a name.
   */
  polygonCount: number;
  problems: OrderIssue[];
  warnings: OrderIssue[];
}

function labelFor(entry: RawClaimEntry): ClaimLabel {
  return entry.name === null
    ? { name: `Claim ${entry.position}`, label: `Claim ${entry.position}` }
    : { name: entry.name, label: `Claim '${entry.name}'` };
}

function duplicateNameWarnings(names: readonly string[]): OrderIssue[] {
  // Almost every order has unique names: find that out with a Set before counting anything.
  if (new Set(names).size === names.length) return [];
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const warnings: OrderIssue[] = [];
  for (const [name, count] of counts) {
    if (count > 1) {
      const message = `Claim name '${name}' is used by ${count} claims; documents and LandHoldings are matched by name, so rename them before fulfilling`;
      warnings.push(claimIssue(CLAIM_WARNING_CODES.nameDuplicate, message, name));
    }
  }
  return warnings;
}

function polygonsIn(geometry: unknown): number {
  if (typeof geometry !== 'object' || geometry === null || !('type' in geometry) || geometry.type !== 'MultiPolygon') return 1;
  const parts: unknown = 'coordinates' in geometry ? geometry.coordinates : undefined;
  return Array.isArray(parts) && parts.length > 0 ? parts.length : 1;
}

/** Positions in a Polygon / MultiPolygon's rings, counted from the arrays' lengths without reading one. */
function verticesIn(geometry: unknown): number {
  if (typeof geometry !== 'object' || geometry === null || !('coordinates' in geometry) || !Array.isArray(geometry.coordinates)) return 0;
  const type = 'type' in geometry ? geometry.type : null;
  const polygons: unknown[] = type === 'MultiPolygon' ? geometry.coordinates : type === 'Polygon' ? [geometry.coordinates] : [];
  let count = 0;
  for (const polygon of polygons) {
    if (!Array.isArray(polygon)) continue;
    for (const ring of polygon) if (Array.isArray(ring)) count += ring.length;
  }
  return count;
}

export interface ParseClaimPolygonsOptions {
  /** Milliseconds, for the time budget (performance.now by default; tests pass a fake clock). */
  now?: () => number;
}

export function parseClaimPolygons(value: unknown, options: ParseClaimPolygonsOptions = {}): ClaimPolygonsResult {
  const unwrapped = unwrapClaimPolygons(value);
  if (!unwrapped.ok) return { claims: [], polygonCount: 0, problems: [unwrapped.problem], warnings: [] };

  const claims: NormalizedClaim[] = [];
  const problems: OrderIssue[] = [];
  const warnings: OrderIssue[] = [];
  const names: string[] = [];
  const polygonCount = unwrapped.entries.reduce((sum, entry) => sum + polygonsIn(entry.geometry), 0);
  const vertices = unwrapped.entries.reduce((sum, entry) => sum + verticesIn(entry.geometry), 0);
  if (vertices > ORDER_LIMITS.maxVerticesPerOrder) {
    const message = `The order's claims have ${formatCount(vertices)} vertices in all; ClaimDesk checks ${vertexCapsText()}, so none of its claims were read`;
    return { claims: [], polygonCount, problems: [{ code: ORDER_LIMIT_CODES.tooManyVerticesInOrder, message }], warnings: [] };
  }
  const now = options.now ?? (() => performance.now());
  const started = now();
  const overBudget = (): boolean => now() - started > ORDER_LIMITS.geometryBudgetMs;
  for (const [index, entry] of unwrapped.entries.entries()) {
    if (overBudget()) {
      const left = unwrapped.entries.length - index;
      const message = `Checking the order's geometry ran past its ${ORDER_LIMITS.geometryBudgetMs / 1000} s budget; ${left} of its ${unwrapped.entries.length} claims were not checked`;
      problems.push({ code: ORDER_LIMIT_CODES.geometryTimedOut, message });
      break;
    }
    const claim = labelFor(entry);
    names.push(claim.name);
    if (entry.name === null) {
      const message = `Claim ${entry.position} has no name (properties.name or claim_name); it is called '${claim.name}'`;
      warnings.push(claimIssue(CLAIM_WARNING_CODES.nameMissing, message, claim.name));
    }
    if (entry.nameCutFrom !== undefined) {
      const message = `${claim.label.slice(0, 60)}… has a name ${formatCount(entry.nameCutFrom)} characters long; ClaimDesk keeps at most ${formatCount(ORDER_LIMITS.maxTextChars)} (cut there)`;
      problems.push({ code: ORDER_LIMIT_CODES.textTooLong, message, claim: claim.name });
    }
    if (entry.unrecognised !== undefined) {
      const message = `${claim.label} is not a GeoJSON Feature or claim record (got ${entry.unrecognised})`;
      problems.push(claimIssue(CLAIM_PROBLEM_CODES.entryUnrecognised, message, claim.name));
      continue;
    }
    const checked = checkClaimGeometry(entry.geometry, claim, { overBudget });
    problems.push(...checked.problems);
    warnings.push(...checked.warnings);
    if (checked.geometry !== null) {
      claims.push({ name: claim.name, geometry: checked.geometry, areaAcres: checked.areaAcres });
    }
  }
  warnings.push(...duplicateNameWarnings(names));
  return { claims, polygonCount, problems, warnings };
}
