/**
 * Federal versus state land. Claims under the General Mining Law are located on federal land; Alaska also lets
 * miners locate on State land under its own rules (AS 38.05.185–.275; DNR staking requirements for state land),
 * which ClaimDesk knows only in outline: a location is a quarter section (160 acres) or quarter-quarter section
 * (40 acres) of the MTRS grid (an MTRSC location), or a "traditional" location of at most 1,320 ft on any side
 * with its lines in the cardinal directions. A 1,500 × 600 ft federal lode is neither, so it is refused there
 * with the reason. Other states' trust lands are not open to location under these rules.
 */
import { z } from 'zod';
import { gridToTrueDeg } from '../geo/convergence';
import { FOOT_M, utmScaleFactor, type Utm } from '../geo/utm';
import type { LayoutClaim } from '../layout/layout.types';
import { openRing } from './claim-frame';
import { perClaim, type LayoutCheckMemo } from './layout-check-memo';

export const landStatusSchema = z.enum(['federal', 'state']);
export type LandStatus = z.infer<typeof landStatusSchema>;

/** DNR traditional location: no side longer than 1,320 ft. */
export const ALASKA_STATE_MAX_SIDE_FT = 1320;
/** "Lines in the cardinal directions": a side more than this far off true N–S or E–W is not. */
export const CARDINAL_TOLERANCE_DEG = 0.5;
const SIDE_TOLERANCE_FT = 0.05;

export interface LandIssue {
  code: 'state_land_not_alaska' | 'state_land_geometry';
  message: string;
  claimId?: string;
  claim?: string;
}

/** How far a true bearing is from the nearest cardinal direction, degrees. */
function offCardinal(trueDeg: number): number {
  const r = ((trueDeg % 90) + 90) % 90;
  return Math.min(r, 90 - r);
}

/** Refusals for claims laid out on State land: only Alaska has state-land locations, and only in their shapes. */
export function stateLandIssues(
  claims: readonly LayoutClaim[],
  input: { stateCode: string | null; landStatus: LandStatus; epsg: number },
  memo?: LayoutCheckMemo,
): LandIssue[] {
  if (input.landStatus !== 'state') return [];
  if ((input.stateCode ?? '').toUpperCase() !== 'AK') {
    return [{
      code: 'state_land_not_alaska',
      message: 'The job is marked as State land, but ClaimDesk has state-land location rules for Alaska only; claims under the General Mining Law are located on federal land. Mark the job as federal land, or check the state\'s own rules',
    }];
  }
  const context = [input.epsg];
  const issues: LandIssue[] = [];
  for (const claim of claims) {
    const issue = perClaim(memo, 'alaska-state-land', context, claim, (c) => alaskaStateLandIssue(c, input.epsg));
    if (issue) issues.push(issue);
  }
  return issues;
}

/** Why one claim is not an Alaska State-land location shape (a side over 1,320 ft, lines off the cardinal directions), or null. */
function alaskaStateLandIssue(claim: LayoutClaim, epsg: number): LandIssue | null {
  const ring = openRing(claim.corners);
  if (ring.length < 3) return null;
  const centre: Utm = [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
  const k = utmScaleFactor(epsg, centre);
  let longestFt = 0;
  let worstDeg = 0;
  ring.forEach((p, i) => {
    const q = ring[(i + 1) % ring.length]!;
    longestFt = Math.max(longestFt, Math.hypot(q[0] - p[0], q[1] - p[1]) / k / FOOT_M);
    const gridDeg = (Math.atan2(q[0] - p[0], q[1] - p[1]) * 180) / Math.PI;
    worstDeg = Math.max(worstDeg, offCardinal(gridToTrueDeg(epsg, centre, gridDeg)));
  });
  const why: string[] = [];
  const feet = longestFt.toFixed(1).replace(/\B(?=(\d{3})+(?!\d))/, ',');
  if (longestFt > ALASKA_STATE_MAX_SIDE_FT + SIDE_TOLERANCE_FT) why.push(`a side of ${feet} ft (at most 1,320 ft)`);
  if (worstDeg > CARDINAL_TOLERANCE_DEG) why.push(`lines ${worstDeg.toFixed(1)}° off the cardinal directions`);
  if (why.length === 0) return null;
  const lode = claim.kind === 'lode' && ring.length === 4 && longestFt > 1400 ? ' It is laid out as a federal lode claim (1,500 × 600 ft).' : '';
  return {
    code: 'state_land_geometry',
    claimId: claim.id,
    claim: claim.name,
    message:
      `Claim '${claim.name}' has ${why.join(' and ')}: on State of Alaska land a location is an MTRSC quarter section (160 acres) or ` +
      `quarter-quarter section (40 acres), or a traditional location of at most 1,320 ft a side with lines running north–south and east–west ` +
      `(Alaska DNR staking requirements for state land).${lode} Lay it out again, or mark the job as federal land`,
  };
}
