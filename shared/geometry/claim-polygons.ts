/**
 * parseClaimPolygons: an order's claim_polygons, in any shape the server sends, into named claims that can
 * be fulfilled plus a list of what is wrong (problems block a claim) and what was repaired or looks odd
 * (warnings). It never throws: garbage in gives problems out, so one order cannot break a sync.
 */
import type { NormalizedClaim } from '../domain/normalized-order.types';
import type { OrderIssue } from '../domain/order.types';
import { checkClaimGeometry, type ClaimLabel } from './claim-geometry-check';
import { CLAIM_PROBLEM_CODES, CLAIM_WARNING_CODES, claimIssue } from './claim-issue-codes';
import { unwrapClaimPolygons, type RawClaimEntry } from './claim-shape-unwrap';

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

export function parseClaimPolygons(value: unknown): ClaimPolygonsResult {
  const unwrapped = unwrapClaimPolygons(value);
  if (!unwrapped.ok) return { claims: [], polygonCount: 0, problems: [unwrapped.problem], warnings: [] };

  const claims: NormalizedClaim[] = [];
  const problems: OrderIssue[] = [];
  const warnings: OrderIssue[] = [];
  const names: string[] = [];
  let polygonCount = 0;
  for (const entry of unwrapped.entries) {
    polygonCount += polygonsIn(entry.geometry);
    const claim = labelFor(entry);
    names.push(claim.name);
    if (entry.name === null) {
      const message = `Claim ${entry.position} has no name (properties.name or claim_name); it is called '${claim.name}'`;
      warnings.push(claimIssue(CLAIM_WARNING_CODES.nameMissing, message, claim.name));
    }
    if (entry.unrecognised !== undefined) {
      const message = `${claim.label} is not a GeoJSON Feature or claim record (got ${entry.unrecognised})`;
      problems.push(claimIssue(CLAIM_PROBLEM_CODES.entryUnrecognised, message, claim.name));
      continue;
    }
    const checked = checkClaimGeometry(entry.geometry, claim);
    problems.push(...checked.problems);
    warnings.push(...checked.warnings);
    if (checked.geometry !== null) {
      claims.push({ name: claim.name, geometry: checked.geometry, areaAcres: checked.areaAcres });
    }
  }
  warnings.push(...duplicateNameWarnings(names));
  return { claims, polygonCount, problems, warnings };
}
