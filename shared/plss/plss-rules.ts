/**
 * Layout checks that need the PLSS, as plain rule functions any caller (the Validate step, a shared job check)
 * runs over the claims and the PLSS index around them. Both are warnings: staff may have reasons, but should know.
 *  - A claim that crosses a township line must be described in both townships on its notice and in BLM's record
 *    (43 CFR 3832.12(c) names the township); recorders and BLM mis-key these most.
 *  - A placer claim on surveyed land must conform "as nearly as practicable" to the rectangular subdivisions of
 *    the public surveys (30 U.S.C. 35; 43 CFR 3842.1-2): its corners should sit on aliquot corners (10-acre steps).
 * Claims outside the imported PLSS are not judged.
 */
import { intersectionAreaM2, ringBox, type Box } from '../claims/polygon-ops';
import { openRing } from '../claims/claim-frame';
import { perClaim, type LayoutCheckMemo } from '../claims/layout-check-memo';
import type { LayoutIssue } from '../claims/validate-layout';
import { ACRE_M2, FOOT_M, type Utm } from '../geo/utm';
import type { LayoutClaim } from '../layout/layout.types';
import { MIN_COVER_ACRES } from './plss-describe';
import { quadCorners, quadPoint } from './plss-geometry';
import type { PlssIndex } from './plss-index';

export const PLSS_ISSUE_CODES = ['crosses_township', 'placer_not_aliquot'] as const;

/** How far a placer corner may sit from an aliquot corner and still follow it: GPS-grade staking, 2 m. */
export const ALIQUOT_TOLERANCE_M = 2;

const grow = (box: Box, m: number): Box => ({ minX: box.minX - m, minY: box.minY - m, maxX: box.maxX + m, maxY: box.maxY + m });

export function townshipCrossingWarnings(claims: readonly LayoutClaim[], index: PlssIndex, memo?: LayoutCheckMemo): LayoutIssue[] {
  return claims.flatMap((claim) => perClaim(memo, 'plss-township', [index], claim, (c) => townshipCrossing(c, index)) ?? []);
}

function townshipCrossing(claim: LayoutClaim, index: PlssIndex): LayoutIssue | null {
  const minM2 = MIN_COVER_ACRES * ACRE_M2;
  const ring = openRing(claim.corners);
  const nearby = index.search(ringBox(ring));
  // Township polygons where imported; otherwise the townships of the sections the claim touches.
  const townships = nearby.some((p) => p.part.kind === 'township') ? nearby.filter((p) => p.part.kind === 'township') : nearby.filter((p) => p.part.kind === 'section');
  const touched = new Map<string, string>();
  for (const part of townships) {
    if (touched.has(part.part.plssId)) continue;
    const m2 = part.rings.reduce((sum, r) => sum + intersectionAreaM2(ring, r, minM2), 0);
    if (m2 >= minM2) touched.set(part.part.plssId, `T${part.part.township} R${part.part.range}`);
  }
  if (touched.size < 2) return null;
  const names = [...touched.values()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return {
    code: 'crosses_township',
    message: `Claim '${claim.name}' crosses a township line (${names.join(' and ')}): its notice and BLM's record must name each township; recorders often mis-key such claims. Keep it within one township if you can`,
    claimId: claim.id,
    claim: claim.name,
  };
}

/** Aliquot corners near a box: the corners, edge mid-points and centre of every quarter-quarter (10-acre steps). */
function aliquotCorners(index: PlssIndex, box: Box): Utm[] {
  const points: Utm[] = [];
  for (const part of index.search(grow(box, 50))) {
    if (part.part.kind === 'lot') {
      for (const ring of part.rings) points.push(...ring);
      continue;
    }
    if (part.part.kind !== 'aliquot') continue;
    for (const ring of part.rings) {
      const q = quadCorners(ring);
      for (const u of [0, 0.5, 1]) for (const v of [0, 0.5, 1]) points.push(quadPoint(q, u, v));
    }
  }
  return points;
}

export function placerAliquotWarnings(claims: readonly LayoutClaim[], index: PlssIndex, memo?: LayoutCheckMemo): LayoutIssue[] {
  return claims.flatMap((claim) => (claim.kind === 'placer' ? (perClaim(memo, 'plss-aliquot', [index], claim, (c) => placerOffAliquot(c, index)) ?? []) : []));
}

function placerOffAliquot(claim: LayoutClaim, index: PlssIndex): LayoutIssue | null {
  const ring = openRing(claim.corners);
  const box = ringBox(ring);
  const inSurvey = index.search(box, ['section']).some((s) => s.rings.some((r) => intersectionAreaM2(ring, r) > 0));
  if (!inSurvey) return null;
  const lattice = aliquotCorners(index, box);
  if (lattice.length === 0) return null;
  let worst = 0;
  for (const corner of ring) {
    let nearest = Infinity;
    for (const p of lattice) nearest = Math.min(nearest, Math.hypot(p[0] - corner[0], p[1] - corner[1]));
    worst = Math.max(worst, nearest);
  }
  if (worst <= ALIQUOT_TOLERANCE_M) return null;
  return {
    code: 'placer_not_aliquot',
    message: `Placer claim '${claim.name}' does not follow aliquot lines (a corner is ${Math.round(worst / FOOT_M).toLocaleString('en-US')} ft from the nearest aliquot corner): placers on surveyed land should conform to legal subdivisions (30 U.S.C. 35). Use “Snap to aliquot parts” on the Layout step`,
    claimId: claim.id,
    claim: claim.name,
  };
}

/** Both checks, in the order the Validate step lists them. */
export function plssWarnings(claims: readonly LayoutClaim[], index: PlssIndex, memo?: LayoutCheckMemo): LayoutIssue[] {
  return [...townshipCrossingWarnings(claims, index, memo), ...placerAliquotWarnings(claims, index, memo)];
}
